// Keeps the monthly summary current: every transition, inside its own transaction and after its
// effects, adds what it recorded (./transition-facts.ts). A rolled-back transition leaves no trace.
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { sql } from '../database/sql';
import { EffectRegistry, type TransitionNotice } from '../workflow-engine/effects';
import { applyDeltas } from './summary-store';
import { documentMeasures, mergeDeltas, transitionFacts } from './transition-facts';
import { placeholders } from './sql-dialect';

const handOffKinds = Object.keys(documentMeasures);

@Injectable()
export class SummaryWriter implements OnModuleInit {
  constructor(@Inject(EffectRegistry) private readonly effects: EffectRegistry) {}

  onModuleInit(): void {
    this.effects.onTransition((notice) => this.record(notice));
  }

  async record(notice: TransitionNotice): Promise<void> {
    const { tx, caseRow, context, event, at, version, actor, previousSegments } = notice;
    const em = tx.em;
    const before = new Map(previousSegments.map((s) => [s.seq, s]));
    const firstOpens = context.segments.some((s) => s.seq === 1) && !before.has(1);
    const someEnd = context.segments.some((s) => s.endedAt && !before.get(s.seq)?.endedAt);
    const deltas = transitionFacts({
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
      flags: firstOpens ? await this.flags(em, caseRow.id) : [],
      documents: await this.documents(em, caseRow.id, version),
      clocks: someEnd ? await this.clocks(em, caseRow.id) : [],
    });
    const merged = mergeDeltas(deltas);
    if (merged.length) await applyDeltas(em, merged, at.toISOString(), caseRow.id);
  }

  private flags(em: EntityManager, caseId: string) {
    return sql<{ kind: string; people: number }>(em, 'SELECT kind, people FROM prevention_flags WHERE case_id = ?', [caseId]);
  }

  private async documents(em: EntityManager, caseId: string, version: number) {
    const rows = await sql<{ kind: string; issuing_unit_code: string; issued_at: string }>(
      em,
      `SELECT kind, issuing_unit_code, issued_at FROM documents
       WHERE case_id = ? AND transition_version = ? AND kind IN (${placeholders(handOffKinds.length)})`,
      [caseId, version, ...handOffKinds],
    );
    return rows.map((r) => ({ kind: r.kind, issuingUnitCode: r.issuing_unit_code, issuedAt: r.issued_at }));
  }

  private async clocks(em: EntityManager, caseId: string) {
    const rows = await sql<{ unit_code: string; due_at: string }>(em, 'SELECT unit_code, due_at FROM clocks WHERE case_id = ?', [caseId]);
    return rows.map((r) => ({ unitCode: r.unit_code, dueAt: r.due_at }));
  }
}
