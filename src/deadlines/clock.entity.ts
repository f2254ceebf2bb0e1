import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn, JsonColumn } from '../database/columns';

export type ClockStatus = 'running' | 'stopped' | 'fired';

/** Why a due time is what it is (R-D2), shown with the case. */
export interface ClockBasis {
  rule: string;
  dayKind: 'calendar' | 'working';
  days: number;
  from: string;
  lastDay: string;
  extensions?: { days: number; lastDay: string }[];
  [more: string]: unknown;
}

/**
 * A legal clock (R-D1): an absolute due time in the database, never an in-process timer.
 * `basis` explains how the due time was computed (R-D2).
 */
@Entity('clocks')
@Index(['status', 'dueAt'])
@Index(['caseId', 'kind'])
export class ClockRecord {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'case_id', type: 'varchar', length: 36 }) caseId!: string;
  @Column({ type: 'varchar', length: 40 }) kind!: string;
  @Column({ name: 'unit_code', type: 'varchar', length: 40 }) unitCode!: string;
  @InstantColumn({ name: 'started_at' }) startedAt!: string;
  @InstantColumn({ name: 'due_at' }) dueAt!: string;
  @Column({ type: 'varchar', length: 8 }) status!: ClockStatus;
  @JsonColumn() basis!: ClockBasis;
  @InstantColumn({ name: 'fired_at', nullable: true }) firedAt!: string | null;
}
