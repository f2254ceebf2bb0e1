import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../database/columns';

export type ServiceMethod = 'direct' | 'left-at-residence' | 'postal' | 'electronic' | 'entrusted' | 'public-notice';

/** 送达: how, when and to whom a document was served, and the receipt (R-F3). */
@Entity('document_services')
@Index(['documentId'])
export class DocumentServiceRecord {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'document_id', type: 'varchar', length: 36 }) documentId!: string;
  @Column({ type: 'varchar', length: 24 }) method!: ServiceMethod;
  @InstantColumn({ name: 'served_at' }) servedAt!: string;
  @Column({ type: 'varchar', length: 120 }) recipient!: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) address!: string | null;
  /** Who signed the receipt (the recipient, or whoever received it for them). */
  @Column({ name: 'receipt_signed_by', type: 'varchar', length: 120, nullable: true }) receiptSignedBy!: string | null;
  @InstantColumn({ name: 'receipt_signed_at', nullable: true }) receiptSignedAt!: string | null;
  /** Postal tracking number, e-service confirmation, or why the recipient refused to sign. */
  @Column({ name: 'receipt_note', type: 'varchar', length: 500, nullable: true }) receiptNote!: string | null;
  @Column({ name: 'served_by', type: 'varchar', length: 64 }) servedBy!: string;
  @Column({ name: 'served_by_unit_code', type: 'varchar', length: 40 }) servedByUnitCode!: string;
  @InstantColumn({ name: 'recorded_at' }) recordedAt!: string;
}
