import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn, JsonColumn } from '../database/columns';

/** Who a red-risk report went to: the township's leadership (its justice office) and the police. */
export interface RiskRecipient {
  unitCode: string;
  unitName: string;
  as: 'township-leadership' | 'police';
}

/** R-V4: the recorded, immediate report of a red-risk dispute 红色风险纠纷. */
@Entity('risk_reports')
@Index(['caseId'])
@Index(['reportedAt'])
export class RiskReport {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'case_id', type: 'varchar', length: 36 }) caseId!: string;
  @Column({ type: 'varchar', length: 8 }) level!: 'red';
  /** The unit that held the case when it was reported (the registering committee or office). */
  @Column({ name: 'unit_code', type: 'varchar', length: 40 }) unitCode!: string;
  @InstantColumn({ name: 'reported_at' }) reportedAt!: string;
  @Column({ name: 'reported_by', type: 'varchar', length: 64 }) reportedBy!: string;
  @JsonColumn() recipients!: RiskRecipient[];
}
