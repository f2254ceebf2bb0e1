// Keeps the monthly summary current: every transition, inside its own transaction and after its
// effects, adds what it recorded (./transition-facts.ts). A rolled-back transition leaves no trace.
// A transaction that collects its writes (a sweeper round) has the facts of all its transitions
// worked out at its end, with one lookup per table for the whole round instead of one per case.
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { sql } from '../database/sql';
import { EffectRegistry, type TransitionNotice } from '../workflow-engine/effects';
import { needsClockCheck } from './segment-facts';
import { applyChanges } from './summary-store';
import { documentMeasures, mergeDeltas, transitionFacts, type TransitionRecord } from './transition-facts';
import { placeholders } from './sql-dialect';

const handOffKinds = Object.keys(documentMeasures);

/** A transition's record, less what is looked up in the database, and which lookups it needs. */
interface PendingFacts {
  record: Omit<TransitionRecord, 'flags' | 'documents' | 'clocks'>;
  caseId: string;
  version: number;
  /** Its first segment opened: the case's prevention flags count (read then). */
  needsFlags: boolean;
  /** It issued documents: hand-off ones count. */
  needsDocuments: boolean;
  /** A segment concluded (not expired, not handed over): whether after its unit's due time counts. */
  needsClocks: boolean;
}

type ByCase<T> = Map<string, T[]>;

@Injectable()
export class SummaryWriter implements OnModuleInit {
  constructor(@Inject(EffectRegistry) private readonly effects: EffectRegistry) {}

  onModuleInit(): void {
    this.effects.onTransition((notice) => this.record(notice));
  }

  async record(notice: TransitionNotice): Promise<void> {
    const pending = pendingFacts(notice);
    if (notice.tx.batch) notice.tx.batch.defer('statistics', pending, (em, items) => this.recordAll(em, items));
    else await this.recordAll(notice.tx.em, [pending]);
  }

  private async recordAll(em: EntityManager, items: PendingFacts[]): Promise<void> {
    const ids = (need: (p: PendingFacts) => boolean) => [...new Set(items.filter(need).map((p) => p.caseId))];
    const flags = await this.flags(em, ids((p) => p.needsFlags));
    const documents = await this.documents(em, ids((p) => p.needsDocuments));
    const clocks = await this.clocks(em, ids((p) => p.needsClocks));
    const changes = items.map((p) => ({
      deltas: mergeDeltas(
        transitionFacts({
          ...p.record,
          flags: p.needsFlags ? (flags.get(p.caseId) ?? []) : [],
          documents: p.needsDocuments ? (documents.get(p.caseId) ?? []).filter((d) => d.version === p.version) : [],
          clocks: p.needsClocks ? (clocks.get(p.caseId) ?? []) : [],
        }),
      ),
      recordedAt: p.record.at,
      caseId: p.caseId,
    }));
    await applyChanges(em, changes.filter((c) => c.deltas.length));
  }

  private async flags(em: EntityManager, caseIds: string[]) {
    const rows = await inChunks(caseIds, (ids) =>
      sql<{ case_id: string; kind: string; people: number }>(em, `SELECT case_id, kind, people FROM prevention_flags WHERE case_id IN (${placeholders(ids.length)})`, ids),
    );
    return groupByCase(rows, (r) => ({ kind: r.kind, people: r.people }));
  }

  private async documents(em: EntityManager, caseIds: string[]) {
    const rows = await inChunks(caseIds, (ids) =>
      sql<{ case_id: string; transition_version: number; kind: string; issuing_unit_code: string; issued_at: string }>(
        em,
        `SELECT case_id, transition_version, kind, issuing_unit_code, issued_at FROM documents
         WHERE case_id IN (${placeholders(ids.length)}) AND kind IN (${placeholders(handOffKinds.length)})`,
        [...ids, ...handOffKinds],
      ),
    );
    return groupByCase(rows, (r) => ({ version: Number(r.transition_version), kind: r.kind, issuingUnitCode: r.issuing_unit_code, issuedAt: r.issued_at }));
  }

  private async clocks(em: EntityManager, caseIds: string[]) {
    const rows = await inChunks(caseIds, (ids) =>
      sql<{ case_id: string; unit_code: string; due_at: string }>(em, `SELECT case_id, unit_code, due_at FROM clocks WHERE case_id IN (${placeholders(ids.length)})`, ids),
    );
    return groupByCase(rows, (r) => ({ unitCode: r.unit_code, dueAt: r.due_at }));
  }
}

/** Everything of the record that is known at the transition, copied (the case row changes on). */
function pendingFacts(notice: TransitionNotice): PendingFacts {
  const { caseRow, context, event, at, version, actor, previousSegments, actions } = notice;
  const before = new Map(previousSegments.map((s) => [s.seq, s]));
  return {
    record: {
      at: at.toISOString(),
      event: event as { type: string; performance?: string; confirmed?: boolean },
      toState: caseRow.state,
      actorUnitCode: actor.unit.code,
      kase: {
        disputeType: caseRow.disputeType,
        disputeSubtype: caseRow.disputeSubtype,
        source: caseRow.source,
        parties: context.parties.length,
      },
      before: previousSegments,
      after: context.segments,
      agreement: context.agreement,
    },
    caseId: caseRow.id,
    version,
    needsFlags: context.segments.some((s) => s.seq === 1) && !before.has(1),
    // Hand-off documents are issued by this transition's own actions, or there are none to count.
    needsDocuments: actions.includes('issueDocument'),
    // An expiry is overdue by its outcome: a sweeper round of expiries reads no clocks.
    needsClocks: context.segments.some((s) => s.endedAt && !before.get(s.seq)?.endedAt && needsClockCheck(s)),
  };
}

async function inChunks<T>(ids: string[], query: (ids: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 500) out.push(...(await query(ids.slice(i, i + 500))));
  return out;
}

function groupByCase<R extends { case_id: string }, T>(rows: R[], map: (row: R) => T): ByCase<T> {
  const out: ByCase<T> = new Map();
  for (const row of rows) (out.get(row.case_id) ?? out.set(row.case_id, []).get(row.case_id)!).push(map(row));
  return out;
}
