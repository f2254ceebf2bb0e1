import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** The rare events the recount reads by kind (src/statistics/recount.ts names the same list). */
export const statisticsRareEvents1795790000001 = ['RETURN_REFERRAL', 'REPORT_COURT_RESULT', 'RULE_ON_CONFIRMATION'];

/**
 * Indexes that let the statistics recount (src/statistics/recount.ts) read what it needs without
 * visiting wide rows: a case's dimensions, the clocks of a case at a unit, and on SQLite the
 * agreement and follow-up events with their payload (partial, covering). On SQLite the general
 * (event, case_id) index gives way to one over the rare events only, so that the planner cannot
 * prefer it to the covering ones. PostgreSQL caps an index row at about 2.7 kB (an agreement's
 * terms can be longer) and joins by hashing, so it keeps (event, case_id) and gets only the first two.
 */
export class StatisticsRecountIndexes1795790000001 implements MigrationInterface {
  name = 'StatisticsRecountIndexes1795790000001';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex('cases', new TableIndex({ name: 'ix_cases_statistics', columnNames: ['id', 'dispute_type', 'dispute_subtype', 'source'] }));
    await q.createIndex('clocks', new TableIndex({ name: 'ix_clocks_case_id_unit_code_due_at', columnNames: ['case_id', 'unit_code', 'due_at'] }));
    if (q.connection.options.type === 'postgres') return;
    await q.dropIndex('case_transitions', 'ix_case_transitions_event_case_id');
    const rare = statisticsRareEvents1795790000001.map((e) => `'${e}'`).join(', ');
    const partial = (name: string, columnNames: string[], where: string) => q.createIndex('case_transitions', new TableIndex({ name, columnNames, where }));
    await partial('ix_case_transitions_rare_events', ['event', 'case_id'], `event IN (${rare})`);
    await partial('ix_case_transitions_agreements', ['case_id', 'at', 'event', 'payload'], `event = 'REACH_AGREEMENT'`);
    await partial('ix_case_transitions_follow_ups', ['at', 'actor_unit_code', 'event', 'payload'], `event = 'RECORD_FOLLOW_UP'`);
    // Where the planner already has statistics, the new indexes need theirs too: an index without
    // any looks worse to SQLite than the primary key it is meant to replace. Sampled, so it is quick.
    const [analysed] = await q.query(`SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'sqlite_stat1'`);
    if (Number(analysed.n) > 0) {
      for (const statement of ['PRAGMA analysis_limit = 2000', 'ANALYZE cases', 'ANALYZE clocks', 'ANALYZE case_transitions']) await q.query(statement);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    if (q.connection.options.type !== 'postgres') {
      for (const name of ['ix_case_transitions_follow_ups', 'ix_case_transitions_agreements', 'ix_case_transitions_rare_events']) {
        await q.dropIndex('case_transitions', name);
      }
      await q.createIndex('case_transitions', new TableIndex({ name: 'ix_case_transitions_event_case_id', columnNames: ['event', 'case_id'] }));
    }
    await q.dropIndex('clocks', 'ix_clocks_case_id_unit_code_due_at');
    await q.dropIndex('cases', 'ix_cases_statistics');
  }
}
