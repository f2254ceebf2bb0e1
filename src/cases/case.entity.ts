import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { BigIntColumn, InstantColumn } from '../database/columns';

/** One dispute for its whole life across tracks (domain §3); the statechart snapshot lives here. */
@Entity('cases')
@Index(['handlingUnitCode'])
@Index(['acceptedAt'])
@Index(['source', 'workOrderNo'], { unique: true })
export class CaseRecord {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Index({ unique: true }) @Column({ name: 'case_no', type: 'varchar', length: 64 }) caseNo!: string;
  @Column({ name: 'machine_id', type: 'varchar', length: 32 }) machineId!: string;
  @Column({ name: 'machine_version', type: 'varchar', length: 16 }) machineVersion!: string;
  /** Dotted state path, e.g. `peoples.mediating`. */
  @Index() @Column({ type: 'varchar', length: 64 }) state!: string;
  @Column({ type: 'text' }) snapshot!: string;
  /** Optimistic lock: +1 per accepted event. */
  @Column({ type: 'integer' }) version!: number;
  @Column({ name: 'accepting_unit_code', type: 'varchar', length: 40 }) acceptingUnitCode!: string;
  @Column({ name: 'handling_unit_code', type: 'varchar', length: 40 }) handlingUnitCode!: string;
  @Column({ name: 'dispute_type', type: 'varchar', length: 32 }) disputeType!: string;
  @Column({ name: 'dispute_subtype', type: 'varchar', length: 32, nullable: true }) disputeSubtype!: string | null;
  @Column({ name: 'catalog_version', type: 'integer' }) catalogVersion!: number;
  @Column({ type: 'varchar', length: 32 }) source!: string;
  /** 12345/12348 hotline work order; unique per source (R-C2). */
  @Column({ name: 'work_order_no', type: 'varchar', length: 64, nullable: true }) workOrderNo!: string | null;
  @Column({ name: 'risk_level', type: 'varchar', length: 8 }) riskLevel!: string;
  @BigIntColumn({ name: 'amount_fen', nullable: true }) amountFen!: number | null;
  @Column({ type: 'text' }) summary!: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) place!: string | null;
  @Column({ name: 'people_involved', type: 'integer', nullable: true }) peopleInvolved!: number | null;
  @InstantColumn({ name: 'accepted_at' }) acceptedAt!: string;
  @InstantColumn({ name: 'concluded_at', nullable: true }) concludedAt!: string | null;
  @Column({ type: 'varchar', length: 32, nullable: true }) outcome!: string | null;
  @Column({ name: 'created_by', type: 'varchar', length: 64 }) createdBy!: string;
  @InstantColumn({ name: 'updated_at' }) updatedAt!: string;
}
