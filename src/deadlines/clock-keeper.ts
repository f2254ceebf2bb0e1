// The in-transaction half of legal clocks (R-D1): starting, extending and stopping a clock writes
// its absolute due time and the basis that explains it (R-D2, R-D4); a sweeper (not a timer) fires it.
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { eventLabels, type CaseEventType, type ClockParams } from '../../workflows/case';
import { uuidv7 } from '../common/ids';
import { shanghaiDate } from '../common/time/instant';
import { APP_CONFIG, type AppConfig } from '../config/app.config';
import { sql } from '../database/sql';
import { EffectRegistry, type EffectContext } from '../workflow-engine/effects';
import { dueTimes, extendBasis, recountBasis, startBasis } from './clock-basis';
import { ClockRecord, type ClockBasis } from './clock.entity';
import { HolidayCalendar, yearsTouched } from './holiday-calendar';

@Injectable()
export class ClockKeeper implements OnModuleInit {
  constructor(
    @Inject(EffectRegistry) private readonly effects: EffectRegistry,
    @Inject(HolidayCalendar) private readonly calendar: HolidayCalendar,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.effects.register('startClock', (e, p: ClockParams) => this.start(e, p));
    this.effects.register('extendClock', (e, p: { clock: string; days: number }) => this.extend(e, p));
    this.effects.register('stopClock', (e, p: { clock: string }) => this.stop(e, p.clock));
  }

  private async start({ tx, caseRow, context, event, at }: EffectContext, params: ClockParams): Promise<void> {
    const from = shanghaiDate(params.from);
    const table = await this.calendar.covering(tx.em, yearsTouched(from, params.days));
    const basis: ClockBasis = { ...startBasis(from, params.days, params.dayKind, table), ...(params.remind === false ? { reminders: false as const } : {}) };
    // A clock started again for the same purpose replaces the running one; there is never two.
    await this.stopRunning(tx.em, caseRow.id, params.clock, at, `重新起算（${label(event.type)}）`);
    await tx.em.insert(ClockRecord, {
      id: uuidv7(at.getTime()),
      caseId: caseRow.id,
      kind: params.clock,
      unitCode: context.handlingUnit.code,
      startedAt: new Date(params.from).toISOString(),
      status: 'running',
      basis,
      ...this.times(basis),
      firedAt: null,
      remindedAt: null,
      stoppedAt: null,
      stoppedReason: null,
      attempts: 0,
      nextAttemptAt: null,
      lastError: null,
    });
  }

  private async extend({ tx, caseRow, at }: EffectContext, params: { clock: string; days: number }): Promise<void> {
    const clock = await this.running(tx.em, caseRow.id, params.clock);
    if (!clock) return;
    const table = await this.calendar.covering(tx.em, yearsTouched(clock.basis.lastDay, params.days));
    const basis = extendBasis(clock.basis, params.days, at.toISOString(), table);
    // A new due time gets its own reminder (the dedupe key carries the due time).
    await tx.em.update(ClockRecord, { id: clock.id }, { basis, ...this.times(basis), remindedAt: null });
  }

  private async stop({ tx, caseRow, event, at }: EffectContext, kind: string): Promise<void> {
    await this.stopRunning(tx.em, caseRow.id, kind, at, `因“${label(event.type)}”停止计时`);
  }

  /** R-D2: clocks counted without a year's notice are counted again once it is loaded. */
  async recountMissingYear(em: EntityManager, year: number, at: Date): Promise<number> {
    const table = await this.calendar.read(em);
    const candidates = await em
      .createQueryBuilder(ClockRecord, 'k')
      .where(`k.status = 'running' AND k.basis LIKE :missing`, { missing: `%"calendarMissing":[%${year}%` })
      .getMany();
    let changed = 0;
    for (const clock of candidates) {
      if (!clock.basis.calendarMissing.includes(year)) continue;
      const recount = recountBasis(clock.basis, table);
      const note = { at: at.toISOString(), reason: `录入${year}年节假日安排后重新计算`, previousLastDay: clock.basis.lastDay };
      const basis: ClockBasis = { ...recount, recomputed: [...(clock.basis.recomputed ?? []), note] };
      const moved = basis.lastDay !== clock.basis.lastDay;
      await em.update(ClockRecord, { id: clock.id }, { basis, ...this.times(basis), ...(moved ? { remindedAt: null } : {}) });
      changed += 1;
    }
    return changed;
  }

  private times(basis: ClockBasis) {
    return dueTimes(basis, basis.reminders === false ? 0 : this.config.deadlines.reminderDays);
  }

  private async running(em: EntityManager, caseId: string, kind: string): Promise<ClockRecord | null> {
    return em.findOne(ClockRecord, { where: { caseId, kind, status: 'running' } });
  }

  private async stopRunning(em: EntityManager, caseId: string, kind: string, at: Date, reason: string): Promise<void> {
    const clock = await this.running(em, caseId, kind);
    if (clock) await markStopped(em, clock, at, reason);
  }
}

/** Stops a clock for good, with the reason shown beside its basis. */
export async function markStopped(em: EntityManager, clock: Pick<ClockRecord, 'id' | 'basis'>, at: Date, reason: string): Promise<void> {
  const basis: ClockBasis = { ...clock.basis, stopped: { at: at.toISOString(), reason } };
  await sql(em, `UPDATE clocks SET status = 'stopped', stopped_at = ?, stopped_reason = ?, remind_at = NULL, basis = ? WHERE id = ?`, [
    at.toISOString(),
    reason.slice(0, 300),
    JSON.stringify(basis),
    clock.id,
  ]);
}

const label = (type: string) => eventLabels[type as CaseEventType] ?? type;
