import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { JsonColumn } from '../database/columns';

export interface PartyAgent {
  name: string;
  idNumber?: string;
  phone?: string;
  scope: string;
}

/** 当事人: a natural person or an organisation (domain §3). */
@Entity('parties')
@Index(['caseId'])
@Index(['idNumber'])
export class Party {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'case_id', type: 'varchar', length: 36 }) caseId!: string;
  @Column({ type: 'integer' }) seq!: number;
  @Column({ type: 'varchar', length: 16 }) role!: 'applicant' | 'respondent' | 'third-party';
  @Column({ type: 'varchar', length: 16 }) kind!: 'person' | 'organisation';
  @Column({ type: 'varchar', length: 120 }) name!: string;
  @Column({ type: 'varchar', length: 8, nullable: true }) gender!: 'male' | 'female' | null;
  @Column({ type: 'varchar', length: 16, nullable: true }) ethnicity!: string | null;
  @Column({ name: 'birth_date', type: 'varchar', length: 10, nullable: true }) birthDate!: string | null;
  @Column({ name: 'id_number', type: 'varchar', length: 18, nullable: true }) idNumber!: string | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) phone!: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) address!: string | null;
  @Column({ name: 'credit_code', type: 'varchar', length: 18, nullable: true }) creditCode!: string | null;
  @Column({ name: 'legal_representative', type: 'varchar', length: 60, nullable: true }) legalRepresentative!: string | null;
  @JsonColumn({ nullable: true }) agent!: PartyAgent | null;
}
