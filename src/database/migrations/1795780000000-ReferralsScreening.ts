import type { MigrationInterface, QueryRunner } from 'typeorm';
import { c, table } from './table-builder';

/** Screening rounds and their finds, per-division screening frequency, red-risk reports (R-V4). */
export class ReferralsScreening1795780000000 implements MigrationInterface {
  name = 'ReferralsScreening1795780000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      table(
        'screening_rounds',
        [
          c.id(),
          c.varchar('unit_code', 40),
          c.varchar('division_code', 12),
          c.varchar('period', 8),
          c.varchar('frequency', 8),
          c.int('disputes_found'),
          c.text('note', c.nullable),
          c.instant('reported_at'),
          c.varchar('reported_by', 64),
        ],
        [{ columns: ['unit_code', 'period'], unique: true }, { columns: ['period'] }],
      ),
    );
    await q.createTable(
      table(
        'screening_finds',
        [c.varchar('round_id', 36, c.primary), c.int('seq', c.primary), c.varchar('case_id', 36)],
        [{ columns: ['case_id'], unique: true }],
      ),
    );
    await q.createTable(
      table('screening_frequencies', [
        c.varchar('division_code', 12, c.primary),
        c.varchar('frequency', 8),
        c.varchar('updated_by', 64),
        c.instant('updated_at'),
      ]),
    );
    await q.createTable(
      table(
        'risk_reports',
        [
          c.id(),
          c.varchar('case_id', 36),
          c.varchar('level', 8),
          c.varchar('unit_code', 40),
          c.instant('reported_at'),
          c.varchar('reported_by', 64),
          c.text('recipients'),
        ],
        [{ columns: ['case_id'] }, { columns: ['reported_at'] }],
      ),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const name of ['risk_reports', 'screening_frequencies', 'screening_finds', 'screening_rounds']) await q.dropTable(name);
  }
}
