// The monthly figures counted afresh from the record — segments, cases, parties, prevention flags,
// documents, transitions, clocks — in a few set-based passes (R-T1, R-T2). It shares no code path
// with the incremental summary (./summary-writer.ts): the recompute command compares the two.
// With a cut-off it counts only what had been recorded by then, so any month can be recounted as
// it stood at any moment (e.g. when its report was submitted).
import { disputeTypeCatalogs } from '../cases/catalog/dispute-types';
import { caseSources } from '../cases/catalog/sources';
import { preventionKinds } from '../cases/prevention-flag.entity';
import type { EntityManager } from 'typeorm';
import { sql } from '../database/sql';
import { addInto, columnOf, emptyFigures, measures, type Figures } from './measures';
import { monthBounds, type Month } from './month';
import type { StatisticsReader } from './read-pool';
import { outcomesOf } from './segment-outcomes';
import { courtReturnEvents, documentMeasures, sourceMeasures } from './transition-facts';
import { epochSeconds, jsonField, jsonTrue, literal, monthJoin, monthOf, placeholders } from './sql-dialect';

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

/** Conditions a pass adds for the scope: the month's time range, the units, the cut-off. */
function where(scope: RecountScope, instant: string, unit: string, recordedBy: string[]) {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (scope.month) {
    const { startsAt, endsAt } = monthBounds(scope.month);
    clauses.push(`${instant} >= ? AND ${instant} < ?`);
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

function acceptancePass(scope: RecountScope): Pass {
  const types = Object.values(disputeTypeCatalogs).flatMap((c) => c.types);
  const typeColumns = [...new Map(types.map((t) => [t.code, t])).values()].flatMap((t) => [
    countIf(`c.dispute_type = ${literal(t.code)}`, columnOf(`type.${t.code}`)),
    ...Object.keys(t.subtypes ?? {})
      .filter((sub) => sub !== 'other')
      .map((sub) => countIf(`c.dispute_type = ${literal(t.code)} AND c.dispute_subtype = ${literal(sub)}`, columnOf(`type.${t.code}.${sub}`))),
  ]);
  const w = where(scope, 's.started_at', 's.unit_code', ['s.started_at', registeredAt]);
  return pass(
    '受理',
    `SELECT ${monthOf('s.started_at')} AS month, s.unit_code, s.track,
        COUNT(*) AS mediated,
        COALESCE(SUM((SELECT COUNT(*) FROM parties p WHERE p.case_id = s.case_id)), 0) AS parties,
        ${Object.keys(caseSources).map((code) => countIf(`c.source = ${literal(code)}`, columnOf(`source.${code}`))).join(',\n        ')},
        ${typeColumns.join(',\n        ')},
        ${Object.entries(sourceMeasures).map(([source, id]) => countIf(`s.seq = 1 AND c.source = ${literal(source)}`, columnOf(id))).join(',\n        ')}
      FROM case_segments s JOIN cases c ON c.id = s.case_id ${monthJoin('s.started_at')}
      ${w.sql}
      GROUP BY 1, 2, 3`,
    w.params,
  );
}

function preventionPass(scope: RecountScope): Pass {
  const w = where(scope, 's.started_at', 's.unit_code', ['s.started_at', registeredAt]);
  const columns = Object.keys(preventionKinds).flatMap((kind) => [
    countIf(`f.kind = ${literal(kind)}`, columnOf(`prevention.${kind}.cases`)),
    sumIf('f.people', `f.kind = ${literal(kind)}`, columnOf(`prevention.${kind}.people`)),
  ]);
  return pass(
    '预防',
    `SELECT ${monthOf('s.started_at')} AS month, s.unit_code, s.track, ${columns.join(', ')}
      FROM prevention_flags f JOIN case_segments s ON s.case_id = f.case_id AND s.seq = 1 ${monthJoin('s.started_at')}
      ${w.sql}
      GROUP BY 1, 2, 3`,
    w.params,
  );
}

function conclusionPass(scope: RecountScope, reader: StatisticsReader): Pass {
  const success = inList(outcomesOf('success'));
  const concluded = inList([...outcomesOf('success'), ...outcomesOf('failure')]);
  const form = jsonField(reader.dialect, 'a.payload', 'form');
  const amount = `CAST(${jsonField(reader.dialect, 'a.payload', 'amountFen')} AS BIGINT)`;
  const late = `EXISTS (SELECT 1 FROM clocks k WHERE k.case_id = s.case_id AND k.unit_code = s.unit_code AND k.due_at < s.ended_at)`;
  const w = where(scope, 's.ended_at', 's.unit_code', ['s.ended_at']);
  return pass(
    '办结',
    `SELECT ${monthOf('s.ended_at')} AS month, s.unit_code, s.track,
        ${countIf(`s.outcome IN (${success})`, 'succeeded')},
        ${countIf(`s.outcome IN (${inList(outcomesOf('failure'))})`, 'failed')},
        ${countIf(`s.outcome IN (${inList(outcomesOf('handover'))})`, 'handed_over')},
        ${countIf(`s.outcome = 'mediation-statement' OR (s.outcome = 'agreement' AND COALESCE(${form}, 'written') <> 'oral')`, 'agreements_written')},
        ${countIf(`s.outcome = 'agreement' AND ${form} = 'oral'`, 'agreements_oral')},
        ${sumIf(`COALESCE(${amount}, 0)`, `s.outcome = 'agreement'`, 'amount_fen')},
        ${sumIf(`${epochSeconds(reader.dialect, 's.ended_at')} - ${epochSeconds(reader.dialect, 's.started_at')}`, `s.outcome IN (${concluded})`, 'concluded_seconds')},
        ${countIf(`s.outcome IN (${concluded}) AND (s.outcome = 'expired' OR ${late})`, 'overdue')}
      FROM case_segments s ${monthJoin('s.ended_at')}
      LEFT JOIN case_transitions a ON a.event = 'REACH_AGREEMENT' AND a.case_id = s.case_id
        AND s.outcome = 'agreement' AND a.at >= s.started_at AND a.at <= s.ended_at
      ${w.sql ? `${w.sql} AND s.ended_at IS NOT NULL` : 'WHERE s.ended_at IS NOT NULL'}
      GROUP BY 1, 2, 3`,
    w.params,
  );
}

function documentPass(scope: RecountScope): Pass {
  const kinds = Object.keys(documentMeasures);
  const w = where(scope, 'd.issued_at', 'd.issuing_unit_code', ['d.issued_at']);
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

/** RECORD_FOLLOW_UP: follow-ups and those that found the agreement performed, at the recording unit. */
function followUpPass(scope: RecountScope, reader: StatisticsReader): Pass {
  const w = where(scope, 't.at', 't.actor_unit_code', ['t.at']);
  return pass(
    '回访',
    `SELECT ${monthOf('t.at')} AS month, t.actor_unit_code AS unit_code, 'peoples' AS track,
        COUNT(*) AS follow_ups,
        ${countIf(`${jsonField(reader.dialect, 't.payload', 'performance')} = 'performed'`, 'performed')}
      FROM case_transitions t ${monthJoin('t.at')}
      ${w.sql ? `${w.sql} AND` : 'WHERE'} t.event = 'RECORD_FOLLOW_UP'
      GROUP BY 1, 2`,
    w.params,
  );
}

/** Cases an office handed back to the court (R-L3, R-L4), at the office, in the month it did. */
function courtReturnPass(scope: RecountScope): Pass {
  const w = where(scope, 't.at', 't.actor_unit_code', ['t.at']);
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
  const w = where(scope, 't.at', 's.unit_code', ['t.at']);
  return pass(
    '司法确认',
    `SELECT ${monthOf('t.at')} AS month, s.unit_code, s.track, COUNT(*) AS confirmed
      FROM case_transitions t JOIN case_segments s ON s.case_id = t.case_id AND s.outcome = 'agreement' ${monthJoin('t.at')}
      ${w.sql ? `${w.sql} AND` : 'WHERE'} ${rareEventsTerm('t')} AND t.event = 'RULE_ON_CONFIRMATION' AND ${jsonTrue(reader.dialect, 't.payload', 'confirmed')}
      GROUP BY 1, 2, 3`,
    w.params,
  );
}

const passes = (reader: StatisticsReader, scope: RecountScope): Pass[] => [
  acceptancePass(scope),
  conclusionPass(scope, reader),
  preventionPass(scope),
  documentPass(scope),
  followUpPass(scope, reader),
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

export interface Difference {
  month: Month;
  unitCode: string;
  track: string;
  measure: string;
  summary: number;
  recount: number;
}

/**
 * The full recount compared with the summary inside the database, pass by pass: only rows that
 * differ come back, so a million cases cost one scan each, not a million rows shipped to Node.
 * `progress` hears (0, total) at the start, then of each pass as it finishes (they run side by side
 * on SQLite's read pool).
 */
export async function verifySummary(reader: StatisticsReader, progress?: (done: number, total: number, label: string) => void): Promise<Difference[]> {
  const all = passes(reader, {});
  let done = 0;
  progress?.(done, all.length, '');
  const results = await Promise.all(
    all.map(async (p) => {
      const rows = await reader.query<Record<string, unknown>>(
        `WITH counted AS (${p.text})
         SELECT COALESCE(c.month, s.month) AS month, COALESCE(c.unit_code, s.unit_code) AS unit_code, COALESCE(c.track, s.track) AS track,
           ${p.columns.map((col) => `COALESCE(c.${col}, 0) AS r_${col}, COALESCE(s.${col}, 0) AS s_${col}`).join(', ')}
         FROM counted c FULL OUTER JOIN statistics_monthly s ON s.month = c.month AND s.unit_code = c.unit_code AND s.track = c.track
         WHERE ${p.columns.map((col) => `COALESCE(c.${col}, 0) <> COALESCE(s.${col}, 0)`).join(' OR ')}`,
        p.params,
      );
      progress?.(++done, all.length, p.label);
      return rows.flatMap((r) =>
        p.columns
          .filter((col) => Number(r[`r_${col}`]) !== Number(r[`s_${col}`]))
          .map((col) => ({
            month: String(r.month),
            unitCode: String(r.unit_code),
            track: String(r.track),
            measure: byColumn.get(col)!,
            summary: Number(r[`s_${col}`]),
            recount: Number(r[`r_${col}`]),
          })),
      );
    }),
  );
  return results.flat().sort((a, b) => `${a.month}${a.unitCode}${a.measure}`.localeCompare(`${b.month}${b.unitCode}${b.measure}`));
}

/** Rewrites the summary from the record in one statement (the repair of the recompute command). */
export async function rebuildSummary(em: EntityManager, reader: StatisticsReader): Promise<number> {
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
