// Instants are stored as fixed-width ISO-8601 UTC text ("2026-11-27T04:02:53.000Z"): the same in
// SQLite and PostgreSQL, and ordered lexicographically as in time.

export const toInstant = (date: Date): string => date.toISOString();

const SHANGHAI_OFFSET_MS = 8 * 3_600_000; // China has kept UTC+8 without DST since 1991.

/** The same instant written with the +08:00 offset users read (API answers). */
export function toShanghaiIso(instant: string | Date): string {
  const ms = new Date(instant).getTime() + SHANGHAI_OFFSET_MS;
  return new Date(ms).toISOString().replace('Z', '+08:00');
}

/** Calendar date (YYYY-MM-DD) of an instant in Asia/Shanghai. */
export function shanghaiDate(instant: string | Date): string {
  return toShanghaiIso(instant).slice(0, 10);
}

/** The instant a Shanghai calendar date starts. */
export function startOfShanghaiDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00.000+08:00`)).toISOString();
}

const utcInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/**
 * A copy of a free-form value (a statechart context's facts) with every UTC instant in it written
 * with +08:00, like the API's other times. Dates without a time (a birth date) are left alone.
 */
export function withShanghaiInstants<T>(value: T): T {
  if (typeof value === 'string') return (utcInstant.test(value) ? toShanghaiIso(value) : value) as T;
  if (Array.isArray(value)) return value.map(withShanghaiInstants) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withShanghaiInstants(v)])) as T;
  }
  return value;
}
