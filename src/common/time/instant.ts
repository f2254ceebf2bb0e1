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
