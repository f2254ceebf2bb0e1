// Raw rows → entities through TypeORM's own column metadata and driver conversions, for hot
// paths where the query builder would cost more than the statement.
import type { EntityManager, EntityMetadata, ObjectLiteral } from 'typeorm';
import { sql } from './sql';

interface ColumnPlan {
  property: string;
  name: string;
  /** Set when the driver must convert (JSON, booleans, transformers such as decryption or bigint). */
  convert?: (value: unknown) => unknown;
}

// Text and integer columns come back from both drivers as they are stored; only the others pay
// for the driver's conversion. The plan is worked out once per entity and connection.
const plainTypes = new Set(['varchar', 'text', 'integer', 'int', String, Number]);
const plans = new WeakMap<EntityMetadata, ColumnPlan[]>();

function planFor(em: EntityManager, metadata: EntityMetadata): ColumnPlan[] {
  let plan = plans.get(metadata);
  if (!plan) {
    const driver = em.connection.driver;
    plan = metadata.columns.map((column) => ({
      property: column.propertyName,
      name: column.databaseName,
      convert:
        column.transformer || !plainTypes.has(column.type as string) ? (value: unknown) => driver.prepareHydratedValue(value, column) : undefined,
    }));
    plans.set(metadata, plan);
  }
  return plan;
}

export function hydrate<T extends ObjectLiteral>(em: EntityManager, entity: new () => T, raw: Record<string, unknown>): T {
  const out = new entity() as Record<string, unknown>;
  for (const { property, name, convert } of planFor(em, em.connection.getMetadata(entity))) {
    const value = raw[name];
    out[property] = convert ? convert(value) : value;
  }
  return out as T;
}

export async function selectAs<T extends ObjectLiteral>(em: EntityManager, entity: new () => T, text: string, params: unknown[] = []): Promise<T[]> {
  const rows = await sql<Record<string, unknown>>(em, text, params);
  return rows.map((row) => hydrate(em, entity, row));
}

/** INSERT of one entity-shaped object through the driver's value conversions (JSON, bigint …). */
export async function insertRow<T extends ObjectLiteral>(em: EntityManager, entity: new () => T, values: Partial<T>): Promise<void> {
  await insertRows(em, entity, [values]);
}

/**
 * Multi-row INSERT of entity-shaped objects (the columns of the first row), in statements of at
 * most ~30,000 parameters; with `onConflict`, an upsert that sets `update` from the new row.
 */
export async function insertRows<T extends ObjectLiteral>(
  em: EntityManager,
  entity: new () => T,
  rows: Partial<T>[],
  onConflict?: { key: (keyof T & string)[]; update: (keyof T & string)[] },
): Promise<void> {
  if (!rows.length) return;
  const meta = em.connection.getMetadata(entity);
  const driver = em.connection.driver;
  const first = rows[0] as Record<string, unknown>;
  const columns = meta.columns.filter((c) => !c.isGenerated && first[c.propertyName] !== undefined);
  const names = columns.map((c) => `"${c.databaseName}"`).join(', ');
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const columnName = (property: string) => meta.findColumnWithPropertyName(property)!.databaseName;
  const upsert = onConflict
    ? ` ON CONFLICT (${onConflict.key.map((k) => `"${columnName(k)}"`).join(', ')}) DO UPDATE SET ${onConflict.update
        .map((k) => `"${columnName(k)}" = excluded."${columnName(k)}"`)
        .join(', ')}`
    : '';
  const perStatement = Math.max(1, Math.floor(30_000 / columns.length));
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement) as Record<string, unknown>[];
    const params = chunk.flatMap((row) => columns.map((c) => driver.preparePersistentValue(row[c.propertyName], c)));
    await sql(em, `INSERT INTO "${meta.tableName}" (${names}) VALUES ${chunk.map(() => tuple).join(', ')}${upsert}`, params);
  }
}
