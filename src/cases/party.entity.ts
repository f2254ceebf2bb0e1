import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { encryptedJson, encryptedText } from '../common/crypto/field-cipher';

export interface PartyAgent {
  name: string;
  idNumber?: string;
  phone?: string;
  scope: string;
}

/** 当事人: a natural person or an organisation (domain §3). */
@Entity('parties')
@Index(['caseId'])
@Index(['idNumberHash'])
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
  /** R-S2: encrypted at rest; `idNumberHash` finds a party by exact ID number without decrypting. */
  @Column({ name: 'id_number', type: 'text', nullable: true, transformer: encryptedText }) idNumber!: string | null;
  @Column({ name: 'id_number_hash', type: 'varchar', length: 64, nullable: true }) idNumberHash!: string | null;
  @Column({ type: 'text', nullable: true, transformer: encryptedText }) phone!: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) address!: string | null;
  @Column({ name: 'credit_code', type: 'varchar', length: 18, nullable: true }) creditCode!: string | null;
  @Column({ name: 'legal_representative', type: 'varchar', length: 60, nullable: true }) legalRepresentative!: string | null;
  /** The agent's ID number and phone are personal data too: the whole record is encrypted. */
  @Column({ type: 'text', nullable: true, transformer: encryptedJson }) agent!: PartyAgent | null;
}
