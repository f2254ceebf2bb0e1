// R-T4 submissions: each submit stores a frozen copy of the report; a reopen marks it with who,
// when and why. A unit's state for a month is its latest submission: none = draft, not reopened =
// submitted, reopened = a draft again until it is resubmitted.
import type { EntityManager } from 'typeorm';
import { uuidv7 } from '../common/ids';
import { sql } from '../database/sql';
import type { Month } from './month';
import type { Query } from './read-pool';
import { placeholders } from './sql-dialect';
import type { MonthlyReport } from './report';

export interface Submission {
  id: string;
  unitCode: string;
  divisionCode: string;
  month: Month;
  seq: number;
  submittedAt: string;
  submittedBy: string;
  reopenedAt: string | null;
  reopenedBy: string | null;
  reopenReason: string | null;
}

const metaColumns = 'id, unit_code, division_code, month, seq, submitted_at, submitted_by, reopened_at, reopened_by, reopen_reason';

const toSubmission = (r: Record<string, unknown>): Submission => ({
  id: String(r.id),
  unitCode: String(r.unit_code),
  divisionCode: String(r.division_code),
  month: String(r.month),
  seq: Number(r.seq),
  submittedAt: String(r.submitted_at),
  submittedBy: String(r.submitted_by),
  reopenedAt: (r.reopened_at as string) ?? null,
  reopenedBy: (r.reopened_by as string) ?? null,
  reopenReason: (r.reopen_reason as string) ?? null,
});

/** The latest submission of each division for a month (whatever its unit's state). */
export async function latestSubmissions(query: Query, month: Month): Promise<Map<string, Submission>> {
  const rows = await query(`SELECT ${metaColumns} FROM statistics_submissions WHERE month = ?`, [month]);
  const latest = new Map<string, Submission>();
  for (const row of rows.map(toSubmission)) {
    const seen = latest.get(row.divisionCode);
    if (!seen || seen.seq < row.seq) latest.set(row.divisionCode, row);
  }
  return latest;
}

/** The submissions of one unit, latest first. */
export async function submissionsOf(query: Query, unitCode: string): Promise<Submission[]> {
  const rows = await query(
    `SELECT ${metaColumns} FROM statistics_submissions WHERE unit_code = ? ORDER BY month DESC, seq DESC`,
    [unitCode],
  );
  return rows.map(toSubmission);
}

/** Submissions in force (not reopened) of some months, by division and month. */
export async function submittedIn(query: Query, months: Month[]): Promise<Map<string, Submission>> {
  if (!months.length) return new Map();
  const rows = await query(
    `SELECT ${metaColumns} FROM statistics_submissions WHERE reopened_at IS NULL AND month IN (${placeholders(months.length)})`,
    months,
  );
  return new Map(rows.map(toSubmission).map((s) => [`${s.divisionCode}|${s.month}`, s]));
}

export async function frozenReports(query: Query, ids: string[]): Promise<Map<string, MonthlyReport>> {
  const out = new Map<string, MonthlyReport>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = await query<{ id: string; report: string }>(
      `SELECT id, report FROM statistics_submissions WHERE id IN (${placeholders(chunk.length)})`,
      chunk,
    );
    for (const r of rows) out.set(r.id, JSON.parse(r.report));
  }
  return out;
}

export async function insertSubmission(em: EntityManager, s: Omit<Submission, 'id' | 'reopenedAt' | 'reopenedBy' | 'reopenReason'>, report: MonthlyReport) {
  const id = uuidv7(Date.parse(s.submittedAt));
  await sql(
    em,
    `INSERT INTO statistics_submissions (id, unit_code, division_code, month, seq, submitted_at, submitted_by, report)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [id, s.unitCode, s.divisionCode, s.month, s.seq, s.submittedAt, s.submittedBy, JSON.stringify(report)],
  );
  return id;
}

export async function markReopened(em: EntityManager, id: string, by: string, reason: string, at: string): Promise<void> {
  await sql(em, 'UPDATE statistics_submissions SET reopened_at = ?, reopened_by = ?, reopen_reason = ? WHERE id = ? AND reopened_at IS NULL', [
    at,
    by,
    reason,
    id,
  ]);
}
