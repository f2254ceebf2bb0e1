// The receiving justice office's side of a referral, the same for a court (§7) and a petition
// office (§8): it acknowledges the dispute and mediates itself or assigns a committee of its
// township (R-L2), or returns it with a reason; later it reports the result (R-L4, R-V3).
import { caseSetup, eventAs } from './case.setup';
import type { CaseContext, CaseEvent, ReferralResult, UnitRef } from './types';

/** Acknowledgement facts, written to whichever referral the case carries. */
const recordAcknowledgement = caseSetup.assign(({ context, event }) => {
  const target = eventAs<'ACCEPT_REFERRAL'>(event).targetUnitCode;
  const mediatingUnit: UnitRef = target ? event.units![target] : context.handlingUnit;
  const facts = { acknowledgedAt: event.at, mediatingUnit };
  return {
    handlingUnit: mediatingUnit,
    // R-P6: people's mediation is accepted now, whenever the referrer first received the dispute.
    acceptedAt: event.at,
    ...(context.courtReferral ? { courtReferral: { ...context.courtReferral, ...facts } } : {}),
    ...(context.petitionReferral ? { petitionReferral: { ...context.petitionReferral, ...facts } } : {}),
  };
});

/**
 * R-L2: the office accepts; the people's-mediation track runs from registration as for any case.
 * The consents the referrer recorded (R-L1, R-V1) stand as the parties' consent to mediation (R-P3).
 */
export const acceptReferral = {
  guard: 'committeeOfOffice',
  target: '#case.peoples.registered',
  actions: [
    recordAcknowledgement,
    { type: 'openSegment', params: { track: 'peoples' } },
    // R-P1: the office registers the dispute it accepted.
    { type: 'issueDocument', params: { kind: 'registration-form' } },
  ],
} as const;

/** A return with its reason, kept on the referral so the referrer (and a letter) can show it. */
export const recordReturn = caseSetup.assign(({ context, event }) => {
  const entry = { by: event.actor.unit, at: event.at, note: eventAs<'RETURN_REFERRAL'>(event).note };
  if (context.courtReferral) {
    const { handedTo: _h, handedOverAt: _t, handOverBasis: _b, ...rest } = context.courtReferral;
    return { courtReferral: { ...rest, filing: 'deferred' as const, returns: [...rest.returns, entry] } };
  }
  const { referredTo: _r, referredAt: _a, ...rest } = context.petitionReferral!;
  return { petitionReferral: { ...rest, returns: [...rest.returns, entry] } };
});

/** The result as the office reports it: agreement (attached) or the failure's reason. */
export function referralResult(context: CaseContext, event: CaseEvent): ReferralResult {
  const note = (event as { note?: string }).note;
  return {
    outcome: context.agreement?.effectiveAt ? 'agreement' : (context.failure?.reason ?? 'no-agreement'),
    at: event.at,
    reportedBy: event.actor.unit,
    mediatingUnit: context.handlingUnit,
    ...(note ? { note } : {}),
    ...(context.agreement?.effectiveAt ? { agreement: context.agreement } : {}),
  };
}
