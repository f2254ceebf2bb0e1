// The in-transaction half of legal clocks (R-D1): starting, extending and stopping a clock writes
// its absolute due time; a sweeper (not a timer) fires it.
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { ClockParams } from '../../workflows/case';
import { uuidv7 } from '../common/ids';
import { shanghaiDate, startOfShanghaiDay } from '../common/time/instant';
import { EffectRegistry, type EffectContext } from '../workflow-engine/effects';
import { ClockRecord } from './clock.entity';

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** R-D4 (calendar days): the start day is not counted; the period ends at the end of its last day. */
export function calendarDue(from: string, days: number) {
  const lastDay = addDays(shanghaiDate(from), days);
  return { lastDay, dueAt: startOfShanghaiDay(addDays(lastDay, 1)) };
}

@Injectable()
export class ClockKeeper implements OnModuleInit {
  constructor(@Inject(EffectRegistry) private readonly effects: EffectRegistry) {}

  onModuleInit(): void {
    this.effects.register('startClock', (e, p: ClockParams) => this.start(e, p));
    this.effects.register('extendClock', (e, p: { clock: string; days: number }) => this.extend(e, p));
    this.effects.register('stopClock', (e, p: { clock: string }) => this.stop(e, p.clock));
  }

  private async start({ tx, caseRow, context, at }: EffectContext, params: ClockParams): Promise<void> {
    const { lastDay, dueAt } = calendarDue(params.from, params.days);
    await tx.em.insert(ClockRecord, {
      id: uuidv7(at.getTime()),
      caseId: caseRow.id,
      kind: params.clock,
      unitCode: context.handlingUnit.code,
      startedAt: new Date(params.from).toISOString(),
      dueAt,
      status: 'running',
      basis: { rule: 'R-D4', dayKind: params.dayKind, days: params.days, from: shanghaiDate(params.from), lastDay },
      firedAt: null,
    });
  }

  private async extend({ tx, caseRow }: EffectContext, params: { clock: string; days: number }): Promise<void> {
    const clock = await tx.em.findOne(ClockRecord, { where: { caseId: caseRow.id, kind: params.clock, status: 'running' } });
    if (!clock) return;
    const { lastDay, dueAt } = calendarDue(clock.dueAt, params.days - 1);
    const basis = { ...clock.basis, extensions: [...(clock.basis.extensions ?? []), { days: params.days, lastDay }], lastDay };
    await tx.em.update(ClockRecord, { id: clock.id }, { dueAt, basis });
  }

  private async stop({ tx, caseRow }: EffectContext, kind: string): Promise<void> {
    await tx.em.update(ClockRecord, { caseId: caseRow.id, kind, status: 'running' }, { status: 'stopped' });
  }
}
