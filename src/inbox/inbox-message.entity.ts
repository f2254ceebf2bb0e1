import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../database/columns';

/** A message to a unit (R-D3 reminders and the like): every user of the unit sees it. */
@Entity('inbox_messages')
@Index(['unitCode', 'createdAt'])
export class InboxMessage {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'unit_code', type: 'varchar', length: 40 }) unitCode!: string;
  /** e.g. `deadline-reminder`. */
  @Column({ type: 'varchar', length: 40 }) kind!: string;
  @Column({ name: 'case_id', type: 'varchar', length: 36, nullable: true }) caseId!: string | null;
  @Column({ type: 'varchar', length: 200 }) subject!: string;
  @Column({ type: 'text' }) body!: string;
  /** Makes delivery idempotent: the same reminder never lands twice. */
  @Index({ unique: true }) @Column({ name: 'dedupe_key', type: 'varchar', length: 120 }) dedupeKey!: string;
  @InstantColumn({ name: 'created_at' }) createdAt!: string;
  @InstantColumn({ name: 'read_at', nullable: true }) readAt!: string | null;
  @Column({ name: 'read_by', type: 'varchar', length: 64, nullable: true }) readBy!: string | null;
}
