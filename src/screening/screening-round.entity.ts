import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../database/columns';

export type ScreeningFrequency = 'monthly' | 'weekly';

/**
 * R-V4: one screening round 排查 of a committee for one period (`2026-11`, or `2026-W45` where the
 * committee screens weekly). `disputesFound` 0 is the zero report 零报告.
 */
@Entity('screening_rounds')
@Index(['unitCode', 'period'], { unique: true })
@Index(['period'])
export class ScreeningRound {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'unit_code', type: 'varchar', length: 40 }) unitCode!: string;
  @Column({ name: 'division_code', type: 'varchar', length: 12 }) divisionCode!: string;
  @Column({ type: 'varchar', length: 8 }) period!: string;
  @Column({ type: 'varchar', length: 8 }) frequency!: ScreeningFrequency;
  @Column({ name: 'disputes_found', type: 'integer' }) disputesFound!: number;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @InstantColumn({ name: 'reported_at' }) reportedAt!: string;
  @Column({ name: 'reported_by', type: 'varchar', length: 64 }) reportedBy!: string;
}

/** A dispute a round found: registered as a case with source 主动调解（排查）. */
@Entity('screening_finds')
@Index(['caseId'], { unique: true })
export class ScreeningFind {
  @PrimaryColumn({ name: 'round_id', type: 'varchar', length: 36 }) roundId!: string;
  @PrimaryColumn({ type: 'integer' }) seq!: number;
  @Column({ name: 'case_id', type: 'varchar', length: 36 }) caseId!: string;
}

/** Weekly screening where configured: the setting on a division covers its subtree. */
@Entity('screening_frequencies')
export class ScreeningFrequencySetting {
  @PrimaryColumn({ name: 'division_code', type: 'varchar', length: 12 }) divisionCode!: string;
  @Column({ type: 'varchar', length: 8 }) frequency!: ScreeningFrequency;
  @Column({ name: 'updated_by', type: 'varchar', length: 64 }) updatedBy!: string;
  @InstantColumn({ name: 'updated_at' }) updatedAt!: string;
}
