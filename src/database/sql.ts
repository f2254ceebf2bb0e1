import type { EntityManager } from 'typeorm';

interface Statement {
  reader: boolean;
  all(...params: unknown[]): unknown[];
  run(...params: unknown[]): unknown;
}
interface SqliteConnection {
  prepare(text: string): Statement;
}

const statements = new WeakMap<SqliteConnection, Map<string, Statement>>();

/**
 * Runs raw SQL written with `?` placeholders on either dialect (PostgreSQL wants `$1, $2 …`).
 * Used where the query builder would cost more than the statement itself (hot paths, upserts).
 * On SQLite it runs a cached prepared statement on the manager's own connection — inside the
 * caller's transaction — without TypeORM's per-query bookkeeping.
 */
export async function sql<T = unknown>(em: EntityManager, text: string, params: unknown[] = []): Promise<T[]> {
  if (em.connection.options.type === 'postgres') {
    let n = 0;
    const result = await em.query(
      text.replace(/\?/g, () => `$${++n}`),
      params,
    );
    // TypeORM answers UPDATE and DELETE with [rows, rowCount]; rows are objects, never arrays.
    return Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number' ? result[0] : result;
  }
  const connection = (em.connection.driver as unknown as { databaseConnection: SqliteConnection }).databaseConnection;
  let cache = statements.get(connection);
  if (!cache) statements.set(connection, (cache = new Map()));
  let statement = cache.get(text);
  if (!statement) {
    statement = connection.prepare(text);
    if (cache.size > 500) cache.clear();
    cache.set(text, statement);
  }
  const values = params.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : p));
  if (statement.reader) return statement.all(...values) as T[];
  statement.run(...values);
  return [];
}
