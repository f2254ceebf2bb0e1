// Raw rows → entities through TypeORM's own column metadata and driver conversions, for hot
// paths where the query builder would cost more than the statement.
import type { EntityManager, ObjectLiteral } from 'typeorm';
import { sql } from './sql';

export function hydrate<T extends ObjectLiteral>(em: EntityManager, entity: new () => T, raw: Record<string, unknown>): T {
  const { columns } = em.connection.getMetadata(entity);
  const driver = em.connection.driver;
  const out = new entity() as Record<string, unknown>;
  for (const column of columns) out[column.propertyName] = driver.prepareHydratedValue(raw[column.databaseName], column);
  return out as T;
}

export async function selectAs<T extends ObjectLiteral>(em: EntityManager, entity: new () => T, text: string, params: unknown[] = []): Promise<T[]> {
  const rows = await sql<Record<string, unknown>>(em, text, params);
  return rows.map((row) => hydrate(em, entity, row));
}

/** INSERT of one entity-shaped object through the driver's value conversions (JSON, bigint …). */
export async function insertRow<T extends ObjectLiteral>(em: EntityManager, entity: new () => T, values: Partial<T>): Promise<void> {
  const meta = em.connection.getMetadata(entity);
  const driver = em.connection.driver;
  const columns = meta.columns.filter((c) => !c.isGenerated && (values as Record<string, unknown>)[c.propertyName] !== undefined);
  const names = columns.map((c) => `"${c.databaseName}"`).join(', ');
  const marks = columns.map(() => '?').join(', ');
  const params = columns.map((c) => driver.preparePersistentValue((values as Record<string, unknown>)[c.propertyName], c));
  await sql(em, `INSERT INTO "${meta.tableName}" (${names}) VALUES (${marks})`, params);
}
