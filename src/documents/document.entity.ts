import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn, JsonColumn } from '../database/columns';
import type { DocumentKind } from '../../workflows/case';

export type DocumentStatus = 'pending' | 'ready' | 'failed';

/**
 * An official document issued at a transition (domain §10). The row and its number are written in
 * the transition's transaction; the PDF is rendered after commit from `content`, which freezes the
 * facts as they were at issue (R-F2).
 */
@Entity('documents')
@Index(['caseId'])
@Index(['status', 'nextAttemptAt'])
export class DocumentRecord {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'case_id', type: 'varchar', length: 36 }) caseId!: string;
  @Column({ type: 'varchar', length: 32 }) kind!: DocumentKind;
  @Index({ unique: true }) @Column({ type: 'varchar', length: 64 }) number!: string;
  @Column({ name: 'issuing_unit_code', type: 'varchar', length: 40 }) issuingUnitCode!: string;
  @Column({ name: 'issued_by', type: 'varchar', length: 64 }) issuedBy!: string;
  @InstantColumn({ name: 'issued_at' }) issuedAt!: string;
  @Column({ name: 'transition_version', type: 'integer' }) transitionVersion!: number;
  @JsonColumn() content!: Record<string, any>;
  @Column({ type: 'varchar', length: 8 }) status!: DocumentStatus;
  @Column({ name: 'template_version', type: 'varchar', length: 16, nullable: true }) templateVersion!: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) sha256!: string | null;
  @Column({ type: 'varchar', length: 255, nullable: true }) path!: string | null;
  @Column({ type: 'integer', default: 0 }) attempts!: number;
  @InstantColumn({ name: 'next_attempt_at', nullable: true }) nextAttemptAt!: string | null;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError!: string | null;
  @Column({ type: 'integer', nullable: true }) pages!: number | null;
  @Column({ type: 'integer', nullable: true }) size!: number | null;
  @InstantColumn({ name: 'rendered_at', nullable: true }) renderedAt!: string | null;
}
