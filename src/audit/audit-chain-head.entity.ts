import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The end of the audit hash chain. Appending locks this one row, so the chain has no forks. */
@Entity('audit_chain_head')
export class AuditChainHead {
  @PrimaryColumn({ type: 'integer' }) id!: number;
  @Column({ name: 'last_seq', type: 'integer' }) lastSeq!: number;
  @Column({ name: 'last_hash', type: 'varchar', length: 64 }) lastHash!: string;
}
