// R-T2: the recount's SQL puts every instant in the same Asia/Shanghai month as the engine does:
// the statistics_months calendar (filled by a migration) against shanghaiMonth (code).
import { sql } from '../../../src/database/sql';
import { shanghaiMonth } from '../../../src/statistics/month';
import { monthOf, sqliteMonthOfInstant, sqliteShanghaiMonth } from '../../../src/statistics/sql-dialect';
import { openScratchDatabase, type ScratchDatabase } from '../../support/scratch-database';

describe('R-T2 month of an instant in the recount\'s SQL: midnight Shanghai time', () => {
  let scratch: ScratchDatabase;

  beforeAll(async () => {
    scratch = await openScratchDatabase('month-sql');
  });

  afterAll(() => scratch.dispose());

  const months = async (instants: string[]) =>
    sql<{ at: string; month: string }>(
      scratch.db.reader,
      `SELECT j.value AS at, ${monthOf('j.value')} AS month
       FROM json_each(?) j JOIN statistics_months m ON m.month = substr(j.value, 1, 7)`,
      [JSON.stringify(instants)],
    );

  it('puts the last eight UTC hours of a month in the next month, and nothing earlier', async () => {
    const rows = await months([
      '2026-06-28T16:00:00.000Z', // 28 June 00:00 Shanghai: still June
      '2026-06-30T15:59:59.999Z',
      '2026-06-30T16:00:00.000Z', // 1 July 00:00 Shanghai
      '2026-02-28T16:00:00.000Z', // 1 March: February 2026 has 28 days
      '2024-02-28T16:00:00.000Z', // 29 February 2024
      '2024-02-29T16:00:00.000Z',
      '2026-12-31T16:00:00.000Z', // the year turns
      '2026-10-27T23:59:59.999Z',
    ]);
    expect(rows.map((r) => r.month)).toEqual(['2026-06', '2026-06', '2026-07', '2026-03', '2024-02', '2024-03', '2027-01', '2026-10']);
  });

  it('agrees with the engine (shanghaiMonth) at every half-hour of 2024–2026 and the millisecond before each hour', async () => {
    const instants: string[] = [];
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2027, 0, 1); t += 30 * 60_000) instants.push(new Date(t).toISOString());
    instants.push(...instants.filter((at) => at.endsWith(':00:00.000Z')).map((at) => new Date(Date.parse(at) - 1).toISOString()));

    const rows = await months(instants);

    expect(rows).toHaveLength(instants.length);
    const disagreements = rows.filter((r) => r.month !== shanghaiMonth(r.at));
    expect(disagreements).toEqual([]);
  });

  /** Each instant every `step` ms over 2000–2030 and the millisecond before it, bucketed by an SQLite form. */
  const calendarFree = async (form: (column: string) => string, step: number) => {
    const instants: string[] = [];
    for (let t = Date.UTC(2000, 0, 1); t < Date.UTC(2031, 0, 1); t += step) instants.push(new Date(t).toISOString(), new Date(t - 1).toISOString());
    const rows = await sql<{ at: string; month: string }>(scratch.db.reader, `SELECT j.value AS at, ${form('j.value')} AS month FROM json_each(?) j`, [
      JSON.stringify(instants),
    ]);
    expect(rows).toHaveLength(instants.length);
    return rows;
  };

  it('agrees without the calendar too, in the form SQLite indexes follow-ups by (sqliteShanghaiMonth)', async () => {
    const rows = await calendarFree(sqliteShanghaiMonth, 4 * 3_600_000);

    expect(rows.filter((r) => r.month !== shanghaiMonth(r.at))).toEqual([]);
    expect(rows.find((r) => r.at === '2026-06-30T16:00:00.000Z')?.month).toBe('2026-07');
  });

  it('agrees in the shortcut form the segment check computes months by (sqliteMonthOfInstant), at every hour of 2000–2030', async () => {
    const rows = await calendarFree(sqliteMonthOfInstant, 3_600_000);

    expect(rows.filter((r) => r.month !== shanghaiMonth(r.at))).toEqual([]);
    // Both branches: the first seven characters, and strftime in a month's last eight hours.
    expect(rows.find((r) => r.at === '2026-06-27T23:59:59.999Z')?.month).toBe('2026-06');
    expect(rows.find((r) => r.at === '2026-06-30T15:59:59.999Z')?.month).toBe('2026-06');
    expect(rows.find((r) => r.at === '2026-06-30T16:00:00.000Z')?.month).toBe('2026-07');
    expect(rows.find((r) => r.at === '2024-02-28T16:00:00.000Z')?.month).toBe('2024-02');
    expect(rows.find((r) => r.at === '2024-02-29T16:00:00.000Z')?.month).toBe('2024-03');
  });
});
