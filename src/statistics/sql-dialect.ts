// The few SQL fragments the recount needs that the two dialects spell differently. Instants are
// bucketed into months through the statistics_months calendar, filled in code (R-T2), so SQLite and
// PostgreSQL put every instant in the same month; the two SQLite forms without the calendar
// (sqliteShanghaiMonth, carried by an index, and sqliteMonthOfInstant) are held to the same months by
// a test.
import type { Dialect } from './read-pool';

/** Joins the calendar row of the UTC month an instant column falls in. */
export const monthJoin = (column: string, alias = 'm') => `JOIN statistics_months ${alias} ON ${alias}.month = substr(${column}, 1, 7)`;

/** The Shanghai month of the instant: the UTC month, or the next one in its last eight hours. */
export const monthOf = (column: string, alias = 'm') =>
  `CASE WHEN ${column} >= ${alias}.boundary THEN ${alias}.next_month ELSE ${alias}.month END`;

/**
 * SQLite: the Shanghai month of an ISO instant without the calendar (China has kept UTC+8 all
 * year since 1991), so that an index can carry it: migration 1795830000000 indexes follow-ups by
 * exactly this expression and the follow-up pass groups them in index order instead of sorting
 * 800,000 rows. test/unit/statistics/month-sql.spec.ts holds it to shanghaiMonth.
 */
export const sqliteShanghaiMonth = (column: string) => `strftime('%Y-%m', ${column}, '+8 hours')`;

/**
 * SQLite: the same month, mostly without parsing the date. Eight hours on from before 16:00 UTC,
 * or from before the 28th, is still the same UTC month, so the instant's first seven characters
 * (`YYYY-MM` of the stored `YYYY-MM-DDTHH:MM:SS.sssZ`) are the month; only the last eight hours of
 * a month's last days need strftime. The segment check buckets two instants of each of a million
 * segments: this costs less than the calendar join there (bench/RESULTS.md, stop 12).
 */
export const sqliteMonthOfInstant = (column: string) =>
  `CASE WHEN substr(${column}, 12, 2) < '16' OR substr(${column}, 9, 2) < '28' THEN substr(${column}, 1, 7) ELSE ${sqliteShanghaiMonth(column)} END`;

/**
 * `column IN (…values)`. SQLite codes an IN list of more than two values as a probe into a
 * temporary B-tree, once per row; a chain of `=` costs less for the handful of outcomes a
 * segment check tests on every segment.
 */
export function isOneOf(dialect: Dialect, column: string, values: string[]): string {
  const listed = values.map(literal);
  return dialect === 'postgres' ? `${column} IN (${listed.join(', ')})` : `(${listed.map((v) => `${column} = ${v}`).join(' OR ')})`;
}

/**
 * A top-level field of a JSON text column, as text. On SQLite, migration 1795830000000 indexes
 * `json_extract(payload, '$.form' | '$.amountFen' | '$.performance')` in this very form: SQLite reads
 * an indexed expression from the index only when the query spells it the same way.
 */
export function jsonField(dialect: Dialect, column: string, key: string): string {
  return dialect === 'postgres' ? `(CAST(${column} AS json) ->> '${key}')` : `json_extract(${column}, '$.${key}')`;
}

/** A top-level JSON boolean field is true (SQLite reads it as 1, PostgreSQL's ->> as 'true'). */
export function jsonTrue(dialect: Dialect, column: string, key: string): string {
  return dialect === 'postgres' ? `${jsonField(dialect, column, key)} = 'true'` : `json_extract(${column}, '$.${key}') = 1`;
}

/** Whole seconds since the epoch of an ISO instant column (truncated, as ./transition-facts.ts does). */
export function epochSeconds(dialect: Dialect, column: string): string {
  return dialect === 'postgres'
    ? `CAST(FLOOR(EXTRACT(EPOCH FROM CAST(${column} AS timestamptz))) AS BIGINT)`
    : `unixepoch(${column})`; // whole seconds, the fraction dropped; half the cost of strftime('%s')
}

/** `?, ?, ?` for a list of parameters. */
export const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** A SQL string literal of a known identifier-like value (catalogue codes, never user input). */
export const literal = (value: string) => {
  if (!/^[A-Za-z0-9._-]+$/.test(value)) throw new Error(`not a catalogue code: ${value}`);
  return `'${value}'`;
};
