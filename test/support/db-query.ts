import type { TestApp } from './test-app';

/** Raw SQL with `?` placeholders against the test app's database (reader), on either dialect. */
export function dbQuery(t: TestApp) {
  return async (sql: string, ...params: unknown[]): Promise<any[]> => {
    let n = 0;
    return t.db.reader.query(t.db.isPostgres ? sql.replace(/\?/g, () => `$${++n}`) : sql, params);
  };
}
