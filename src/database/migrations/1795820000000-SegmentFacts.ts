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

    const month = (column: string) =>
      `(SELECT CASE WHEN ${column} >= m.boundary THEN m.next_month ELSE m.month END FROM statistics_months m WHERE m.month = substr(${column}, 1, 7))`;
    const epoch = (column: string) =>
      pg ? `CAST(FLOOR(EXTRACT(EPOCH FROM CAST(${column} AS timestamptz))) AS BIGINT)` : `CAST(strftime('%s', ${column}) AS INTEGER)`;
    const json = (key: string) => (pg ? `(CAST(a.payload AS json) ->> '${key}')` : `json_extract(a.payload, '$.${key}')`);
    const agreement = (value: string) =>
      `(SELECT ${value} FROM case_transitions a WHERE a.event = 'REACH_AGREEMENT' AND a.case_id = case_segments.case_id
          AND a.at >= case_segments.started_at AND a.at <= case_segments.ended_at ORDER BY a.at DESC LIMIT 1)`;
    const concluded = `outcome IN (${concludedOutcomes.map((o) => `'${o}'`).join(', ')})`;

    await q.query(
      `UPDATE case_segments SET source = c.source, dispute_type = c.dispute_type, dispute_subtype = c.dispute_subtype
       FROM cases c WHERE c.id = case_segments.case_id`,
    );
    await q.query(
      `UPDATE case_segments SET
         accepted_month = ${month('started_at')},
         concluded_month = CASE WHEN ended_at IS NULL THEN NULL ELSE ${month('ended_at')} END,
         parties = (SELECT COUNT(*) FROM parties p WHERE p.case_id = case_segments.case_id)`,
    );
    await q.query(
      `UPDATE case_segments SET
         agreement_form = CASE WHEN COALESCE(${agreement(json('form'))}, 'written') = 'oral' THEN 'oral' ELSE 'written' END,
         amount_fen = COALESCE(${agreement(`CAST(${json('amountFen')} AS BIGINT)`)}, 0)
       WHERE outcome = 'agreement'`,
    );
    await q.query(
      `UPDATE case_segments SET
         concluded_seconds = ${epoch('ended_at')} - ${epoch('started_at')},
         overdue = CASE WHEN outcome = 'expired' OR EXISTS (SELECT 1 FROM clocks k WHERE k.case_id = case_segments.case_id
           AND k.unit_code = case_segments.unit_code AND k.due_at < case_segments.ended_at) THEN 1 ELSE 0 END
       WHERE ended_at IS NOT NULL AND ${concluded}`,
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
