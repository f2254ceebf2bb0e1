import type { TestApp } from './test-app';

/** Raw SQL with `?` placeholders against the test app's database (reader), on either dialect. */
export function dbQuery(t: TestApp) {
  return async (sql: string, ...params: unknown[]): Promise<any[]> => {
    let n = 0;
    return t.db.reader.query(t.db.isPostgres ? sql.replace(/\?/g, () => `$${++n}`) : sql, params);
  };
}

/**
 * The rows of a query once there are at least `count` (or whatever there is after 3 s): for records
 * written just after the answer went out, such as the audit of a denied read.
 */
export function dbRowsEventually(t: TestApp) {
  const query = dbQuery(t);
  return async (count: number, sql: string, ...params: unknown[]): Promise<any[]> => {
    const deadline = Date.now() + 3000;
    for (;;) {
      const rows = await query(sql, ...params);
      if (rows.length >= count || Date.now() > deadline) return rows;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
}
