import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Every unit that has handled, referred or received a case (R-S1). Reads are granted from here:
 * justice-system units by division subtree, courts, agencies and petition offices by their own code.
 */
@Entity('case_access')
@Index(['unitCode'])
@Index(['divisionCode'])
export class CaseAccess {
  @PrimaryColumn({ name: 'case_id', type: 'varchar', length: 36 }) caseId!: string;
  @PrimaryColumn({ name: 'unit_code', type: 'varchar', length: 40 }) unitCode!: string;
  @Column({ name: 'unit_kind', type: 'varchar', length: 4 }) unitKind!: string;
  @Column({ name: 'division_code', type: 'varchar', length: 12 }) divisionCode!: string;
}
