import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn, JsonColumn } from '../database/columns';
import type { PeriodBasis } from './period';

export type ClockStatus = 'running' | 'stopped' | 'fired';

/** Why a due time is what it is (R-D2), shown with the case: the first period and each extension. */
export interface ClockBasis extends PeriodBasis {
  /** Once extended: the first period as counted (the top level then carries the effective last day). */
  firstPeriod?: PeriodBasis;
  extensions?: (PeriodBasis & { at: string })[];
  /** Set when a later holiday notice changed the count (R-D2). */
  recomputed?: { at: string; reason: string; previousLastDay: string }[];
  stopped?: { at: string; reason: string };
  /** false: a period of the parties' (R-L6 application window): no reminder goes to the unit. */
  reminders?: false;
}

/**
 * A legal clock (R-D1): an absolute due time in the database, never an in-process timer.
 * `basis` explains how the due time was computed (R-D2). The sweeper moves it from `running` to
 * `fired` in the same transaction as the CLOCK_EXPIRED event it sends.
 */
@Entity('clocks')
@Index(['status', 'dueAt'])
@Index(['status', 'remindAt'])
@Index(['caseId', 'kind'])
export class ClockRecord {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'case_id', type: 'varchar', length: 36 }) caseId!: string;
  @Column({ type: 'varchar', length: 40 }) kind!: string;
  /** The unit that handled the case when the clock started. */
  @Column({ name: 'unit_code', type: 'varchar', length: 40 }) unitCode!: string;
  @InstantColumn({ name: 'started_at' }) startedAt!: string;
  @InstantColumn({ name: 'due_at' }) dueAt!: string;
  @Column({ type: 'varchar', length: 8 }) status!: ClockStatus;
  @JsonColumn() basis!: ClockBasis;
  @InstantColumn({ name: 'fired_at', nullable: true }) firedAt!: string | null;
  /** When the responsible unit is reminded (R-D3); cleared once the reminder is in its inbox. */
  @InstantColumn({ name: 'remind_at', nullable: true }) remindAt!: string | null;
  @InstantColumn({ name: 'reminded_at', nullable: true }) remindedAt!: string | null;
  @InstantColumn({ name: 'stopped_at', nullable: true }) stoppedAt!: string | null;
  @Column({ name: 'stopped_reason', type: 'varchar', length: 300, nullable: true }) stoppedReason!: string | null;
  /** Failed firing attempts (a database error, not a refusal): retried with back-off. */
  @Column({ type: 'integer', default: 0 }) attempts!: number;
  @InstantColumn({ name: 'next_attempt_at', nullable: true }) nextAttemptAt!: string | null;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError!: string | null;
}
