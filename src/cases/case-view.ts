// What the API answers for a case: the row, the statechart's view of it, and the related rows,
// with personal data masked unless the caller may and did ask to see it (R-S2).
import { Inject, Injectable } from '@nestjs/common';
import type { AnyMachineSnapshot } from 'xstate';
import type { EntityManager } from 'typeorm';
import { stateLabel, type Actor, type CaseContext } from '../../workflows/case';
import { fenToYuan } from '../common/money';
import { toShanghaiIso, withShanghaiInstants } from '../common/time/instant';
import { partiesPeriods } from '../deadlines/clock-labels';
import { OrgsService } from '../orgs/orgs.service';
import { WorkflowEngine } from '../workflow-engine/workflow-engine';
import { courtHandOffView, seesHandOffOnly } from '../referrals/court-hand-off-view';
import { disputeTypeName, focusDisputeTypes } from './catalog/dispute-types';
import { caseSources, type CaseSource } from './catalog/sources';
import { readRelated, type CaseRelated } from './case-related';
import { CaseRecord } from './case.entity';
import { partyView } from './party-view';
import { Party } from './party.entity';
import { preventionKinds } from './prevention-flag.entity';

const iso = (instant: string | null | undefined) => (instant ? toShanghaiIso(instant) : null);

@Injectable()
export class CaseViews {
  constructor(
    @Inject(WorkflowEngine) private readonly engine: WorkflowEngine,
    @Inject(OrgsService) private readonly orgs: OrgsService,
  ) {}

  unitName(code: string) {
    return { code, name: this.orgs.cached(code)?.name ?? code };
  }

  /** The whole case, as GET /api/cases/:id and every event answer give it; `related` if already read with the case. */
  async full(em: EntityManager, row: CaseRecord, snapshot: AnyMachineSnapshot, actor: Actor, now: Date, reveal = false, related?: CaseRelated) {
    const context = snapshot.context as CaseContext;
    const { parties, flags, clocks } = related ?? (await readRelated(em, row.id));
    const view = {
      ...this.summary(row, parties, reveal),
      status: snapshot.status === 'done' ? 'closed' : 'active',
      allowedEvents: this.engine.allowedEvents(snapshot, actor, now),
      acceptingUnit: this.unitName(row.acceptingUnitCode),
      catalogVersion: row.catalogVersion,
      workOrderNo: row.workOrderNo,
      amountInvolved: fenToYuan(row.amountFen),
      summary: row.summary,
      place: row.place,
      peopleInvolved: row.peopleInvolved,
      concludedAt: iso(row.concludedAt),
      outcome: row.outcome,
      preventionFlags: flags.map((f) => ({ kind: f.kind, name: preventionKinds[f.kind], people: f.people })),
      segments: context.segments.map((s) => ({
        seq: s.seq,
        track: s.track,
        unit: this.unitName(s.unitCode),
        startedAt: iso(s.startedAt),
        endedAt: iso(s.endedAt),
        outcome: s.outcome ?? null,
      })),
      deadlines: clocks.map((c) => ({
        kind: c.kind,
        unit: this.unitName(c.unitCode),
        startedAt: iso(c.startedAt),
        dueAt: iso(c.dueAt),
        status: c.status,
        overdue: c.status === 'running' && c.dueAt <= now.toISOString() && !partiesPeriods.includes(c.kind),
        basis: withShanghaiInstants(c.basis),
      })),
      // The statechart keeps its facts' instants in UTC; the API writes every time in +08:00.
      mediation: withShanghaiInstants({
        consents: context.consents,
        rightsNotified: context.rightsNotified,
        sessions: context.sessions,
        extensionsUsed: context.extensionsUsed,
        policy: context.policy,
        agreement: context.agreement ? { ...context.agreement, amount: fenToYuan(context.agreement.amountFen) } : null,
        followUp: context.followUp ?? null,
        failure: context.failure ?? null,
        guidance: context.guidance ?? null,
      }),
      // §7–§8: the referrer's facts, the result letters' facts and judicial confirmation (docs/referrals.md).
      referral: withShanghaiInstants({
        court: context.courtReferral ?? null,
        petition: context.petitionReferral ?? null,
        judicialConfirmation: context.judicialConfirmation ?? null,
      }),
    };
    // R-L5: a referring court sees the hand-off, not the mediation file.
    return seesHandOffOnly(actor, row) ? courtHandOffView(view) : view;
  }

  /** The fields a list shows; always masked. */
  summary(row: CaseRecord, parties: Party[], reveal = false) {
    return {
      id: row.id,
      caseNo: row.caseNo,
      state: row.state,
      stateLabel: stateLabel(row.state),
      version: row.version,
      disputeType: row.disputeType,
      disputeTypeName: disputeTypeName(row.disputeType, row.catalogVersion, row.disputeSubtype),
      disputeSubtype: row.disputeSubtype,
      source: row.source,
      sourceName: caseSources[row.source as CaseSource] ?? row.source,
      riskLevel: row.riskLevel,
      // Focus types for escalation to crime 民转刑 (domain §3).
      escalationFocus: focusDisputeTypes.includes(row.disputeType),
      handlingUnit: this.unitName(row.handlingUnitCode),
      acceptedAt: iso(row.acceptedAt),
      parties: parties.map((p) => partyView(p, reveal)),
    };
  }
}
