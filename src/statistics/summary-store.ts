// The incremental monthly summary: one row per (month, unit, track) with a column per measure,
// kept current inside each transition's transaction, plus the log of late changes to past months
// from which adjustments are reported (R-T4).
import type { EntityManager } from 'typeorm';
import { uuidv7 } from '../common/ids';
import { sql } from '../database/sql';
import { columnOf, emptyFigures, measures, type Figures } from './measures';
import { shanghaiMonth, type Month } from './month';
import type { Query, StatisticsReader } from './read-pool';
import type { SummaryRow } from './recount';
import { placeholders } from './sql-dialect';
import { mergeDeltas, type FactDelta } from './transition-facts';

const columns = measures.map((x) => ({ id: x.id, column: columnOf(x.id) }));
const selectColumns = `month, unit_code, track, ${columns.map((c) => c.column).join(', ')}`;

/** Adds deltas to the summary; a delta for a month before the one it is recorded in is also logged as a late change. */
export async function applyDeltas(em: EntityManager, deltas: FactDelta[], recordedAt: string, caseId: string): Promise<void> {
  const recordedMonth = shanghaiMonth(recordedAt);
  for (const d of deltas) {
    const ids = Object.keys(d.figures);
    const cols = ids.map(columnOf);
    await sql(
      em,
      `INSERT INTO statistics_monthly (month, unit_code, track, updated_at, ${cols.join(', ')})
       VALUES (?, ?, ?, ?, ${placeholders(cols.length)})
       ON CONFLICT (month, unit_code, track) DO UPDATE SET updated_at = excluded.updated_at,
       ${cols.map((c) => `${c} = statistics_monthly.${c} + excluded.${c}`).join(', ')}`,
      [d.month, d.unitCode, d.track, recordedAt, ...ids.map((id) => d.figures[id])],
    );
    if (d.month < recordedMonth) {
      await sql(
        em,
        `INSERT INTO statistics_late_changes (id, case_id, month, unit_code, track, recorded_at, recorded_month, figures)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        [uuidv7(Date.parse(recordedAt)), caseId, d.month, d.unitCode, d.track, recordedAt, recordedMonth, JSON.stringify(d.figures)],
      );
    }
  }
}

/** What one transition adds to the summary. */
export interface SummaryChange {
  deltas: FactDelta[];
  recordedAt: string;
  caseId: string;
}

/**
 * The changes of many transitions (a sweeper round) as few upserts: deltas of the month they are
 * recorded in are summed per row first; those to earlier months keep their own late-change entry.
 */
export async function applyChanges(em: EntityManager, changes: SummaryChange[]): Promise<void> {
  const current = new Map<string, FactDelta[]>();
  for (const { deltas, recordedAt, caseId } of changes) {
    const recordedMonth = shanghaiMonth(recordedAt);
    const late = deltas.filter((d) => d.month < recordedMonth);
    if (late.length) await applyDeltas(em, late, recordedAt, caseId);
    const list = current.get(recordedAt) ?? current.set(recordedAt, []).get(recordedAt)!;
    list.push(...deltas.filter((d) => d.month >= recordedMonth));
  }
  // None of these is late, so no late-change entry needs the case id.
  for (const [recordedAt, deltas] of current) await applyDeltas(em, mergeDeltas(deltas), recordedAt, '');
}

/** A raw row of `selectColumns`: month, unit, track, then the measures in `columns` order. */
function toRow(r: unknown[]): SummaryRow {
  const figures = emptyFigures();
  columns.forEach((c, i) => (figures[c.id] = Number(r[3 + i] ?? 0)));
  return { month: String(r[0]), unitCode: String(r[1]), track: String(r[2]), figures };
}

/** Summary rows of one month, or of a range of months; for some units or all. */
export async function readSummary(
  reader: Pick<StatisticsReader, 'rows'>,
  range: { from: Month; to: Month } | 'all',
  unitCodes?: string[],
): Promise<SummaryRow[]> {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (range !== 'all') {
    clauses.push(range.from === range.to ? 'month = ?' : 'month >= ? AND month <= ?');
    params.push(...(range.from === range.to ? [range.from] : [range.from, range.to]));
  }
  if (unitCodes) {
    clauses.push(unitCodes.length ? `unit_code IN (${placeholders(unitCodes.length)})` : '1 = 0');
    params.push(...unitCodes);
  }
  const rows = await reader.rows(
    `SELECT ${selectColumns} FROM statistics_monthly ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''}`,
    params,
  );
  return rows.map(toRow);
}

export interface LateChange {
  month: Month;
  unitCode: string;
  track: string;
  recordedAt: string;
  figures: Partial<Figures>;
}

/** Changes recorded in `recordedMonth` to figures of earlier months. */
export async function readLateChanges(query: Query, recordedMonth: Month, recordedBy?: string): Promise<LateChange[]> {
  const rows = await query<Record<string, string>>(
    `SELECT month, unit_code, track, recorded_at, figures FROM statistics_late_changes
     WHERE recorded_month = ?${recordedBy ? ' AND recorded_at <= ?' : ''}`,
    recordedBy ? [recordedMonth, recordedBy] : [recordedMonth],
  );
  return rows.map((r) => ({ month: r.month, unitCode: r.unit_code, track: r.track, recordedAt: r.recorded_at, figures: JSON.parse(r.figures) }));
}

/** Rewrites the whole summary from a recount (the repair half of the recompute command). */
export async function replaceSummary(em: EntityManager, rows: SummaryRow[], at: string): Promise<void> {
  await sql(em, 'DELETE FROM statistics_monthly');
  const names = columns.map((c) => c.column);
  const perRow = 4 + names.length;
  const batch = Math.max(1, Math.floor(900 / perRow));
  for (let i = 0; i < rows.length; i += batch) {
    const chunk = rows.slice(i, i + batch);
    await sql(
      em,
      `INSERT INTO statistics_monthly (month, unit_code, track, updated_at, ${names.join(', ')}) VALUES ${chunk
        .map(() => `(${placeholders(perRow)})`)
        .join(', ')}`,
      chunk.flatMap((r) => [r.month, r.unitCode, r.track, at, ...columns.map((c) => r.figures[c.id] ?? 0)]),
    );
  }
}
