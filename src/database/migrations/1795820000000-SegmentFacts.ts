import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Outcomes as classed when this migration was written (src/statistics/segment-outcomes.ts). */
const concludedOutcomes = ['agreement', 'mediation-statement', 'failed', 'refused', 'terminated', 'expired', 'declined', 'judgment'];

const columns = [
  ['accepted_month', 'varchar(7)'],
  ['concluded_month', 'varchar(7)'],
  ['source', 'varchar(32)'],
  ['dispute_type', 'varchar(32)'],
  ['dispute_subtype', 'varchar(32)'],
  ['parties', 'integer'],
  ['agreement_form', 'varchar(8)'],
  ['amount_fen', 'bigint'],
  ['concluded_seconds', 'bigint'],
  ['overdue', 'smallint'],
];

/**
 * The facts the monthly form counts of a segment (src/statistics/segment-facts.ts), kept on its row
 * so that the statistics recount groups one table in index order (issue 5: full recompute). Existing
 * rows are filled from the record here, in set-based statements; the columns are nullable because
 * SQLite cannot add a NOT NULL column without a default, and the recount reports any row left empty.
 * The columns are added with plain ALTER TABLE: TypeORM's addColumn rebuilds the table on SQLite.
 */
export class SegmentFacts1795820000000 implements MigrationInterface {
  name = 'SegmentFacts1795820000000';

  async up(q: QueryRunner): Promise<void> {
    const pg = q.connection.options.type === 'postgres';
    for (const [name, type] of columns) await q.query(`ALTER TABLE case_segments ADD COLUMN ${name} ${type}`);

    // One UPDATE from the facts derived in one pass (PostgreSQL would rewrite every row once per UPDATE):
    // SQLite looks per case up in case order, PostgreSQL hashes per-case counts.
    const month = (column: string, m: string) => `CASE WHEN ${column} >= ${m}.boundary THEN ${m}.next_month ELSE ${m}.month END`;
    const epoch = (column: string) =>
      pg ? `CAST(FLOOR(EXTRACT(EPOCH FROM CAST(${column} AS timestamptz))) AS BIGINT)` : `CAST(strftime('%s', ${column}) AS INTEGER)`;
    const json = (key: string) => (pg ? `(CAST(a.payload AS json) ->> '${key}')` : `json_extract(a.payload, '$.${key}')`);
    const concluded = `s.outcome IN (${concludedOutcomes.map((o) => `'${o}'`).join(', ')})`;
    const parties = pg ? 'COALESCE(p.n, 0)' : '(SELECT COUNT(*) FROM parties p WHERE p.case_id = s.case_id)';
    const late = pg
      ? 'k.first_due < s.ended_at'
      : 'EXISTS (SELECT 1 FROM clocks k WHERE k.case_id = s.case_id AND k.unit_code = s.unit_code AND k.due_at < s.ended_at)';
    const perCase = pg
      ? `LEFT JOIN (SELECT case_id, COUNT(*) AS n FROM parties GROUP BY case_id) p ON p.case_id = s.case_id
         LEFT JOIN (SELECT case_id, unit_code, MIN(due_at) AS first_due FROM clocks GROUP BY case_id, unit_code) k
           ON k.case_id = s.case_id AND k.unit_code = s.unit_code`
      : '';
    await q.query(
      `UPDATE case_segments SET ${columns.map(([name]) => `${name} = d.${name}`).join(', ')}
       FROM (
         SELECT s.case_id, s.seq, c.source, c.dispute_type, c.dispute_subtype,
           ${month('s.started_at', 'm')} AS accepted_month,
           CASE WHEN s.ended_at IS NULL THEN NULL ELSE ${month('s.ended_at', 'e')} END AS concluded_month,
           ${parties} AS parties,
           CASE WHEN s.outcome = 'agreement' THEN CASE WHEN ${json('form')} = 'oral' THEN 'oral' ELSE 'written' END END AS agreement_form,
           CASE WHEN s.outcome = 'agreement' THEN COALESCE(CAST(${json('amountFen')} AS BIGINT), 0) END AS amount_fen,
           CASE WHEN ${concluded} THEN ${epoch('s.ended_at')} - ${epoch('s.started_at')} END AS concluded_seconds,
           CASE WHEN ${concluded} THEN CASE WHEN s.outcome = 'expired' OR ${late} THEN 1 ELSE 0 END END AS overdue
         FROM case_segments s JOIN cases c ON c.id = s.case_id
           JOIN statistics_months m ON m.month = substr(s.started_at, 1, 7)
           LEFT JOIN statistics_months e ON e.month = substr(s.ended_at, 1, 7)
           LEFT JOIN case_transitions a ON a.event = 'REACH_AGREEMENT' AND a.case_id = s.case_id
             AND s.outcome = 'agreement' AND a.at >= s.started_at AND a.at <= s.ended_at
           ${perCase}
       ) d
       WHERE d.case_id = case_segments.case_id AND d.seq = case_segments.seq`,
    );

    // Covering, in the order the recount groups by: each pass reads one index front to back.
    await q.createIndex(
      'case_segments',
      new TableIndex({
        name: 'ix_case_segments_accepted',
        columnNames: ['accepted_month', 'unit_code', 'track', 'seq', 'source', 'dispute_type', 'dispute_subtype', 'parties'],
      }),
    );
    await q.createIndex(
      'case_segments',
      new TableIndex({
        name: 'ix_case_segments_concluded',
        columnNames: ['concluded_month', 'unit_code', 'track', 'outcome', 'agreement_form', 'amount_fen', 'concluded_seconds', 'overdue'],
      }),
    );
    if (!pg) {
      const [analysed] = await q.query(`SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'sqlite_stat1'`);
      if (Number(analysed.n) > 0) for (const statement of ['PRAGMA analysis_limit = 2000', 'ANALYZE case_segments']) await q.query(statement);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('case_segments', 'ix_case_segments_concluded');
    await q.dropIndex('case_segments', 'ix_case_segments_accepted');
    for (const [name] of [...columns].reverse()) await q.query(`ALTER TABLE case_segments DROP COLUMN ${name}`);
  }
}
