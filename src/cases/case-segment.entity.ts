import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { BigIntColumn, InstantColumn } from '../database/columns';
import type { SegmentOutcome, Track } from '../../workflows/case';

/**
 * A track segment of a case: where and when it was mediated and how it ended (domain §3), with the
 * facts the monthly form counts of it (src/statistics/segment-facts.ts) written beside, so that the
 * statistics group one table in index order instead of joining the record per segment.
 */
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
  // The facts are nullable in the schema only because SQLite cannot add NOT NULL columns to a filled
  // table; every writer sets them, and the recount reports a row whose facts are missing or wrong.
  @Column({ name: 'accepted_month', type: 'varchar', length: 7, nullable: true }) acceptedMonth!: string;
  @Column({ name: 'concluded_month', type: 'varchar', length: 7, nullable: true }) concludedMonth!: string | null;
  @Column({ type: 'varchar', length: 32, nullable: true }) source!: string;
  @Column({ name: 'dispute_type', type: 'varchar', length: 32, nullable: true }) disputeType!: string;
  @Column({ name: 'dispute_subtype', type: 'varchar', length: 32, nullable: true }) disputeSubtype!: string | null;
  @Column({ type: 'integer', nullable: true }) parties!: number;
  @Column({ name: 'agreement_form', type: 'varchar', length: 8, nullable: true }) agreementForm!: 'written' | 'oral' | null;
  @BigIntColumn({ name: 'amount_fen', nullable: true }) amountFen!: number | null;
  @BigIntColumn({ name: 'concluded_seconds', nullable: true }) concludedSeconds!: number | null;
  /** 1 late, 0 in time; null unless concluded (smallint: the same on both dialects). */
  @Column({ type: 'smallint', nullable: true }) overdue!: number | null;
}
