// Custom analysis beyond the fixed form: counts of track segments from the record, by any of
// month, unit (at a chosen tier), dispute type, source, track and outcome, over a month range.
// "mediated" buckets by the month a segment was accepted, "concluded" by the month it ended (R-T2).
import type { Tier } from '../../workflows/case';
import { caseSources } from '../cases/catalog/sources';
import { headerOf } from './measures';
import { monthBounds, type Month } from './month';
import type { OrgSnapshot } from './org-directory';
import type { Query } from './read-pool';
import type { ReportingTree } from './reporting-tree';
import { outcomeClasses, outcomesOf, type OutcomeClass } from './segment-outcomes';
import { monthJoin, monthOf, placeholders } from './sql-dialect';

export const analysisDimensions = ['month', 'unit', 'disputeType', 'source', 'track', 'outcome'] as const;
export type AnalysisDimension = (typeof analysisDimensions)[number];

export interface AnalysisRequest {
  measure: 'mediated' | 'concluded';
  from: Month;
  to: Month;
  groupBy: AnalysisDimension[];
  /** Units at this tier when grouping by unit (default: the root's children). */
  tier?: Tier;
  disputeType?: string;
  source?: string;
  track?: string;
  /** A segment outcome (`agreement`…) or an outcome class (`success`, `failure`, `handover`). */
  outcome?: string;
}

export interface AnalysisRow {
  month?: Month;
  unit?: { code: string; name: string };
  disputeType?: { code: string; name: string };
  source?: { code: string; name: string };
  track?: string;
  outcome?: { code: string; class: OutcomeClass | null };
  count: number;
}

const columnOfDimension: Record<Exclude<AnalysisDimension, 'unit'>, string> = {
  month: 'month',
  disputeType: 'c.dispute_type',
  source: 'c.source',
  track: 's.track',
  outcome: 's.outcome',
};

export async function analyse(
  query: Query,
  org: OrgSnapshot,
  tree: ReportingTree,
  root: string,
  tracks: string[] | 'all',
  request: AnalysisRequest,
): Promise<{ rows: AnalysisRow[]; total: number }> {
  const instant = request.measure === 'mediated' ? 's.started_at' : 's.ended_at';
  const subtree = new Set(tree.subtree(root));
  const unitCodes = [...subtree].flatMap((d) => (org.unitsByDivision.get(d) ?? []).map((u) => u.code));
  const where = [`${instant} >= ?`, `${instant} < ?`, `s.unit_code IN (${placeholders(unitCodes.length || 1)})`];
  const params: unknown[] = [monthBounds(request.from).startsAt, monthBounds(request.to).endsAt, ...(unitCodes.length ? unitCodes : [''])];
  const filter = (clause: string, ...values: unknown[]) => {
    where.push(clause);
    params.push(...values);
  };
  if (tracks !== 'all') filter(`s.track IN (${placeholders(tracks.length)})`, ...tracks);
  if (request.track) filter('s.track = ?', request.track);
  if (request.disputeType) filter('c.dispute_type = ?', request.disputeType);
  if (request.source) filter('c.source = ?', request.source);
  if (request.outcome) {
    const outcomes = ['success', 'failure', 'handover'].includes(request.outcome) ? outcomesOf(request.outcome as OutcomeClass) : [request.outcome];
    filter(`s.outcome IN (${placeholders(outcomes.length)})`, ...outcomes);
  }
  const dims = request.groupBy.map((d) => (d === 'unit' ? 's.unit_code' : columnOfDimension[d]));
  const select = request.groupBy.map((d, i) => `${d === 'month' ? monthOf(instant) : dims[i]} AS "${d}"`);
  const rows = await query<Record<string, string | number>>(
    `SELECT ${[...select, 'COUNT(*) AS n'].join(', ')}
     FROM case_segments s JOIN cases c ON c.id = s.case_id ${monthJoin(instant)}
     WHERE ${where.join(' AND ')}
     ${dims.length ? `GROUP BY ${dims.map((_, i) => i + 1).join(', ')}` : ''}`,
    params,
  );

  // Units are grouped at the requested tier in code: the record knows units, the tree their ancestors.
  const tier = request.tier ?? (tree.division(tree.childrenOf(root)[0] ?? root)?.level as Tier | undefined);
  const merged = new Map<string, AnalysisRow>();
  for (const r of rows) {
    const row: AnalysisRow = { count: Number(r.n) };
    if (r.month !== undefined) row.month = String(r.month);
    if (r.unit !== undefined) {
      const division = org.units.get(String(r.unit))!.divisionCode;
      const at = (tier && tree.ancestorAt(division, tier)) || division;
      const info = tree.division(at);
      row.unit = { code: at, name: info?.name ?? at };
    }
    if (r.disputeType !== undefined) row.disputeType = { code: String(r.disputeType), name: headerOf(`type.${r.disputeType}`) };
    if (r.source !== undefined) row.source = { code: String(r.source), name: caseSources[String(r.source) as keyof typeof caseSources] ?? String(r.source) };
    if (r.track !== undefined) row.track = String(r.track);
    if (r.outcome !== undefined) {
      const code = r.outcome === null ? 'ongoing' : String(r.outcome);
      row.outcome = { code, class: outcomeClasses[code as keyof typeof outcomeClasses] ?? null };
    }
    const key = JSON.stringify({ ...row, count: 0 });
    const into = merged.get(key);
    if (into) into.count += row.count;
    else merged.set(key, row);
  }
  const out = [...merged.values()].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return { rows: out, total: out.reduce((s, r) => s + r.count, 0) };
}
