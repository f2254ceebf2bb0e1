// Court referral 诉调对接 (domain §7, R-L1…R-L4): a basic court records a filing application and
// each party's consent, defers the filing with a 劝导书 and hands the dispute to a justice office;
// the office's 调解结果告知函 closes the deferred filing or sends it to 立案审查.
import { and } from 'xstate';
import { caseSetup, eventAs } from './case.setup';
import { acceptReferral, recordReturn, referralResult } from './referral-office';
import type { CaseEvent, CourtFilingInput, CourtReferral, FilingReviewReason } from './types';

/**
 * R-L3: a court-referred case has one mediation period, counted from the hand-over under the
 * court-referral policy the case was opened with. It is the people's-mediation clock of the case,
 * so agreement, failure and consented extension stop or extend it as in any people's mediation.
 */
const referralPeriod = { clock: 'peoples-mediation' };

export const courtReferralFrom = (input: CourtFilingInput): CourtReferral => ({ ...input, filing: 'applied', returns: [] });

const updateReferral = (patch: (referral: CourtReferral, event: CaseEvent) => Partial<CourtReferral>) =>
  caseSetup.assign({
    courtReferral: ({ context, event }) => ({ ...context.courtReferral!, ...patch(context.courtReferral!, event) }),
  });

const handBackToCourt = caseSetup.assign({ handlingUnit: ({ context }) => context.courtReferral!.court });

const toFilingReview = (reason: FilingReviewReason) =>
  updateReferral((_r, event) => {
    const note = (event as { note?: string }).note;
    return { filing: 'review', review: { at: event.at, reason, ...(note ? { note } : {}) } };
  });

const reviewFiling = { target: 'filingReview', actions: toFilingReview('court-decision') } as const;

export const courtReferral = caseSetup.createStateConfig({
  initial: 'filing',
  states: {
    /** 立案申请已登记: the court asks each party whether they agree to mediation first. */
    filing: {
      on: {
        RECORD_CONSENT: [
          // R-L1: without both consents there is no deferral; the filing goes the ordinary way.
          {
            guard: and(['partyIsKnown', 'consentRefused']),
            target: 'filingReview',
            actions: ['recordConsent', toFilingReview('consent-refused')],
          },
          { guard: 'partyIsKnown', actions: 'recordConsent' },
        ],
        DEFER_FILING: {
          guard: 'allPartiesConsentedToDeferral',
          target: 'deferred',
          actions: [
            updateReferral((_r, event) => ({ filing: 'deferred', deferredAt: event.at })),
            caseSetup.assign({
              courtReferral: ({ context }) => ({ ...context.courtReferral!, consents: { ...context.consents } }),
            }),
            { type: 'issueDocument', params: { kind: 'persuasion-letter' } },
          ],
        },
        REVIEW_FILING: reviewFiling,
      },
    },
    /** 暂缓立案: the court chooses the justice office (R-L2). */
    deferred: {
      on: {
        HAND_OVER: {
          guard: and(['handOverToJusticeOffice', 'handOverPlaceMatches']),
          target: 'handedOver',
          actions: [
            updateReferral((referral, event) => {
              const ev = eventAs<'HAND_OVER'>(event);
              return {
                handedOverAt: ev.at,
                handedTo: ev.units![ev.targetUnitCode],
                handOverBasis:
                  ev.basis === 'residence'
                    ? { kind: 'residence', partyId: ev.partyId!, divisionCode: referral.residences[ev.partyId!] }
                    : { kind: 'dispute-place', divisionCode: referral.disputePlace!.divisionCode },
              };
            }),
            'handToTarget',
            {
              type: 'startClock',
              params: ({ context, event }) => ({
                ...referralPeriod,
                from: event.at,
                days: context.policy.days,
                dayKind: context.policy.dayKind,
              }),
            },
          ],
        },
        REVIEW_FILING: reviewFiling,
      },
    },
    /** With the justice office, which acknowledges or returns the dispute with a reason (R-L2). */
    handedOver: {
      on: {
        ACCEPT_REFERRAL: acceptReferral,
        RETURN_REFERRAL: {
          target: 'deferred',
          actions: [recordReturn, handBackToCourt, { type: 'stopClock', params: referralPeriod }],
        },
        // R-L3: the period ran out before the office even took the dispute up.
        CLOCK_EXPIRED: {
          guard: 'referralPeriodClock',
          target: 'filingReview',
          actions: [handBackToCourt, toFilingReview('not-acknowledged')],
        },
      },
    },
    /** 立案审查: the court decides on the filing; the engine records its decision (cf. R-J1). */
    filingReview: {
      on: {
        REGISTER_FILING: {
          target: '#case.judicial.accepted',
          actions: [
            updateReferral((_r, event) => ({ filing: 'registered', decision: { at: event.at, registered: true } })),
            { type: 'openSegment', params: { track: 'judicial' } },
          ],
        },
        REJECT_FILING: {
          target: '#case.closed',
          actions: [
            updateReferral((_r, event) => ({
              filing: 'rejected',
              decision: { at: event.at, registered: false, note: eventAs<'REJECT_FILING'>(event).note },
            })),
            { type: 'setOutcome', params: { outcome: 'filing-rejected' } },
          ],
        },
      },
    },
  },
});

const recordCourtResult = caseSetup.assign({
  courtReferral: ({ context, event }) => {
    const result = referralResult(context, event);
    return { ...context.courtReferral!, result, filing: result.outcome === 'agreement' ? 'closed' : 'review' };
  },
});

/** R-L4: an agreement goes back to the court with the result letter; the deferred filing is closed. */
export const reportAgreementToCourt = {
  guard: 'courtResultPending',
  actions: [recordCourtResult, { type: 'issueDocument', params: { kind: 'court-result-letter' } }],
} as const;

/** R-L4: failure, refusal or expiry goes back with the letter, and the court reviews the filing. */
export const reportFailureToCourt = {
  guard: 'courtResultPending',
  target: '#case.court.filingReview',
  actions: [
    recordCourtResult,
    { type: 'issueDocument', params: { kind: 'court-result-letter' } },
    handBackToCourt,
    toFilingReview('mediation-failed'),
  ],
} as const;
