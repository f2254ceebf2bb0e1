import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { sql } from '../sql';
import { c, table } from './table-builder';

/**
 * The summary columns as of this migration, one per measure of src/statistics/measures.ts (a unit
 * test keeps the two lists equal). A measure added later gets its own migration.
 */
export const statisticsColumns1795790000000 = [
  'mediated', 'parties', 'succeeded', 'failed', 'handed_over', 'agreements_written', 'agreements_oral', 'amount_fen',
  'follow_ups', 'performed', 'confirmed',
  'source_party_application', 'source_own_initiative', 'source_screening', 'source_court_referral',
  'source_procuratorate_transfer', 'source_police_transfer', 'source_petition_transfer', 'source_other_department_transfer',
  'source_hotline_12345', 'source_hotline_12348',
  'type_marriage_family', 'type_neighbour', 'type_housing_homestead', 'type_contract', 'type_business_operation',
  'type_damages', 'type_forest_land', 'type_land_requisition', 'type_pollution', 'type_labour',
  'type_labour_unpaid_migrant_wages', 'type_consumer', 'type_consumer_tourism', 'type_consumer_e_commerce', 'type_medical',
  'type_traffic_accident', 'type_property_management', 'type_private_lending', 'type_other', 'type_family_planning',
  'type_village_affairs',
  'prevention_prevented_suicide_cases', 'prevention_prevented_suicide_people',
  'prevention_prevented_escalation_to_crime_cases', 'prevention_prevented_escalation_to_crime_people',
  'prevention_prevented_group_petition_cases', 'prevention_prevented_group_petition_people',
  'prevention_prevented_group_fight_cases', 'prevention_prevented_group_fight_people',
  'screening_rounds', 'screening_found', 'screening_prevented',
  'guidance_issued', 'court_received', 'court_reported', 'court_returned', 'petition_received', 'petition_fed_back',
  'concluded_seconds', 'overdue',
];

const bigColumns = new Set(['amount_fen', 'concluded_seconds']);

/** Shanghai month boundaries as UTC text, computed here once so SQL can bucket instants (R-T2). */
function calendarRows(fromYear: number, toYear: number): [string, string, string][] {
  const rows: [string, string, string][] = [];
  for (let y = fromYear; y <= toYear; y++) {
    for (let m = 1; m <= 12; m++) {
      const month = `${y}-${String(m).padStart(2, '0')}`;
      const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
      rows.push([month, new Date(Date.parse(`${next}-01T00:00:00.000+08:00`)).toISOString(), next]);
    }
  }
  return rows;
}

/**
 * Monthly statistics (R-T1…R-T6): the incremental summary per (month, unit, track), late changes
 * to past months (adjustments, R-T4), submissions with their frozen copies, settings, and the month
 * calendar. Two indexes on foundation tables let the recount reach documents and transitions by kind.
 */
export class Statistics1795790000000 implements MigrationInterface {
  name = 'Statistics1795790000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      table(
        'statistics_monthly',
        [
          c.varchar('month', 7, c.primary),
          c.varchar('unit_code', 40, c.primary),
          c.varchar('track', 16, c.primary),
          c.instant('updated_at'),
          ...statisticsColumns1795790000000.map((name) =>
            bigColumns.has(name) ? c.bigint(name, { default: 0 }) : c.int(name, { default: 0 }),
          ),
        ],
        [{ columns: ['unit_code', 'month'] }],
      ),
    );
    await q.createTable(
      table(
        'statistics_late_changes',
        [
          c.id(),
          c.varchar('case_id', 36),
          c.varchar('month', 7),
          c.varchar('unit_code', 40),
          c.varchar('track', 16),
          c.instant('recorded_at'),
          c.varchar('recorded_month', 7),
          c.text('figures'),
        ],
        [{ columns: ['recorded_month'] }],
      ),
    );
    await q.createTable(
      table(
        'statistics_submissions',
        [
          c.id(),
          c.varchar('unit_code', 40),
          c.varchar('division_code', 12),
          c.varchar('month', 7),
          c.int('seq'),
          c.instant('submitted_at'),
          c.varchar('submitted_by', 64),
          c.text('report'),
          c.instant('reopened_at', c.nullable),
          c.varchar('reopened_by', 64, c.nullable),
          c.varchar('reopen_reason', 500, c.nullable),
        ],
        [{ columns: ['unit_code', 'month', 'seq'], unique: true }, { columns: ['month', 'division_code'] }],
      ),
    );
    await q.createTable(
      table('statistics_settings', [
        c.varchar('key', 64, c.primary),
        c.text('value'),
        c.varchar('updated_by', 64),
        c.instant('updated_at'),
      ]),
    );
    await q.createTable(
      table('statistics_months', [c.varchar('month', 7, c.primary), c.instant('boundary'), c.varchar('next_month', 7)]),
    );
    const rows = calendarRows(2000, 2099);
    for (let i = 0; i < rows.length; i += 200) {
      const chunk = rows.slice(i, i + 200);
      await sql(q.manager, `INSERT INTO statistics_months (month, boundary, next_month) VALUES ${chunk.map(() => '(?, ?, ?)').join(', ')}`, chunk.flat());
    }
    await q.createIndex('documents', new TableIndex({ name: 'ix_documents_kind_issued_at', columnNames: ['kind', 'issued_at'] }));
    await q.createIndex(
      'case_transitions',
      new TableIndex({ name: 'ix_case_transitions_event_case_id', columnNames: ['event', 'case_id'] }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('case_transitions', 'ix_case_transitions_event_case_id');
    await q.dropIndex('documents', 'ix_documents_kind_issued_at');
    for (const name of ['statistics_months', 'statistics_settings', 'statistics_submissions', 'statistics_late_changes', 'statistics_monthly']) {
      await q.dropTable(name);
    }
  }
}
