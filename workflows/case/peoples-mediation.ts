// People's mediation 人民调解 (domain §4, R-P1…R-P8).
import { and } from 'xstate';
import { caseSetup, clockForPeoplesMediation } from './case.setup';
import { issueGuidance } from './guidance';
import { reportAgreementToCourt, reportFailureToCourt } from './court-referral';
import { feedBackAgreement, feedBackFailure } from './petition-referral';
import { applyForConfirmation, closeConfirmationWindow, confirmationWindowClock, openConfirmationWindow } from './judicial-confirmation';

const peoplesClock = { clock: 'peoples-mediation' };

/** R-P5: a village committee hands a complex or cross-village dispute to its township committee. */
const escalate = {
  guard: and(['handledByVillageCommittee', 'escalationToOwnTownship']),
  actions: [
    { type: 'closeSegment', params: { outcome: 'escalated' } },
    'handToTarget',
    { type: 'openSegment', params: { track: 'peoples' } },
  ],
} as const;

/** R-G1: a committee hands a dispute it cannot mediate to its township justice office. */
const referToJusticeOffice = {
  // R-L4, R-V3: a referred case goes back to its court or petition office instead.
  guard: and(['handledByCommittee', 'justiceOfficeOfTownship', 'referrerInformed']),
  target: '#case.guidance.reviewing',
  // The committee's segment ends here (a no-op when failure already ended it); left open, a case
  // the office returns to a committee would carry two open people's-mediation segments.
  actions: [{ type: 'closeSegment', params: { outcome: 'referred' } }, 'handToTarget'],
} as const;

/** R-P3: a party may demand termination at any time (only a party of this case, when one is named). */
const terminate = {
  guard: 'terminatingPartyIsKnown',
  target: 'failed',
  actions: [
    { type: 'recordFailure', params: { reason: 'terminated' } },
    { type: 'closeSegment', params: { outcome: 'terminated' } },
    { type: 'stopClock', params: peoplesClock },
    { type: 'issueDocument', params: { kind: 'termination' } },
  ],
} as const;

const declareFailed = {
  target: 'failed',
  actions: [
    { type: 'recordFailure', params: { reason: 'no-agreement' } },
    { type: 'closeSegment', params: { outcome: 'failed' } },
    { type: 'stopClock', params: peoplesClock },
  ],
} as const;

/** R-P6: expiry without agreement = mediation failed. */
const expire = {
  guard: 'peoplesClock',
  target: 'failed',
  actions: [
    { type: 'recordFailure', params: { reason: 'expired' } },
    { type: 'closeSegment', params: { outcome: 'expired' } },
  ],
} as const;

export const peoplesMediation = caseSetup.createStateConfig({
  initial: 'registered',
  states: {
    registered: {
      on: {
        RECORD_CONSENT: [
          // R-L4, R-V3: a referred case that a party now refuses still goes back with a result letter.
          {
            guard: and(['partyIsKnown', 'consentRefused', 'referredByCourtOrPetitionOffice']),
            target: 'failed',
            actions: [
              'recordConsent',
              { type: 'recordFailure', params: { reason: 'refused' } },
              { type: 'closeSegment', params: { outcome: 'refused' } },
              { type: 'stopClock', params: peoplesClock },
              { type: 'issueDocument', params: { kind: 'termination' } },
            ],
          },
          {
            guard: and(['partyIsKnown', 'consentRefused']),
            target: '#case.closed',
            actions: [
              'recordConsent',
              { type: 'recordFailure', params: { reason: 'refused' } },
              { type: 'closeSegment', params: { outcome: 'refused' } },
              { type: 'setOutcome', params: { outcome: 'refused' } },
              { type: 'issueDocument', params: { kind: 'termination' } },
            ],
          },
          { guard: 'partyIsKnown', actions: 'recordConsent' },
        ],
        NOTIFY_RIGHTS: {
          guard: 'rightsNotYetNotified',
          actions: ['markRightsNotified', { type: 'issueDocument', params: { kind: 'rights-notice' } }],
        },
        START_MEDIATION: [
          // R-L3: a court-referred case's period has run since the hand-over; no second clock.
          { guard: and(['allPartiesConsented', 'rightsNotified', 'periodRunsFromHandOver']), target: 'mediating' },
          {
            guard: and(['allPartiesConsented', 'rightsNotified']),
            target: 'mediating',
            actions: [{ type: 'startClock', params: ({ context }) => clockForPeoplesMediation(context) }],
          },
        ],
        ESCALATE: escalate,
        REFER_TO_JUSTICE_OFFICE: referToJusticeOffice,
        // R-G2: the justice office confirms the dispute is outside people's mediation.
        ISSUE_GUIDANCE: issueGuidance,
        TERMINATE: [
          // R-L3: a court referral's period already runs before mediation starts.
          { ...terminate, guard: and([terminate.guard, 'periodRunsFromHandOver']) },
          { ...terminate, actions: terminate.actions.filter((a) => a.type !== 'stopClock') },
        ],
        CLOCK_EXPIRED: { ...expire, guard: and([expire.guard, 'periodRunsFromHandOver']) },
      },
    },
    mediating: {
      on: {
        LOG_SESSION: { actions: 'countSession' },
        ESCALATE: escalate,
        EXTEND: {
          guard: and(['extensionsLeft', 'extensionConsentedByAll']),
          actions: [
            'countExtension',
            { type: 'extendClock', params: ({ context }) => ({ ...peoplesClock, days: context.policy.extensionDays }) },
          ],
        },
        REACH_AGREEMENT: [
          {
            guard: and(['agreementFormAllowed', 'agreementIsOral']),
            target: 'agreed',
            actions: [
              'recordAgreement',
              { type: 'closeSegment', params: { outcome: 'agreement' } },
              { type: 'stopClock', params: peoplesClock },
              { type: 'issueDocument', params: { kind: 'oral-agreement-record' } },
              ...openConfirmationWindow,
            ],
          },
          {
            guard: 'agreementFormAllowed',
            target: 'signing',
            actions: ['recordAgreement', { type: 'issueDocument', params: { kind: 'mediation-agreement' } }],
          },
        ],
        DECLARE_FAILED: declareFailed,
        TERMINATE: terminate,
        CLOCK_EXPIRED: expire,
      },
    },
    /** R-P7: a written agreement takes effect once every party and the mediator signed and the committee sealed. */
    signing: {
      always: {
        guard: 'agreementComplete',
        target: 'agreed',
        actions: [
          'agreementTakesEffect',
          { type: 'closeSegment', params: { outcome: 'agreement' } },
          { type: 'stopClock', params: peoplesClock },
          ...openConfirmationWindow,
        ],
      },
      on: {
        SIGN_AGREEMENT: { guard: 'signerMayStillSign', actions: 'recordSignature' },
        SEAL_AGREEMENT: { guard: 'agreementNotSealed', actions: 'sealAgreement' },
        DECLARE_FAILED: declareFailed,
        TERMINATE: terminate,
        CLOCK_EXPIRED: expire,
      },
    },
    /** R-P7: an agreement is followed up before the case is closed. */
    agreed: {
      on: {
        RECORD_FOLLOW_UP: {
          actions: ['recordFollowUp', { type: 'issueDocument', params: { kind: 'follow-up-record' } }],
        },
        CLOSE: {
          guard: and(['followUpDone', 'referrerInformed']),
          target: '#case.closed',
          actions: [{ type: 'setOutcome', params: { outcome: 'agreement' } }, { type: 'stopClock', params: confirmationWindowClock }],
        },
        // §7–§8: the result letter to a referring court or petition office; R-L6 judicial confirmation.
        REPORT_COURT_RESULT: reportAgreementToCourt,
        SEND_PETITION_FEEDBACK: feedBackAgreement,
        APPLY_FOR_CONFIRMATION: applyForConfirmation,
        CLOCK_EXPIRED: closeConfirmationWindow,
      },
    },
    /** R-P8: the parties are told the other routes — by the justice office's 告知引导书. */
    failed: {
      on: {
        REFER_TO_JUSTICE_OFFICE: referToJusticeOffice,
        ISSUE_GUIDANCE: issueGuidance,
        // R-L4, R-V3: a referred case goes back to its court or petition office with the letter.
        REPORT_COURT_RESULT: reportFailureToCourt,
        SEND_PETITION_FEEDBACK: feedBackFailure,
      },
    },
  },
});
