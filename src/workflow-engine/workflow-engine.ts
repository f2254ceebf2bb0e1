// The server loop of ../../shared/style.md: load the stored snapshot → transition() → in the caller's
// transaction save snapshot, version, history, audit, segments, access and effect rows.
// Nothing here decides what may happen: the statechart and its permission table do.
import { Inject, Injectable } from '@nestjs/common';
import { initialTransition, transition, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import {
  acceptedEventTypes,
  allowedEvents,
  currentCaseMachine,
  explainRefusal,
  machineFor,
  mayActorSend,
  type Actor,
  type CaseContext,
  type CaseEvent,
  type CaseInput,
  type EventPayload,
  type Segment,
  stateLabel,
} from '../../workflows/case';
import { AuditService } from '../audit/audit.service';
import { grantCaseAccess } from '../cases/case-access.entity';
import { CaseSegment } from '../cases/case-segment.entity';
import { CaseTransition } from '../cases/case-transition.entity';
import { CaseRecord } from '../cases/case.entity';
import { DomainError, ForbiddenError, ValidationError } from '../common/errors/domain.error';
import { uuidv7 } from '../common/ids';
import { insertRow } from '../database/hydrate';
import { sql } from '../database/sql';
import type { Tx } from '../database/tx';
import { OrgsService } from '../orgs/orgs.service';
import { EffectRegistry, type EffectContext } from './effects';
import { statePath } from './state-path';

export interface Applied {
  row: CaseRecord;
  snapshot: AnyMachineSnapshot;
}

@Injectable()
export class WorkflowEngine {
  constructor(
    @Inject(EffectRegistry) private readonly effects: EffectRegistry,
    @Inject(OrgsService) private readonly orgs: OrgsService,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  restore(row: Pick<CaseRecord, 'machineId' | 'machineVersion' | 'snapshot'>): AnyMachineSnapshot {
    return machineFor(row.machineId, row.machineVersion).resolveState(JSON.parse(row.snapshot));
  }

  allowedEvents(snapshot: AnyMachineSnapshot, actor: Actor, at: Date) {
    return allowedEvents(snapshot, actor, at.toISOString());
  }

  /** Registers a new case (R-P1): the initial snapshot is version 1 of its history. */
  async start(tx: Tx, row: CaseRecord, input: CaseInput, actor: Actor, at: Date): Promise<Applied> {
    const machine = currentCaseMachine;
    const [snapshot, actions] = initialTransition(machine, input);
    Object.assign(row, {
      machineId: machine.id,
      machineVersion: machine.version,
      version: 1,
      ...this.rowFields(machine, snapshot, at),
    });
    await tx.em.insert(CaseRecord, row);
    await this.record(tx, row, { type: 'REGISTER' }, null, snapshot, actor, at, undefined, actions);
    return { row, snapshot };
  }

  /** Applies one event to a case loaded in this transaction, or throws why it may not happen. */
  async apply(tx: Tx, row: CaseRecord, payload: EventPayload, actor: Actor, at: Date): Promise<Applied> {
    const machine = machineFor(row.machineId, row.machineVersion);
    const snapshot = this.restore(row);
    const context = snapshot.context as CaseContext;
    const event = { ...payload, actor, at: at.toISOString(), units: await this.namedUnits(payload) } as CaseEvent;

    if (!acceptedEventTypes(snapshot).includes(event.type)) throw this.notAllowed(snapshot, actor, at);
    if (!mayActorSend(actor, context, event.type)) {
      throw new ForbiddenError('您的单位或角色无权在本案当前阶段执行此操作', {
        event: event.type,
        allowedEvents: this.allowedEvents(snapshot, actor, at),
      });
    }
    const [next, actions] = transition(machine, snapshot, event);
    if (next === snapshot) throw this.notAllowed(snapshot, actor, at, explainRefusal(snapshot, event));

    const fromState = row.state;
    const expectedVersion = row.version;
    Object.assign(row, { version: row.version + 1, ...this.rowFields(machine, next, at) });
    const updated = await sql(
      tx.em,
      `UPDATE cases SET state = ?, snapshot = ?, handling_unit_code = ?, outcome = ?, concluded_at = ?, updated_at = ?, version = ?
       WHERE id = ? AND version = ? RETURNING id`,
      [row.state, row.snapshot, row.handlingUnitCode, row.outcome, row.concludedAt, row.updatedAt, row.version, row.id, expectedVersion],
    );
    if (updated.length !== 1) {
      throw new DomainError('VERSION_CONFLICT', '案件已被他人更新，请刷新后重试', { currentVersion: expectedVersion + 1 });
    }
    await this.record(tx, row, event, fromState, next, actor, at, context, actions);
    return { row, snapshot: next };
  }

  private rowFields(machine: AnyStateMachine, snapshot: AnyMachineSnapshot, at: Date) {
    const context = snapshot.context as CaseContext;
    const done = snapshot.status === 'done';
    return {
      state: statePath(snapshot.value),
      snapshot: JSON.stringify(machine.getPersistedSnapshot(snapshot)),
      handlingUnitCode: context.handlingUnit.code,
      outcome: context.outcome ?? null,
      concludedAt: done ? at.toISOString() : null,
      updatedAt: at.toISOString(),
    };
  }

  /** History, audit, segments, access and effects of one transition — all in the same transaction. */
  private async record(
    tx: Tx,
    row: CaseRecord,
    event: CaseEvent | { type: 'REGISTER' },
    fromState: string | null,
    next: AnyMachineSnapshot,
    actor: Actor,
    at: Date,
    previous: CaseContext | undefined,
    actions: { type: string; params?: unknown }[],
  ): Promise<void> {
    const previousSegments = previous?.segments ?? [];
    const context = next.context as CaseContext;
    const { actor: _a, at: _t, units: _u, probe: _p, ...payload } = event as CaseEvent;
    await insertRow(tx.em, CaseTransition, {
      id: uuidv7(at.getTime()),
      caseId: row.id,
      version: row.version,
      event: event.type,
      payload: payload as object,
      fromState,
      toState: row.state,
      actorUsername: actor.username,
      actorUnitCode: actor.unit.code,
      at: at.toISOString(),
    });
    await this.audit.append(
      {
        actorUsername: actor.username,
        actorUnitCode: actor.unit.code,
        action: `case.${event.type}`,
        targetType: 'case',
        targetId: row.id,
        detail: { version: row.version, from: fromState, to: row.state },
      },
      tx.em,
      at,
    );
    await this.syncSegments(tx, row.id, previousSegments, context.segments);
    await this.grantAccess(tx, row.id, context, previous);
    const effect: EffectContext = { tx, caseRow: row, actor, at, version: row.version, context, event: event as CaseEvent };
    for (const action of actions) await this.effects.run(effect, action);
    await this.effects.transitioned({ ...effect, previousSegments });
  }

  private async syncSegments(tx: Tx, caseId: string, before: Segment[], after: Segment[]): Promise<void> {
    for (const segment of after) {
      const old = before.find((s) => s.seq === segment.seq);
      const row = {
        caseId,
        seq: segment.seq,
        track: segment.track,
        unitCode: segment.unitCode,
        startedAt: new Date(segment.startedAt).toISOString(),
        endedAt: segment.endedAt ? new Date(segment.endedAt).toISOString() : null,
        outcome: segment.outcome ?? null,
      };
      if (!old) await tx.em.insert(CaseSegment, row);
      else if (old.endedAt !== segment.endedAt || old.outcome !== segment.outcome) {
        await tx.em.update(CaseSegment, { caseId, seq: segment.seq }, { endedAt: row.endedAt, outcome: row.outcome });
      }
    }
  }

  /** Every unit that handled, issued to or received the case may read it from now on (R-S1). */
  private async grantAccess(tx: Tx, caseId: string, context: CaseContext, previous?: CaseContext): Promise<void> {
    const known = previous ? accessUnits(previous) : new Set<string>();
    for (const code of accessUnits(context)) {
      if (known.has(code)) continue;
      await grantCaseAccess(tx.em, caseId, this.orgs.cached(code) ?? (await this.orgs.get(code)));
    }
  }

  /** Units named by `…UnitCode` fields of the payload, resolved so guards can check them. */
  private async namedUnits(payload: EventPayload) {
    const codes = Object.entries(payload)
      .filter(([key, value]) => key.endsWith('UnitCode') && typeof value === 'string')
      .map(([key, value]) => [key, value as string] as const);
    const units = await this.orgs.refs(codes.map(([, code]) => code));
    for (const [key, code] of codes) {
      if (!units[code]) throw ValidationError.field(key, `单位 ${code} 不存在`);
    }
    return units;
  }

  private notAllowed(snapshot: AnyMachineSnapshot, actor: Actor, at: Date, refusals: { rule: string; message: string }[] = []) {
    const state = statePath(snapshot.value);
    const message = refusals.length
      ? `不能执行此操作：${refusals.map((r) => `${r.message}（${r.rule}）`).join('；')}`
      : `案件当前处于“${stateLabel(state)}”阶段，不接受此操作`;
    return new DomainError('TRANSITION_NOT_ALLOWED', message, {
      state,
      allowedEvents: this.allowedEvents(snapshot, actor, at),
      acceptedEvents: acceptedEventTypes(snapshot),
      ...(refusals.length ? { rules: refusals } : {}),
    });
  }
}

const accessUnits = (context: CaseContext) =>
  new Set([
    context.handlingUnit.code,
    ...context.segments.map((s) => s.unitCode),
    ...(context.guidance ? [context.guidance.issuedBy.code] : []),
    // R-S1: lawyers read the cases they are assigned to (R-V2).
    ...(context.petitionReferral?.lawyer ? [context.petitionReferral.lawyer.unit.code] : []),
  ]);
