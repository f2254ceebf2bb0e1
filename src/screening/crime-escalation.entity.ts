import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../database/columns';

/**
 * 民转刑 (R-T5): a dispute that was mediated and later turned into a criminal case, as the justice
 * office or the police record it. The prevention score counts these among a unit's mediated cases.
 */
@Entity('crime_escalations')
@Index(['caseId'])
@Index(['occurredOn'])
export class CrimeEscalation {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'case_id', type: 'varchar', length: 36 }) caseId!: string;
  /** The day it happened (Asia/Shanghai): the month it counts in. */
  @Column({ name: 'occurred_on', type: 'varchar', length: 10 }) occurredOn!: string;
  @Column({ name: 'police_case_no', type: 'varchar', length: 64, nullable: true }) policeCaseNo!: string | null;
  @Column({ type: 'text' }) description!: string;
  @Column({ name: 'recorded_by', type: 'varchar', length: 64 }) recordedBy!: string;
  @Column({ name: 'recorded_unit_code', type: 'varchar', length: 40 }) recordedUnitCode!: string;
  @InstantColumn({ name: 'recorded_at' }) recordedAt!: string;
}
