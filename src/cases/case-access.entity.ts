import { Column, Entity, Index, PrimaryColumn, type EntityManager } from 'typeorm';
import { sql } from '../database/sql';

/**
 * Every unit that has handled, referred or received a case (R-S1). Reads are granted from here:
 * justice-system units by division subtree, courts, agencies and petition offices by their own code.
 */
@Entity('case_access')
@Index(['unitCode', 'caseId'])
@Index(['divisionCode', 'unitKind', 'caseId'])
export class CaseAccess {
  @PrimaryColumn({ name: 'case_id', type: 'varchar', length: 36 }) caseId!: string;
  @PrimaryColumn({ name: 'unit_code', type: 'varchar', length: 40 }) unitCode!: string;
  @Column({ name: 'unit_kind', type: 'varchar', length: 4 }) unitKind!: string;
  @Column({ name: 'division_code', type: 'varchar', length: 12 }) divisionCode!: string;
}

/** Lets a unit read a case from now on (R-S1); granting twice changes nothing. */
export async function grantCaseAccess(
  em: EntityManager,
  caseId: string,
  unit: { code: string; kind: string; divisionCode: string },
): Promise<void> {
  await sql(
    em,
    `INSERT INTO case_access (case_id, unit_code, unit_kind, division_code) VALUES (?, ?, ?, ?)
     ON CONFLICT (case_id, unit_code) DO NOTHING`,
    [caseId, unit.code, unit.kind, unit.divisionCode],
  );
}
