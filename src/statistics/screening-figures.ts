// R-T1 screening columns, read at report time from the screening rounds (R-V4) rather than kept in
// the summary: a round is a report of its own, not a case transition. A round counts in the month
// its period starts (a month, or an ISO week by its Monday — as src/screening/screening-period.ts
// reads periods); disputes prevented are its finds that reached an agreement.
import { emptyFigures, type Figures } from './measures';
import type { Month } from './month';
import type { Query } from './read-pool';
import { placeholders } from './sql-dialect';

const day = 86_400_000;

/** ISO weeks (`2026-W45`) whose Monday falls in the month. */
export function weeksStartingIn(month: Month): string[] {
  const weeks: string[] = [];
  for (let t = Date.parse(`${month}-01T00:00:00Z`); new Date(t).toISOString().slice(0, 7) === month; t += day) {
    if (new Date(t).getUTCDay() !== 1) continue;
    const weekYear = new Date(t + 3 * day).getUTCFullYear();
    const jan4 = Date.UTC(weekYear, 0, 4);
    const mondayOfWeek1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * day;
    weeks.push(`${weekYear}-W${String(1 + Math.round((t - mondayOfWeek1) / (7 * day))).padStart(2, '0')}`);
  }
  return weeks;
}

/** Screening figures of each unit that reported a round for the month (as of a cut-off if given). */
export async function screeningFigures(query: Query, month: Month, cutoff?: string): Promise<Map<string, Figures>> {
  const periods = [month, ...weeksStartingIn(month)];
  const rows = await query<{ unit_code: string; rounds: number | string; found: number | string; prevented: number | string }>(
    `SELECT r.unit_code, COUNT(*) AS rounds, SUM(r.disputes_found) AS found,
       SUM((SELECT COUNT(*) FROM screening_finds f WHERE f.round_id = r.id AND EXISTS (
              SELECT 1 FROM case_segments s WHERE s.case_id = f.case_id AND s.outcome = 'agreement'${cutoff ? ' AND s.ended_at <= ?' : ''}))) AS prevented
     FROM screening_rounds r
     WHERE r.period IN (${placeholders(periods.length)})${cutoff ? ' AND r.reported_at <= ?' : ''}
     GROUP BY r.unit_code`,
    [...(cutoff ? [cutoff] : []), ...periods, ...(cutoff ? [cutoff] : [])],
  );
  return new Map(
    rows.map((r) => [
      r.unit_code,
      { ...emptyFigures(), screeningRounds: Number(r.rounds), screeningFound: Number(r.found ?? 0), screeningPrevented: Number(r.prevented ?? 0) },
    ]),
  );
}
