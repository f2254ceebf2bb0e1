// Custom analysis beyond the fixed form: counts of track segments, by any of month, unit (at a
// chosen tier), dispute type, source, track and outcome, over a month range. "mediated" buckets by
// the month a segment was accepted, "concluded" by the month it ended (R-T2). It reads the facts kept
// on each segment (./segment-facts.ts; the recompute proves them against the record), so a county's
// year is one range of case_segments and no join.
import type { Tier } from '../../workflows/case';
import { caseSources } from '../cases/catalog/sources';
import { headerOf } from './measures';
import type { Month } from './month';
import type { OrgSnapshot } from './org-directory';
import type { Query } from './read-pool';
import type { ReportingTree } from './reporting-tree';
import { outcomeClasses, outcomesOf, type OutcomeClass } from './segment-outcomes';
import { placeholders } from './sql-dialect';

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

const columnOfDimension: Record<Exclude<AnalysisDimension, 'unit' | 'month'>, string> = {
  disputeType: 's.dispute_type',
  source: 's.source',
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
  const month = request.measure === 'mediated' ? 's.accepted_month' : 's.concluded_month';
  const subtree = new Set(tree.subtree(root));
  const unitCodes = [...subtree].flatMap((d) => (org.unitsByDivision.get(d) ?? []).map((u) => u.code));
  const where = [`${month} >= ?`, `${month} <= ?`, `s.unit_code IN (${placeholders(unitCodes.length || 1)})`];
  const params: unknown[] = [request.from, request.to, ...(unitCodes.length ? unitCodes : [''])];
  const filter = (clause: string, ...values: unknown[]) => {
    where.push(clause);
    params.push(...values);
  };
  if (tracks !== 'all') filter(`s.track IN (${placeholders(tracks.length)})`, ...tracks);
  if (request.track) filter('s.track = ?', request.track);
  if (request.disputeType) filter('s.dispute_type = ?', request.disputeType);
  if (request.source) filter('s.source = ?', request.source);
  if (request.outcome) {
    const outcomes = ['success', 'failure', 'handover'].includes(request.outcome) ? outcomesOf(request.outcome as OutcomeClass) : [request.outcome];
    filter(`s.outcome IN (${placeholders(outcomes.length)})`, ...outcomes);
  }
  const dims = request.groupBy.map((d) => (d === 'unit' ? 's.unit_code' : d === 'month' ? month : columnOfDimension[d]));
  const select = request.groupBy.map((d, i) => `${dims[i]} AS "${d}"`);
  const rows = await query<Record<string, string | number>>(
    `SELECT ${[...select, 'COUNT(*) AS n'].join(', ')}
     FROM case_segments s
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
