import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../database/columns';
import type { SegmentOutcome, Track } from '../../workflows/case';

/** A track segment of a case: where and when it was mediated and how it ended (domain §3). */
@Entity('case_segments')
@Index(['unitCode', 'startedAt'])
export class CaseSegment {
  @PrimaryColumn({ name: 'case_id', type: 'varchar', length: 36 }) caseId!: string;
  @PrimaryColumn({ type: 'integer' }) seq!: number;
  @Column({ type: 'varchar', length: 16 }) track!: Track;
  @Column({ name: 'unit_code', type: 'varchar', length: 40 }) unitCode!: string;
  @InstantColumn({ name: 'started_at' }) startedAt!: string;
  @InstantColumn({ name: 'ended_at', nullable: true }) endedAt!: string | null;
  @Column({ type: 'varchar', length: 32, nullable: true }) outcome!: SegmentOutcome | null;
}
