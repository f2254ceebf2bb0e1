// The server loop of ../../shared/style.md: load the stored snapshot → transition() → in the caller's
// transaction save snapshot, version, history, audit, segments, access and effect rows.
// Nothing here decides what may happen: the statechart and its permission table do.
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { initialTransition, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
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
import { segmentRow } from '../cases/segment-row';
import { DomainError, ForbiddenError, ValidationError } from '../common/errors/domain.error';
import { uuidv7 } from '../common/ids';
import { insertRow, insertRows } from '../database/hydrate';
import { sql } from '../database/sql';
import type { Tx } from '../database/tx';
import { OrgsService } from '../orgs/orgs.service';
import { EffectRegistry, type EffectContext } from './effects';
import { statePath } from './state-path';
import { nextSnapshot } from './next-snapshot';

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
    const [next, actions] = nextSnapshot(machine, snapshot, event);
    if (next === snapshot) throw this.notAllowed(snapshot, actor, at, explainRefusal(snapshot, event));

    const fromState = row.state;
    const expectedVersion = row.version;
    Object.assign(row, { version: row.version + 1, ...this.rowFields(machine, next, at) });
    const update: CaseUpdate = { ...pick(row, caseUpdateColumns), id: row.id, expectedVersion };
    if (tx.batch) tx.batch.defer('cases', update, updateCases);
    else await updateCases(tx.em, [update]);
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
      // R-V4: lists and alerts filter on the column; the statechart holds the current assessment.
      ...(context.riskLevel ? { riskLevel: context.riskLevel } : {}),
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
    const history: Partial<CaseTransition> = {
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
    };
    if (tx.batch) tx.batch.defer('case_transitions', history, (em, rows) => insertRows(em, CaseTransition, rows));
    else await insertRow(tx.em, CaseTransition, history);
    await this.audit.appendTx(
      tx,
      {
        actorUsername: actor.username,
        actorUnitCode: actor.unit.code,
        action: `case.${event.type}`,
        targetType: 'case',
        targetId: row.id,
        detail: { version: row.version, from: fromState, to: row.state },
      },
      at,
    );
    await this.syncSegments(tx, row, context, previousSegments);
    await this.grantAccess(tx, row.id, context, previous);
    const effect: EffectContext = { tx, caseRow: row, actor, at, version: row.version, context, event: event as CaseEvent };
    for (const action of actions) await this.effects.run(effect, action);
    await this.effects.transitioned({ ...effect, previousSegments, actions: actions.map((a) => a.type) });
  }

  private async syncSegments(tx: Tx, kase: CaseRecord, context: CaseContext, before: Segment[]): Promise<void> {
    for (const segment of context.segments) {
      const old = before.find((s) => s.seq === segment.seq);
      if (old && old.endedAt === segment.endedAt && old.outcome === segment.outcome) continue;
      const row = await segmentRow(tx.em, kase, context, segment);
      if (tx.batch) tx.batch.defer('case_segments', row, upsertSegments);
      else if (!old) await tx.em.insert(CaseSegment, row);
      else await tx.em.update(CaseSegment, { caseId: kase.id, seq: segment.seq }, pick(row, segmentEndColumns));
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

/** New and changed segments of a round, the last version of each (a row may change twice in one round). */
function upsertSegments(em: EntityManager, rows: Partial<CaseSegment>[]): Promise<void> {
  const last = new Map(rows.map((r) => [`${r.caseId}|${r.seq}`, r]));
  return insertRows(em, CaseSegment, [...last.values()], { key: ['caseId', 'seq'], update: [...segmentEndColumns] });
}

/** What a segment's end writes: the end and the conclusion facts (the acceptance facts never change). */
const segmentEndColumns = ['endedAt', 'outcome', 'concludedMonth', 'agreementForm', 'amountFen', 'concludedSeconds', 'overdue'] as const;

/** What a transition changes in its case row, and the version it expects to find there. */
const caseUpdateColumns = ['state', 'snapshot', 'handlingUnitCode', 'riskLevel', 'outcome', 'concludedAt', 'updatedAt', 'version'] as const;
type CaseUpdate = Pick<CaseRecord, (typeof caseUpdateColumns)[number] | 'id'> & { expectedVersion: number };

const pick = <T extends object, K extends keyof T>(from: T, keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, from[k]])) as Pick<T, K>;

/**
 * Optimistic update (If-Match): each row only if still at the version its transition read, else
 * VERSION_CONFLICT for the whole. Several transitions of one case in a round are one row: the
 * first expected version, the last values. PostgreSQL takes a round's rows in one statement.
 */
async function updateCases(em: EntityManager, updates: CaseUpdate[]): Promise<void> {
  const rows = new Map<string, CaseUpdate>();
  for (const u of updates) rows.set(u.id, { ...u, expectedVersion: rows.get(u.id)?.expectedVersion ?? u.expectedVersion });
  const values = (u: CaseUpdate) => [u.state, u.snapshot, u.handlingUnitCode, u.riskLevel, u.outcome, u.concludedAt, u.updatedAt, u.version, u.id, u.expectedVersion];
  let updated = 0;
  if (em.connection.options.type === 'postgres' && rows.size > 1) {
    const list = [...rows.values()];
    for (let i = 0; i < list.length; i += 1000) {
      const chunk = list.slice(i, i + 1000);
      const result = await sql(
        em,
        `UPDATE cases AS c SET state = v.state, snapshot = v.snapshot, handling_unit_code = v.unit, risk_level = v.risk_level,
           outcome = v.outcome, concluded_at = v.concluded_at, updated_at = v.updated_at, version = v.version
         FROM (VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?::int, ?, ?::int)').join(', ')})
           AS v(state, snapshot, unit, risk_level, outcome, concluded_at, updated_at, version, id, expected)
         WHERE c.id = v.id AND c.version = v.expected RETURNING c.id`,
        chunk.flatMap(values),
      );
      updated += result.length;
    }
  } else {
    for (const u of rows.values()) {
      const result = await sql(
        em,
        `UPDATE cases SET state = ?, snapshot = ?, handling_unit_code = ?, risk_level = ?, outcome = ?, concluded_at = ?, updated_at = ?, version = ?
         WHERE id = ? AND version = ? RETURNING id`,
        values(u),
      );
      updated += result.length;
    }
  }
  if (updated !== rows.size) {
    const [first] = rows.values();
    throw new DomainError('VERSION_CONFLICT', '案件已被他人更新，请刷新后重试', { currentVersion: first.expectedVersion + 1 });
  }
}
