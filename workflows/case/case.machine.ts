// The case statechart: one dispute, one case, a segment per track (domain §3).
// Bump `version` whenever a change would misread stored snapshots, and keep the old version
// registered in ./registry.ts until its cases have been migrated.
import { caseSetup, eventAs } from './case.setup';
import type { CaseContext, CaseInput } from './types';
import { peoplesMediation } from './peoples-mediation';
import { guidance } from './guidance';
import { administrativeMediation } from './administrative-mediation';
import { judicialMediation } from './judicial-mediation';
import { courtReferral, courtReferralFrom } from './court-referral';
import { petitionReferral, petitionReferralFrom } from './petition-referral';
import { judicialConfirmation } from './judicial-confirmation';

/** Thrown (prebuilt: no stack to capture) at the input-less throwaway actor, see `context` below. */
const noInput = new Error('the case statechart starts only with input');

function initialContext(input: CaseInput): CaseContext {
  return {
    caseId: input.caseId,
    parties: input.parties,
    consents: {},
    rightsNotified: false,
    handlingUnit: input.acceptingUnit,
    acceptedAt: input.acceptedAt,
    policy: input.policy,
    extensionsUsed: 0,
    sessions: 0,
    // A referred dispute's first segment opens when the justice office accepts it (§7, §8).
    segments:
      input.courtReferral || input.petitionReferral
        ? []
        : [{ seq: 1, track: 'peoples', unitCode: input.acceptingUnit.code, startedAt: input.acceptedAt }],
    riskLevel: input.riskLevel,
    courtReferral: input.courtReferral && courtReferralFrom(input.courtReferral),
    petitionReferral: input.petitionReferral && petitionReferralFrom(input.petitionReferral),
  };
}

/**
 * R-V4: the risk of an open case may be reassessed on every track; raised to red, the case is
 * reported at once, as at registration. (On each track rather than the root: a closed case, in
 * its final state, must refuse it.)
 */
function withRiskAssessment<T extends object>(track: T): T {
  const assessRisk = {
    guard: 'riskLevelChanges',
    actions: caseSetup.enqueueActions(({ context, event, enqueue }) => {
      const { riskLevel } = eventAs<'ASSESS_RISK'>(event);
      enqueue.assign({ riskLevel });
      if (riskLevel === 'red' && context.riskLevel !== 'red') enqueue({ type: 'reportRisk' });
    }),
  } as const;
  return { ...track, on: { ...(track as { on?: object }).on, ASSESS_RISK: assessRisk } };
}

export const caseMachine = caseSetup.createMachine({
  id: 'case',
  version: '1',
  // xstate's pure transition() (the tests', the volume generator's) builds a throwaway actor without
  // input on every call, and the engine's inert scope one per machine; refusing it at once, instead
  // of computing an initial state to discard, keeps each of them cheap.
  context: ({ input }) => {
    if (!input) throw noInput;
    return initialContext(input);
  },
  entry: caseSetup.enqueueActions(({ context, enqueue }) => {
    // R-P1: every case starts with registration 受理登记 — a referred one when the office accepts it.
    if (!context.courtReferral && !context.petitionReferral) enqueue({ type: 'issueDocument', params: { kind: 'registration-form' } });
    // R-V4: a red-risk case is reported at once.
    if (context.riskLevel === 'red') enqueue({ type: 'reportRisk' });
  }),
  initial: 'intake',
  states: {
    /** Where the dispute starts: with a court, with a petition office, or registered for mediation. */
    intake: {
      always: [
        { guard: 'filedAtCourt', target: 'court' },
        { guard: 'receivedByPetitionOffice', target: 'petition' },
        { target: 'peoples' },
      ],
    },
    court: withRiskAssessment(courtReferral),
    petition: withRiskAssessment(petitionReferral),
    confirmation: withRiskAssessment(judicialConfirmation),
    peoples: withRiskAssessment(peoplesMediation),
    guidance: withRiskAssessment(guidance),
    administrative: withRiskAssessment(administrativeMediation),
    judicial: withRiskAssessment(judicialMediation),
    // The case file 卷宗 (cover and table of contents) lists every document of the case (§10).
    closed: { type: 'final', entry: [{ type: 'issueDocument', params: { kind: 'case-file-cover' } }] },
  },
});

export type CaseMachine = typeof caseMachine;
