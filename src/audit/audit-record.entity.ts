import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn, JsonColumn } from '../database/columns';

/** R-S3: who, which unit, when, what. Append-only. */
@Entity('audit_records')
@Index(['targetType', 'targetId'])
export class AuditRecord {
  @PrimaryGeneratedColumn('increment') seq!: number;
  @InstantColumn() at!: string;
  @Column({ name: 'actor_username', type: 'varchar', length: 64 }) actorUsername!: string;
  @Column({ name: 'actor_unit_code', type: 'varchar', length: 40, nullable: true }) actorUnitCode!: string | null;
  @Column({ type: 'varchar', length: 64 }) action!: string;
  @Column({ name: 'target_type', type: 'varchar', length: 32 }) targetType!: string;
  @Column({ name: 'target_id', type: 'varchar', length: 64, nullable: true }) targetId!: string | null;
  @JsonColumn({ nullable: true }) detail!: Record<string, any> | null;
  /** Hash chain (R-S3): hash = SHA-256(prevHash + this record); `npm run audit:verify` walks it. */
  @Column({ name: 'prev_hash', type: 'varchar', length: 64 }) prevHash!: string;
  @Column({ type: 'varchar', length: 64 }) hash!: string;
}
