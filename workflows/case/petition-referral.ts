// Petition referral 访调对接 (domain §8, R-V1…R-V3): a petition office refers a civil dispute with
// both parties' consent to a justice office; a lawyer may be assigned and give a legal opinion;
// the 访调结果反馈函 goes back to the petition office whatever the outcome.
import { and } from 'xstate';
import { caseSetup, eventAs } from './case.setup';
import { acceptReferral, recordReturn, referralResult } from './referral-office';
import type { CaseEvent, PetitionInput, PetitionReferral } from './types';

export const petitionReferralFrom = (input: PetitionInput): PetitionReferral => ({ ...input, returns: [] });

const updateReferral = (patch: (event: CaseEvent) => Partial<PetitionReferral>) =>
  caseSetup.assign({
    petitionReferral: ({ context, event }) => ({ ...context.petitionReferral!, ...patch(event) }),
  });

/**
 * R-V2: a lawyer takes part in the petition work (reception, advice or agent) and records a legal
 * opinion and whether the party qualifies for legal aid, before and while the office decides.
 */
const lawyerEvents = {
  ASSIGN_LAWYER: {
    guard: 'lawyerFromLawFirm',
    actions: updateReferral((event) => {
      const ev = eventAs<'ASSIGN_LAWYER'>(event);
      return {
        lawyer: { unit: ev.units![ev.lawyerUnitCode], name: ev.lawyerName, role: ev.role, assignedAt: ev.at, assignedBy: ev.actor.unit },
      };
    }),
  },
  RECORD_LEGAL_OPINION: {
    guard: 'lawyerAssigned',
    actions: updateReferral((event) => {
      const ev = eventAs<'RECORD_LEGAL_OPINION'>(event);
      return {
        opinion: { text: ev.opinion, at: ev.at, by: ev.actor.username },
        legalAid: { eligible: ev.legalAidEligible, at: ev.at, ...(ev.legalAidNote ? { note: ev.legalAidNote } : {}) },
      };
    }),
  },
} as const;

export const petitionReferral = caseSetup.createStateConfig({
  initial: 'received',
  on: lawyerEvents,
  states: {
    /** Registered by the petition office, which records each party's consent (R-V1). */
    received: {
      on: {
        RECORD_CONSENT: [
          // R-V1: a party refusing mediation leaves the petition with the petition office.
          {
            guard: and(['partyIsKnown', 'consentRefused']),
            target: '#case.closed',
            actions: ['recordConsent', { type: 'setOutcome', params: { outcome: 'refused' } }],
          },
          { guard: 'partyIsKnown', actions: 'recordConsent' },
        ],
        REFER_FOR_MEDIATION: {
          guard: and(['allPartiesConsentedToReferral', 'justiceOfficeOfPetitionOffice']),
          target: 'referred',
          actions: [
            updateReferral((event) => {
              const ev = eventAs<'REFER_FOR_MEDIATION'>(event);
              return { referredAt: ev.at, referredTo: ev.units![ev.targetUnitCode] };
            }),
            'handToTarget',
          ],
        },
      },
    },
    /** With the justice office, which acknowledges or returns the dispute with a reason. */
    referred: {
      on: {
        ACCEPT_REFERRAL: acceptReferral,
        RETURN_REFERRAL: {
          target: 'received',
          actions: [recordReturn, caseSetup.assign({ handlingUnit: ({ context }) => context.petitionReferral!.office })],
        },
      },
    },
  },
});

const recordFeedback = caseSetup.assign({
  petitionReferral: ({ context, event }) => ({ ...context.petitionReferral!, feedback: referralResult(context, event) }),
});

/** R-V3: an agreement is fed back; the case goes on to follow-up (and judicial confirmation). */
export const feedBackAgreement = {
  guard: 'petitionFeedbackPending',
  actions: [recordFeedback, { type: 'issueDocument', params: { kind: 'petition-feedback' } }],
} as const;

/** R-V3: a failed mediation is fed back and the petition office takes the matter up again. */
export const feedBackFailure = {
  guard: 'petitionFeedbackPending',
  target: '#case.closed',
  actions: [
    recordFeedback,
    { type: 'issueDocument', params: { kind: 'petition-feedback' } },
    { type: 'setOutcome', params: { outcome: 'returned-to-petition-office' } },
  ],
} as const;
