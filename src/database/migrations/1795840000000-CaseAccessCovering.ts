import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The case list (src/cases/cases.service.ts) reads a unit's visible case ids straight from
 * case_access: by the unit's own code, and by the range of its division subtree. Both indexes now
 * carry the case id (and the unit kind the subtree rule reads), so the visible set is read from the
 * index alone; they replace the single-column indexes they extend.
 */
export class CaseAccessCovering1795840000000 implements MigrationInterface {
  name = 'CaseAccessCovering1795840000000';

  async up(q: QueryRunner): Promise<void> {
    await q.dropIndex('case_access', 'ix_case_access_unit_code');
    await q.dropIndex('case_access', 'ix_case_access_division_code');
    await q.createIndex('case_access', new TableIndex({ name: 'ix_case_access_unit_code_case_id', columnNames: ['unit_code', 'case_id'] }));
    await q.createIndex('case_access', new TableIndex({ name: 'ix_case_access_division_kind_case_id', columnNames: ['division_code', 'unit_kind', 'case_id'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('case_access', 'ix_case_access_division_kind_case_id');
    await q.dropIndex('case_access', 'ix_case_access_unit_code_case_id');
    await q.createIndex('case_access', new TableIndex({ name: 'ix_case_access_unit_code', columnNames: ['unit_code'] }));
    await q.createIndex('case_access', new TableIndex({ name: 'ix_case_access_division_code', columnNames: ['division_code'] }));
  }
}
