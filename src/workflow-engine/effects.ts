// Effects named by statechart actions (issueDocument, startClock, …). Their handlers run inside the
// transition's transaction and write rows (a pending document, a clock); whatever must happen
// after commit (rendering, notifying) is picked up from those rows and retried until done.
import { Injectable } from '@nestjs/common';
import type { Actor, CaseContext, CaseEvent, Segment } from '../../workflows/case';
import type { CaseRecord } from '../cases/case.entity';
import type { Tx } from '../database/tx';

export interface EffectContext {
  tx: Tx;
  caseRow: CaseRecord;
  actor: Actor;
  at: Date;
  /** The case version this transition produced. */
  version: number;
  context: CaseContext;
  event: CaseEvent | { type: 'REGISTER' };
}

export type EffectHandler = (effect: EffectContext, params: any) => Promise<unknown>;

/** What a transition listener is told: the effect context and the segments as they were before. */
export interface TransitionNotice extends EffectContext {
  previousSegments: Segment[];
  /** The statechart actions the transition ran (issueDocument, startClock, …). */
  actions: string[];
}

export type TransitionListener = (notice: TransitionNotice) => Promise<void>;

@Injectable()
export class EffectRegistry {
  private readonly handlers = new Map<string, EffectHandler>();
  private readonly listeners: TransitionListener[] = [];

  register(type: string, handler: EffectHandler): void {
    if (this.handlers.has(type)) throw new Error(`effect ${type} already has a handler`);
    this.handlers.set(type, handler);
  }

  async run(effect: EffectContext, action: { type: string; params?: unknown }): Promise<void> {
    const handler = this.handlers.get(action.type);
    // An effect nobody handles would be silently lost: fail the transition instead.
    if (!handler) throw new Error(`no handler registered for statechart effect "${action.type}"`);
    await handler(effect, action.params);
  }

  /**
   * Listens to every transition, inside its transaction and after its effects, so that a
   * derived table (e.g. the monthly statistics summary) commits or rolls back with it.
   */
  onTransition(listener: TransitionListener): void {
    this.listeners.push(listener);
  }

  async transitioned(notice: TransitionNotice): Promise<void> {
    for (const listener of this.listeners) await listener(notice);
  }
}
