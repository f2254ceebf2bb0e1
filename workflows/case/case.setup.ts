// Guards and actions shared by every track of the case statechart.
// Assign actions change the context; the effect actions (issueDocument, startClock, …) do nothing
// here: `transition()` hands them back to the engine, which persists them in the same transaction.
import { assign, setup } from 'xstate';
import { rules, type RuleName } from './rules';
import type {
  CaseContext,
  CaseEvent,
  CaseInput,
  CaseOutcome,
  EventOf,
  FailureReason,
  GuidanceRoute,
  Segment,
  SegmentOutcome,
  Track,
  UnitRef,
} from './types';
import type { DocumentKind } from './documents';

export interface ClockParams {
  clock: string;
  /** ISO instant the period counts from (the start day itself is not counted, R-D4). */
  from: string;
  days: number;
  dayKind: 'calendar' | 'working';
  /** false: no reminder to the unit before it ends (a period of the parties', not a task of the unit's). */
  remind?: false;
}

type GuardFn = (args: { context: CaseContext; event: CaseEvent }) => boolean;
// A probe event (see ./explain.ts) asks "could this event type be accepted now?": rules that read
// the payload it does not have are given the benefit of the doubt.
const guards = Object.fromEntries(
  Object.entries(rules).map(([name, r]) => [
    name,
    (({ context, event }) => (event.probe === true && r.reads === 'event') || r.test(context, event)) as GuardFn,
  ]),
) as Record<RuleName, GuardFn>;

/** The event as the type a transition listens to (its guards and the statechart made sure). */
export const eventAs = <T extends CaseEvent['type']>(event: CaseEvent) => event as EventOf<T>;
const unitOf = (event: CaseEvent, code: string | undefined): UnitRef => {
  const unit = code ? event.units?.[code] : undefined;
  if (!unit) throw new Error(`unit ${code} was not resolved by the engine`);
  return unit;
};

function closeLast(segments: Segment[], at: string, outcome: SegmentOutcome): Segment[] {
  const last = segments[segments.length - 1];
  if (!last || last.endedAt) return segments;
  return [...segments.slice(0, -1), { ...last, endedAt: at, outcome }];
}

function open(segments: Segment[], track: Track, unit: UnitRef, at: string): Segment[] {
  return [...segments, { seq: segments.length + 1, track, unitCode: unit.code, startedAt: at }];
}

export const caseSetup = setup({
  types: {
    context: {} as CaseContext,
    events: {} as CaseEvent,
    input: {} as CaseInput,
  },
  guards,
  actions: {
    // ---- effects, executed by the engine --------------------------------------------------
    issueDocument: (_, _params: { kind: DocumentKind }) => {},
    startClock: (_, _params: ClockParams) => {},
    extendClock: (_, _params: { clock: string; days: number }) => {},
    stopClock: (_, _params: { clock: string }) => {},
    /** R-V4: record a red-risk report to the township leadership and the police, at once. */
    reportRisk: () => {},

    // ---- context ----------------------------------------------------------------------------
    recordConsent: assign({
      consents: ({ context, event }) => {
        const ev = eventAs<'RECORD_CONSENT'>(event);
        return { ...context.consents, [ev.partyId]: ev.consent };
      },
    }),
    markRightsNotified: assign({ rightsNotified: true }),
    countSession: assign({ sessions: ({ context }) => context.sessions + 1 }),
    countExtension: assign({ extensionsUsed: ({ context }) => context.extensionsUsed + 1 }),
    recordAgreement: assign({
      agreement: ({ event }) => {
        const ev = eventAs<'REACH_AGREEMENT'>(event);
        return {
          form: ev.form,
          terms: ev.terms,
          performanceMethod: ev.performanceMethod,
          performancePlace: ev.performancePlace,
          performanceDeadline: ev.performanceDeadline,
          amountFen: ev.amountFen,
          reachedAt: ev.at,
          signatures: [],
          sealed: false,
          // An oral agreement takes effect when recorded; a written one once signed and sealed.
          effectiveAt: ev.form === 'oral' ? ev.at : undefined,
        };
      },
    }),
    recordSignature: assign({
      agreement: ({ context, event }) => ({
        ...context.agreement!,
        signatures: [...context.agreement!.signatures, eventAs<'SIGN_AGREEMENT'>(event).signer],
      }),
    }),
    sealAgreement: assign({ agreement: ({ context }) => ({ ...context.agreement!, sealed: true }) }),
    agreementTakesEffect: assign({
      agreement: ({ context, event }) => ({ ...context.agreement!, effectiveAt: event.at }),
    }),
    recordFollowUp: assign({
      followUp: ({ event }) => {
        const ev = eventAs<'RECORD_FOLLOW_UP'>(event);
        return { at: ev.at, performance: ev.performance, note: ev.note };
      },
    }),
    recordFailure: assign({
      failure: ({ event }, params: { reason: FailureReason }) => ({
        reason: params.reason,
        at: event.at,
        note: 'note' in event ? event.note : undefined,
      }),
    }),
    clearFailure: assign({ failure: undefined }),
    setOutcome: assign({ outcome: (_, params: { outcome: CaseOutcome }) => params.outcome }),
    closeSegment: assign({
      segments: ({ context, event }, params: { outcome: SegmentOutcome }) =>
        closeLast(context.segments, event.at, params.outcome),
    }),
    openSegment: assign({
      segments: ({ context, event }, params: { track: Track }) =>
        open(context.segments, params.track, context.handlingUnit, event.at),
    }),
    /** Hand the case to the unit named by the event's `targetUnitCode`. */
    handToTarget: assign({
      handlingUnit: ({ event }) => unitOf(event, (event as { targetUnitCode?: string }).targetUnitCode),
    }),
    recordGuidance: assign({
      guidance: ({ context, event }) => {
        const ev = eventAs<'ISSUE_GUIDANCE'>(event);
        return {
          route: ev.route as GuidanceRoute,
          target: ev.targetUnitCode ? unitOf(event, ev.targetUnitCode) : undefined,
          issuedBy: ev.actor.unit,
          reason: context.failure?.reason ?? 'out-of-scope',
          at: ev.at,
        };
      },
    }),
    handBackToGuidanceIssuer: assign({ handlingUnit: ({ context }) => context.guidance!.issuedBy }),
  },
});

export const clockForPeoplesMediation = (context: CaseContext): ClockParams => ({
  clock: 'peoples-mediation',
  from: context.acceptedAt,
  days: context.policy.days,
  dayKind: context.policy.dayKind,
});
