import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SQLite only. The two partial indexes the statistics recount reads agreements and follow-ups from
 * (1795790000001) carried each event's whole payload so that the recount never visits the wide
 * table rows; they now carry just the payload fields it reads, as indexed expressions. SQLite
 * answers the same `json_extract(…)` from the index without parsing the payload again, and the
 * indexes shrink to a fraction. The follow-ups are indexed by their Shanghai month first, so the
 * recount groups them in index order. The expressions must stay word for word those `jsonField` and
 * `sqliteShanghaiMonth` (src/statistics/sql-dialect.ts) write for the recount, or SQLite falls back
 * to reading the rows and sorting them.
 */
export class EventFactIndexes1795830000000 implements MigrationInterface {
  name = 'EventFactIndexes1795830000000';

  async up(q: QueryRunner): Promise<void> {
    if (q.connection.options.type === 'postgres') return;
    await q.query('DROP INDEX ix_case_transitions_agreements');
    await q.query(
      `CREATE INDEX ix_case_transitions_agreements ON case_transitions
         (case_id, at, event, json_extract(payload, '$.form'), json_extract(payload, '$.amountFen'))
       WHERE event = 'REACH_AGREEMENT'`,
    );
    await q.query('DROP INDEX ix_case_transitions_follow_ups');
    // Follow-ups in (Shanghai month, unit) order, the recount's grouping: no sort of 800,000 rows.
    await q.query(
      `CREATE INDEX ix_case_transitions_follow_ups ON case_transitions
         (strftime('%Y-%m', at, '+8 hours'), actor_unit_code, event, json_extract(payload, '$.performance'), at)
       WHERE event = 'RECORD_FOLLOW_UP'`,
    );
    await analyse(q);
  }

  async down(q: QueryRunner): Promise<void> {
    if (q.connection.options.type === 'postgres') return;
    await q.query('DROP INDEX ix_case_transitions_agreements');
    await q.query(`CREATE INDEX ix_case_transitions_agreements ON case_transitions (case_id, at, event, payload) WHERE event = 'REACH_AGREEMENT'`);
    await q.query('DROP INDEX ix_case_transitions_follow_ups');
    await q.query(`CREATE INDEX ix_case_transitions_follow_ups ON case_transitions (at, actor_unit_code, event, payload) WHERE event = 'RECORD_FOLLOW_UP'`);
    await analyse(q);
  }
}

/** Where the planner has statistics, the new indexes need theirs (see 1795790000001). */
async function analyse(q: QueryRunner): Promise<void> {
  const [analysed] = await q.query(`SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'sqlite_stat1'`);
  if (Number(analysed.n) > 0) for (const statement of ['PRAGMA analysis_limit = 2000', 'ANALYZE case_transitions']) await q.query(statement);
}
