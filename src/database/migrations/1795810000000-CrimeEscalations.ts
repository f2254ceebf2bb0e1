import type { MigrationInterface, QueryRunner } from 'typeorm';
import { c, table } from './table-builder';

/** 民转刑 records (R-T5 prevention effect): mediated disputes that later became criminal cases. */
export class CrimeEscalations1795810000000 implements MigrationInterface {
  name = 'CrimeEscalations1795810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      table(
        'crime_escalations',
        [
          c.id(),
          c.varchar('case_id', 36),
          c.varchar('occurred_on', 10),
          c.varchar('police_case_no', 64, c.nullable),
          c.text('description'),
          c.varchar('recorded_by', 64),
          c.varchar('recorded_unit_code', 40),
          c.instant('recorded_at'),
        ],
        [{ columns: ['case_id'] }, { columns: ['occurred_on'] }],
      ),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('crime_escalations');
  }
}
