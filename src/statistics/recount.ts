// The monthly figures counted afresh from the record (R-T1, R-T2), in a few set-based passes. The
// segment passes group case_segments by the facts kept on each row (./segment-facts.ts) in index
// order; the full verification first proves, segment by segment and in case order, that those facts
// still follow from the record — cases, parties, the agreement event, clocks — so the whole is a
// recount of the record without a million-row sort or random join. The other passes read prevention
// flags, documents and transitions. None of it shares a code path with the incremental summary
// (./summary-writer.ts): the recompute command compares the two. With a cut-off it counts only what
// had been recorded by then, so any month can be recounted as it stood at any moment.
import { disputeTypeCatalogs } from '../cases/catalog/dispute-types';
import { caseSources } from '../cases/catalog/sources';
import { preventionKinds } from '../cases/prevention-flag.entity';
import type { EntityManager } from 'typeorm';
import { sql } from '../database/sql';
import { addInto, columnOf, emptyFigures, measures, type Figures } from './measures';
import { monthBounds, type Month } from './month';
import type { Dialect, StatisticsReader } from './read-pool';
import { outcomesOf } from './segment-outcomes';
import { courtReturnEvents, documentMeasures, sourceMeasures } from './transition-facts';
import { epochSeconds, isOneOf, jsonField, jsonTrue, literal, monthJoin, monthOf, placeholders, sqliteMonthOfInstant, sqliteShanghaiMonth } from './sql-dialect';

export interface RecountScope {
  /** One month only; all months when absent. */
  month?: Month;
  /** Only these units' figures; all units when absent. */
  unitCodes?: string[];
  /** Count only what had been recorded by this instant (ISO UTC). */
  cutoff?: string;
}

export interface SummaryRow {
  month: Month;
  unitCode: string;
  track: string;
  figures: Figures;
}

const byColumn = new Map(measures.map((x) => [columnOf(x.id), x.id]));
const inList = (values: string[]): string => values.map(literal).join(', ');
// FILTER evaluates each condition but steps only the aggregates whose rows match: with thirty
// breakdown columns per segment that is markedly cheaper than SUM(CASE …) on both dialects.
const countIf = (condition: string, column: string) => `COUNT(*) FILTER (WHERE ${condition}) AS ${column}`;
const sumIf = (value: string, condition: string, column: string) => `COALESCE(SUM(${value}) FILTER (WHERE ${condition}), 0) AS ${column}`;

/** Where a pass finds a row's month: an instant bucketed by range, or a month key kept on the row. */
type MonthBy = { instant: string } | { key: string };

/** Conditions a pass adds for the scope: the month, the units, the cut-off. */
function where(scope: RecountScope, month: MonthBy, unit: string, recordedBy: string[]) {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (scope.month && 'key' in month) {
    clauses.push(`${month.key} = ?`);
    params.push(scope.month);
  } else if (scope.month && 'instant' in month) {
    const { startsAt, endsAt } = monthBounds(scope.month);
    clauses.push(`${month.instant} >= ? AND ${month.instant} < ?`);
    params.push(startsAt, endsAt);
  }
  if (scope.unitCodes) {
    clauses.push(scope.unitCodes.length ? `${unit} IN (${placeholders(scope.unitCodes.length)})` : '1 = 0');
    params.push(...scope.unitCodes);
  }
  if (scope.cutoff) {
    for (const recorded of recordedBy) {
      clauses.push(`${recorded} <= ?`);
      params.push(scope.cutoff);
    }
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** When the first segment of a case was recorded can be later than it started (a back-dated intake). */
const registeredAt = `(SELECT r.at FROM case_transitions r WHERE r.case_id = s.case_id AND r.version = 1)`;

interface Pass {
  /** What the pass counts, for progress output (zh-CN). */
  label: string;
  text: string;
  params: unknown[];
  /** The summary columns the pass counts. */
  columns: string[];
}

/** The summary columns a pass's SELECT names (every `AS column` after the three keys). */
const pass = (label: string, text: string, params: unknown[]): Pass => ({
  label,
  text,
  params,
  columns: [...text.matchAll(/ AS ([a-z0-9_]+)/g)].map((m) => m[1]).filter((c) => byColumn.has(c)),
});

/** Segments by the month they were accepted (R-T2), with the case's dimensions kept on the segment. */
function acceptancePass(scope: RecountScope): Pass {
  const types = Object.values(disputeTypeCatalogs).flatMap((c) => c.types);
  const typeColumns = [...new Map(types.map((t) => [t.code, t])).values()].flatMap((t) => [
    countIf(`s.dispute_type = ${literal(t.code)}`, columnOf(`type.${t.code}`)),
    ...Object.keys(t.subtypes ?? {})
      .filter((sub) => sub !== 'other')
      .map((sub) => countIf(`s.dispute_type = ${literal(t.code)} AND s.dispute_subtype = ${literal(sub)}`, columnOf(`type.${t.code}.${sub}`))),
  ]);
  const w = where(scope, { key: 's.accepted_month' }, 's.unit_code', ['s.started_at', registeredAt]);
  return pass(
    '受理',
    `SELECT s.accepted_month AS month, s.unit_code, s.track,
        COUNT(*) AS mediated,
        COALESCE(SUM(s.parties), 0) AS parties,
        ${Object.keys(caseSources).map((code) => countIf(`s.source = ${literal(code)}`, columnOf(`source.${code}`))).join(',\n        ')},
        ${typeColumns.join(',\n        ')},
        ${Object.entries(sourceMeasures).map(([source, id]) => countIf(`s.seq = 1 AND s.source = ${literal(source)}`, columnOf(id))).join(',\n        ')}
      FROM case_segments s
      ${w.sql}
      GROUP BY s.accepted_month, s.unit_code, s.track`,
    w.params,
  );
}

function preventionPass(scope: RecountScope): Pass {
  const w = where(scope, { key: 's.accepted_month' }, 's.unit_code', ['s.started_at', registeredAt]);
  const columns = Object.keys(preventionKinds).flatMap((kind) => [
    countIf(`f.kind = ${literal(kind)}`, columnOf(`prevention.${kind}.cases`)),
    sumIf('f.people', `f.kind = ${literal(kind)}`, columnOf(`prevention.${kind}.people`)),
  ]);
  return pass(
    '预防',
    `SELECT s.accepted_month AS month, s.unit_code, s.track, ${columns.join(', ')}
      FROM prevention_flags f JOIN case_segments s ON s.case_id = f.case_id AND s.seq = 1
      ${w.sql}
      GROUP BY s.accepted_month, s.unit_code, s.track`,
    w.params,
  );
}

/** Segments by the month they concluded (R-T2), with how they concluded kept on the segment. */
function conclusionPass(scope: RecountScope): Pass {
  const w = where(scope, { key: 's.concluded_month' }, 's.unit_code', ['s.ended_at']);
  return pass(
    '办结',
    `SELECT s.concluded_month AS month, s.unit_code, s.track,
        ${countIf(`s.outcome IN (${inList(outcomesOf('success'))})`, 'succeeded')},
        ${countIf(`s.outcome IN (${inList(outcomesOf('failure'))})`, 'failed')},
        ${countIf(`s.outcome IN (${inList(outcomesOf('handover'))})`, 'handed_over')},
        ${countIf(`s.outcome = 'mediation-statement' OR s.agreement_form = 'written'`, 'agreements_written')},
        ${countIf(`s.agreement_form = 'oral'`, 'agreements_oral')},
        COALESCE(SUM(s.amount_fen), 0) AS amount_fen,
        COALESCE(SUM(s.concluded_seconds), 0) AS concluded_seconds,
        COALESCE(SUM(s.overdue), 0) AS overdue
      FROM case_segments s
      ${w.sql ? `${w.sql} AND s.concluded_month IS NOT NULL` : 'WHERE s.concluded_month IS NOT NULL'}
      GROUP BY s.concluded_month, s.unit_code, s.track`,
    w.params,
  );
}

function documentPass(scope: RecountScope): Pass {
  const kinds = Object.keys(documentMeasures);
  const w = where(scope, { instant: 'd.issued_at' }, 'd.issuing_unit_code', ['d.issued_at']);
  return pass(
    '文书',
    `SELECT ${monthOf('d.issued_at')} AS month, d.issuing_unit_code AS unit_code, 'peoples' AS track,
        ${Object.entries(documentMeasures).map(([kind, id]) => countIf(`d.kind = ${literal(kind)}`, columnOf(id))).join(', ')}
      FROM documents d ${monthJoin('d.issued_at')}
      ${w.sql ? `${w.sql} AND` : 'WHERE'} d.kind IN (${inList(kinds)})
      GROUP BY 1, 2`,
    w.params,
  );
}

/**
 * Rare events the recount reads by kind. The SQLite index over them is partial, and SQLite uses a
 * partial index only when the query repeats its condition word for word: every pass that reads one
 * of them says `t.event IN (…this list…)` first (migration 1795790000001 has the same list).
 */
export const rareEvents = ['RETURN_REFERRAL', 'REPORT_COURT_RESULT', 'RULE_ON_CONFIRMATION'];
const rareEventsTerm = (alias: string) => `${alias}.event IN (${inList(rareEvents)})`;

/**
 * RECORD_FOLLOW_UP: follow-ups and those that found the agreement performed, at the recording unit.
 * SQLite reads them from an index in (Shanghai month, unit) order, so they group without a sort.
 */
function followUpPass(scope: RecountScope, reader: StatisticsReader): Pass {
  const sqlite = reader.dialect === 'sqlite';
  const month = sqlite ? sqliteShanghaiMonth('t.at') : monthOf('t.at');
  const w = where(scope, sqlite ? { key: month } : { instant: 't.at' }, 't.actor_unit_code', ['t.at']);
  return pass(
    '回访',
    `SELECT ${month} AS month, t.actor_unit_code AS unit_code, 'peoples' AS track,
        COUNT(*) AS follow_ups,
        ${countIf(`${jsonField(reader.dialect, 't.payload', 'performance')} = 'performed'`, 'performed')}
      FROM case_transitions t ${sqlite ? '' : monthJoin('t.at')}
      ${w.sql ? `${w.sql} AND` : 'WHERE'} t.event = 'RECORD_FOLLOW_UP'
      GROUP BY 1, 2`,
    w.params,
  );
}

/** Cases an office handed back to the court (R-L3, R-L4), at the office, in the month it did. */
function courtReturnPass(scope: RecountScope): Pass {
  const w = where(scope, { instant: 't.at' }, 't.actor_unit_code', ['t.at']);
  return pass(
    '退回法院',
    `SELECT ${monthOf('t.at')} AS month, t.actor_unit_code AS unit_code, 'peoples' AS track, COUNT(*) AS court_returned
      FROM case_transitions t ${monthJoin('t.at')}
      ${w.sql ? `${w.sql} AND` : 'WHERE'} ${rareEventsTerm('t')} AND t.event IN (${inList(courtReturnEvents)}) AND t.to_state LIKE 'court.%'
      GROUP BY 1, 2`,
    w.params,
  );
}

/** R-L6: confirmed agreements, at the unit whose segment reached the agreement, in the ruling's month. */
function confirmationPass(scope: RecountScope, reader: StatisticsReader): Pass {
  const w = where(scope, { instant: 't.at' }, 's.unit_code', ['t.at']);
  return pass(
    '司法确认',
    `SELECT ${monthOf('t.at')} AS month, s.unit_code, s.track, COUNT(*) AS confirmed
      FROM case_transitions t JOIN case_segments s ON s.case_id = t.case_id AND s.outcome = 'agreement' ${monthJoin('t.at')}
      ${w.sql ? `${w.sql} AND` : 'WHERE'} ${rareEventsTerm('t')} AND t.event = 'RULE_ON_CONFIRMATION' AND ${jsonTrue(reader.dialect, 't.payload', 'confirmed')}
      GROUP BY 1, 2, 3`,
    w.params,
  );
}

/**
 * Longest first (on 1M cases: acceptance ~2.2 s, conclusion ~1.2 s, follow-ups ~0.5 s, the rest
 * under 0.4 s): SQLite's read pool hands them to its threads in this order, after the segment
 * check, so the short ones fill in at the end instead of one long pass running on alone.
 */
const passes = (reader: StatisticsReader, scope: RecountScope): Pass[] => [
  acceptancePass(scope),
  conclusionPass(scope),
  followUpPass(scope, reader),
  documentPass(scope),
  preventionPass(scope),
  courtReturnPass(scope),
  confirmationPass(scope, reader),
];

/** Every pass at once (on SQLite the read pool runs them in parallel), merged per (month, unit, track). */
export async function recount(reader: StatisticsReader, scope: RecountScope = {}): Promise<SummaryRow[]> {
  const results = await Promise.all(passes(reader, scope).map((p) => reader.query<Record<string, unknown>>(p.text, p.params)));
  const rows = new Map<string, SummaryRow>();
  for (const result of results) {
    for (const r of result) {
      const key = `${r.month}|${r.unit_code}|${r.track}`;
      let row = rows.get(key);
      if (!row) rows.set(key, (row = { month: String(r.month), unitCode: String(r.unit_code), track: String(r.track), figures: emptyFigures() }));
      for (const [column, value] of Object.entries(r)) {
        const id = byColumn.get(column);
        if (id) addInto(row.figures, { [id]: Number(value ?? 0) });
      }
    }
  }
  return [...rows.values()];
}

/** A summary figure that differs from the recount. */
export interface FigureDifference {
  month: Month;
  unitCode: string;
  track: string;
  measure: string;
  summary: number;
  recount: number;
}

/** A fact kept on a segment that no longer follows from the record. */
export interface SegmentDifference {
  caseId: string;
  seq: number;
  unitCode: string;
  track: string;
  fact: SegmentFact;
  kept: string | number | null;
  record: string | number | null;
}

export type Difference = FigureDifference | SegmentDifference;

/** The facts kept on case_segments (./segment-facts.ts), with what the form calls them (zh-CN). */
export const segmentFactLabels = {
  accepted_month: '受理月份',
  concluded_month: '办结月份',
  source: '案件来源',
  dispute_type: '纠纷类型',
  dispute_subtype: '纠纷子类',
  parties: '当事人数',
  agreement_form: '协议形式',
  amount_fen: '协议金额（分）',
  concluded_seconds: '办结用时（秒）',
  overdue: '是否超期',
} as const;
export type SegmentFact = keyof typeof segmentFactLabels;
const segmentFactNames = Object.keys(segmentFactLabels) as SegmentFact[];
const numericFacts = new Set<SegmentFact>(['parties', 'amount_fen', 'concluded_seconds', 'overdue']);

/**
 * Every segment's facts derived from the record beside those kept on it (k_…), for the segments
 * where any differ. SQLite reads the segments in case order, so its lookups — the case for its
 * dimensions, its parties, its agreement event, its clocks — walk their indexes in order; it
 * computes the months instead of joining the calendar, and seeks an agreement only for a segment
 * that ended in one (a NULL key skips the seek). PostgreSQL gets the per-case counts as joins
 * instead: it hashes them in parallel workers, where a correlated subquery would run once per
 * segment in the leader alone (24 s instead of ~6 on 1M cases).
 */
function segmentCheck(dialect: Dialect): string {
  const pg = dialect === 'postgres';
  const concluded = isOneOf(dialect, 's.outcome', [...outcomesOf('success'), ...outcomesOf('failure')]);
  const form = jsonField(dialect, 'a.payload', 'form');
  const amount = `CAST(${jsonField(dialect, 'a.payload', 'amountFen')} AS BIGINT)`;
  const accepted = pg ? monthOf('s.started_at', 'm') : sqliteMonthOfInstant('s.started_at');
  const ended = pg ? monthOf('s.ended_at', 'e') : sqliteMonthOfInstant('s.ended_at');
  const parties = pg ? 'COALESCE(p.n, 0)' : '(SELECT COUNT(*) FROM parties p WHERE p.case_id = s.case_id)';
  const late = pg
    ? 'k.first_due < s.ended_at'
    : 'EXISTS (SELECT 1 FROM clocks k WHERE k.case_id = s.case_id AND k.unit_code = s.unit_code AND k.due_at < s.ended_at)';
  const agreementOf = pg ? `a.case_id = s.case_id AND s.outcome = 'agreement'` : `a.case_id = CASE WHEN s.outcome = 'agreement' THEN s.case_id END`;
  const calendar = pg
    ? `JOIN statistics_months m ON m.month = substr(s.started_at, 1, 7)
       LEFT JOIN statistics_months e ON e.month = substr(s.ended_at, 1, 7)`
    : '';
  const perCase = pg
    ? `LEFT JOIN (SELECT case_id, COUNT(*) AS n FROM parties GROUP BY case_id) p ON p.case_id = s.case_id
       LEFT JOIN (SELECT case_id, unit_code, MIN(due_at) AS first_due FROM clocks GROUP BY case_id, unit_code) k
         ON k.case_id = s.case_id AND k.unit_code = s.unit_code`
    : '';
  return `SELECT * FROM (
      SELECT s.case_id, s.seq, s.unit_code, s.track,
        ${segmentFactNames.map((f) => `s.${f} AS k_${f}`).join(', ')},
        ${accepted} AS accepted_month,
        CASE WHEN s.ended_at IS NULL THEN NULL ELSE ${ended} END AS concluded_month,
        c.source, c.dispute_type, c.dispute_subtype,
        ${parties} AS parties,
        CASE WHEN s.outcome = 'agreement' THEN CASE WHEN ${form} = 'oral' THEN 'oral' ELSE 'written' END END AS agreement_form,
        CASE WHEN s.outcome = 'agreement' THEN COALESCE(${amount}, 0) END AS amount_fen,
        CASE WHEN ${concluded} THEN ${epochSeconds(dialect, 's.ended_at')} - ${epochSeconds(dialect, 's.started_at')} END AS concluded_seconds,
        CASE WHEN ${concluded} THEN CASE WHEN s.outcome = 'expired' OR ${late} THEN 1 ELSE 0 END END AS overdue
      FROM case_segments s JOIN cases c ON c.id = s.case_id
        ${calendar}
        LEFT JOIN case_transitions a ON a.event = 'REACH_AGREEMENT' AND ${agreementOf}
          AND a.at >= s.started_at AND a.at <= s.ended_at
        ${perCase}
    ) x
    WHERE ${segmentFactNames.map((f) => `x.k_${f} IS DISTINCT FROM x.${f}`).join(' OR ')}`;
}

const factValue = (fact: SegmentFact, value: unknown) =>
  value === null || value === undefined ? null : numericFacts.has(fact) ? Number(value) : String(value);

function segmentDifferences(rows: Record<string, unknown>[]): SegmentDifference[] {
  return rows.flatMap((r) =>
    segmentFactNames
      .map((fact) => ({ fact, kept: factValue(fact, r[`k_${fact}`]), record: factValue(fact, r[fact]) }))
      .filter((d) => d.kept !== d.record)
      .map((d) => ({ caseId: String(r.case_id), seq: Number(r.seq), unitCode: String(r.unit_code), track: String(r.track), ...d })),
  );
}

const nonZero = (alias: string, columns: string[]) => columns.map((col) => `${alias}.${col} <> 0`).join(' OR ');

/** A pass's groups beside the summary's rows, both ways round: only the rows that differ come back. */
const fullComparison = (p: Pass) =>
  `WITH counted AS (${p.text})
   SELECT COALESCE(c.month, s.month) AS month, COALESCE(c.unit_code, s.unit_code) AS unit_code, COALESCE(c.track, s.track) AS track,
     ${p.columns.map((col) => `COALESCE(c.${col}, 0) AS r_${col}, COALESCE(s.${col}, 0) AS s_${col}`).join(', ')}
   FROM counted c FULL OUTER JOIN statistics_monthly s ON s.month = c.month AND s.unit_code = c.unit_code AND s.track = c.track
   WHERE ${p.columns.map((col) => `COALESCE(c.${col}, 0) <> COALESCE(s.${col}, 0)`).join(' OR ')}`;

/**
 * SQLite: the same comparison as one row, without the full outer join — SQLite materializes the
 * pass for it and reads the summary a second time, a third of the pass's cost. The groups look up
 * their summary rows (a LEFT JOIN, the differing ones collected as JSON), and the summary rows the
 * groups did not reach are counted rather than listed: every summary row with a figure of the pass
 * (`summary_rows`, read in the same statement, so the same snapshot) must be one a group matched
 * (`matched_rows`). When it is not, the full comparison lists them.
 */
const quickComparison = (p: Pass) =>
  `WITH counted AS (${p.text})
   SELECT (SELECT COUNT(*) FROM statistics_monthly x WHERE ${nonZero('x', p.columns)}) AS summary_rows,
     COUNT(*) FILTER (WHERE ${nonZero('s', p.columns)}) AS matched_rows,
     json_group_array(json_array(c.month, c.unit_code, c.track, ${p.columns.map((col) => `c.${col}, COALESCE(s.${col}, 0)`).join(', ')}))
       FILTER (WHERE ${p.columns.map((col) => `c.${col} <> COALESCE(s.${col}, 0)`).join(' OR ')}) AS differing
   FROM counted c LEFT JOIN statistics_monthly s ON s.month = c.month AND s.unit_code = c.unit_code AND s.track = c.track`;

/** Where a pass's groups and the summary differ, figure by figure. */
async function passDifferences(reader: StatisticsReader, p: Pass): Promise<FigureDifference[]> {
  // One group: its key and, per column of the pass in order, [recount, summary].
  const figureDifferences = (month: unknown, unitCode: unknown, track: unknown, pairs: [unknown, unknown][]) =>
    pairs
      .map(([recount, summary], i) => ({ measure: byColumn.get(p.columns[i])!, recount: Number(recount), summary: Number(summary) }))
      .filter((d) => d.recount !== d.summary)
      .map((d) => ({ month: String(month), unitCode: String(unitCode), track: String(track), measure: d.measure, summary: d.summary, recount: d.recount }));
  if (reader.dialect === 'sqlite') {
    const [quick] = await reader.query<{ summary_rows: number; matched_rows: number; differing: string }>(quickComparison(p), p.params);
    if (Number(quick.summary_rows) === Number(quick.matched_rows)) {
      return (JSON.parse(quick.differing) as unknown[][]).flatMap(([month, unitCode, track, ...figures]) =>
        figureDifferences(month, unitCode, track, p.columns.map((_, i) => [figures[2 * i], figures[2 * i + 1]])),
      );
    }
  }
  const rows = await reader.query<Record<string, unknown>>(fullComparison(p), p.params);
  return rows.flatMap((r) => figureDifferences(r.month, r.unit_code, r.track, p.columns.map((col) => [r[`r_${col}`], r[`s_${col}`]])));
}

/**
 * The full recount compared with the summary inside the database, pass by pass, after the check
 * that every segment's kept facts follow from the record: only rows that differ come back, so a
 * million cases cost one scan each, not a million rows shipped to Node. `progress` hears (0, total)
 * at the start, then of each pass as it finishes (they run side by side on SQLite's read pool).
 */
export async function verifySummary(reader: StatisticsReader, progress?: (done: number, total: number, label: string) => void): Promise<Difference[]> {
  const all = passes(reader, {});
  const total = all.length + 1;
  let done = 0;
  progress?.(done, total, '');
  const tick = (label: string) => progress?.(++done, total, label);
  // The check is the longest: queued first, it runs beside the passes on the pool's other thread.
  // (Split in two halves by rowid it cost more in all than it gained in balance: bench/RESULTS.md.)
  const checked = reader.query<Record<string, unknown>>(segmentCheck(reader.dialect)).then((rows) => {
    tick('案件分段');
    return segmentDifferences(rows);
  });
  const counted = Promise.all(
    all.map(async (p) => {
      const differences = await passDifferences(reader, p);
      tick(p.label);
      return differences;
    }),
  );
  const segments = (await checked).sort((a, b) => `${a.caseId}|${a.seq}|${a.fact}`.localeCompare(`${b.caseId}|${b.seq}|${b.fact}`));
  const figures = (await counted).flat().sort((a, b) => `${a.month}${a.unitCode}${a.measure}`.localeCompare(`${b.month}${b.unitCode}${b.measure}`));
  return [...segments, ...figures];
}

/**
 * The repair of the recompute command: puts every segment's kept facts right from the record, then
 * rewrites the summary from the recount in one statement. Returns the summary's row count.
 */
export async function rebuildSummary(em: EntityManager, reader: StatisticsReader): Promise<number> {
  const wrong = await sql<Record<string, unknown>>(em, segmentCheck(reader.dialect));
  for (const r of wrong) {
    await sql(em, `UPDATE case_segments SET ${segmentFactNames.map((f) => `${f} = ?`).join(', ')} WHERE case_id = ? AND seq = ?`, [
      ...segmentFactNames.map((f) => factValue(f, r[f])),
      r.case_id,
      r.seq,
    ]);
  }
  const all = measures.map((x) => columnOf(x.id));
  const union = passes(reader, {})
    .map((p) => `SELECT month, unit_code, track, ${all.map((col) => (p.columns.includes(col) ? col : `0 AS ${col}`)).join(', ')} FROM (${p.text}) p`)
    .join('\n UNION ALL \n');
  await sql(em, 'DELETE FROM statistics_monthly');
  await sql(
    em,
    `INSERT INTO statistics_monthly (month, unit_code, track, updated_at, ${all.join(', ')})
     SELECT month, unit_code, track, ?, ${all.map((col) => `SUM(${col})`).join(', ')} FROM (${union}) u GROUP BY month, unit_code, track`,
    [new Date().toISOString(), ...passes(reader, {}).flatMap((p) => p.params)],
  );
  const [{ n }] = await sql<{ n: number | string }>(em, 'SELECT COUNT(*) AS n FROM statistics_monthly');
  return Number(n);
}
