// Judicial confirmation 司法确认 (domain R-L6; 人民调解法 art. 33, 民事诉讼法 art. 205–206,
// 最高法《关于人民调解协议司法确认程序的若干规定》arts. 4 and 6). The parties jointly apply; the
// court handles the application — it decides on acceptance within 3 days and rules within 15
// (+10 with the court president's approval) — and the case returns to its mediator for follow-up.
//
// The clocks count calendar days: they are periods of civil procedure, which counts 期间 in
// calendar days, skipping only a last day that is a rest day (R-D4); nothing in the sources
// speaks of working days.
import { and } from 'xstate';
import { caseSetup, eventAs, type ClockParams } from './case.setup';
import { confirmationWindowDays } from './referral-rules';
import type { CaseEvent, JudicialConfirmation } from './types';

export const confirmationPeriods = { acceptanceDays: 3, rulingDays: 15, extensionDays: 10 } as const;

const acceptanceClock = { clock: 'confirmation-acceptance' };
/** R-L6: the parties' 30 days to apply, from the agreement taking effect. */
export const confirmationWindowClock = { clock: 'confirmation-window' };
const rulingClock = { clock: 'confirmation-ruling' };
const clockFrom = (clock: { clock: string }, at: string, days: number): ClockParams => ({ ...clock, from: at, days, dayKind: 'calendar' });

const updateConfirmation = (patch: (confirmation: JudicialConfirmation, event: CaseEvent) => Partial<JudicialConfirmation>) =>
  caseSetup.assign({
    judicialConfirmation: ({ context, event }) => ({ ...context.judicialConfirmation!, ...patch(context.judicialConfirmation!, event) }),
  });

/** Back to the unit that mediated, which follows the agreement up and closes the case (R-P7). */
const backToMediator = caseSetup.assign({ handlingUnit: ({ context }) => context.judicialConfirmation!.mediatingUnit });

const setWindow = (state: 'open' | 'closed') =>
  caseSetup.assign({ agreement: ({ context }) => ({ ...context.agreement!, confirmationWindow: state }) });

/**
 * R-L6, R-D4: when an agreement takes effect its application window opens as a legal clock, so a
 * last day on a holiday rolls over to the next working day like every period (not in-process
 * date arithmetic). The parties' period: the unit gets no reminder.
 */
export const openConfirmationWindow = [
  setWindow('open'),
  {
    type: 'startClock',
    params: ({ event }: { event: CaseEvent }): ClockParams => ({ ...clockFrom(confirmationWindowClock, event.at, confirmationWindowDays), remind: false }),
  },
] as const;

/** R-L6: the window's clock ran out — the agreement stays, the application is no longer possible. */
export const closeConfirmationWindow = { guard: 'confirmationWindowClock', actions: setWindow('closed') } as const;

/** R-L6: the joint application, to the competent court, within the window, for a confirmable agreement. */
export const applyForConfirmation = {
  guard: and([
    'agreementInForce',
    'noConfirmationPending',
    'confirmationWithinWindow',
    'confirmationJointlyApplied',
    'confirmableSubject',
    'confirmationCourtCompetent',
  ]),
  target: '#case.confirmation',
  actions: [
    caseSetup.assign(({ context, event }) => {
      const ev = eventAs<'APPLY_FOR_CONFIRMATION'>(event);
      const court = ev.units![ev.courtUnitCode];
      return {
        judicialConfirmation: {
          court,
          appliedAt: ev.at,
          applicantPartyIds: ev.applicantPartyIds,
          subject: ev.subject,
          mediatingUnit: context.handlingUnit,
        },
        // The court handles the application: its clocks, its inbox, its read access.
        handlingUnit: court,
      };
    }),
    {
      type: 'startClock',
      params: ({ event }: { event: CaseEvent }) => clockFrom(acceptanceClock, event.at, confirmationPeriods.acceptanceDays),
    },
  ],
} as const;

/** The court's decision: not accepted (不予受理), or its ruling confirming the agreement or not. */
const decide = updateConfirmation((_c, event) => {
  if (event.type === 'REFUSE_CONFIRMATION') return { decision: { outcome: 'not-accepted', at: event.at, reason: event.reason } };
  const ruling = eventAs<'RULE_ON_CONFIRMATION'>(event);
  return {
    decision: {
      outcome: ruling.confirmed ? 'confirmed' : 'not-confirmed',
      at: ruling.at,
      rulingNo: ruling.rulingNo,
      ...(ruling.reason ? { reason: ruling.reason } : {}),
    },
  };
});

/** The court missed its own period: recorded and shown, but the application stays with the court. */
const markOverdue = updateConfirmation((confirmation, event) => ({
  overdue: [...(confirmation.overdue ?? []), eventAs<'CLOCK_EXPIRED'>(event).clock],
}));

export const judicialConfirmation = caseSetup.createStateConfig({
  initial: 'applied',
  states: {
    /** The court decides within 3 days whether to accept the application. */
    applied: {
      on: {
        ACCEPT_CONFIRMATION: {
          target: 'reviewing',
          actions: [
            updateConfirmation((_c, event) => ({
              acceptedAt: event.at,
              courtCaseNo: eventAs<'ACCEPT_CONFIRMATION'>(event).courtCaseNo,
            })),
            { type: 'stopClock', params: acceptanceClock },
            { type: 'startClock', params: ({ event }) => clockFrom(rulingClock, event.at, confirmationPeriods.rulingDays) },
          ],
        },
        REFUSE_CONFIRMATION: {
          target: '#case.peoples.agreed',
          actions: [decide, backToMediator, { type: 'stopClock', params: acceptanceClock }],
        },
        CLOCK_EXPIRED: [{ guard: 'confirmationClock', actions: markOverdue }, closeConfirmationWindow],
      },
    },
    /** Accepted: the court rules within 15 days, extendable once by 10 with approval. */
    reviewing: {
      on: {
        EXTEND_CONFIRMATION: {
          guard: 'confirmationNotExtended',
          actions: [
            updateConfirmation((_c, event) => ({
              extension: {
                days: confirmationPeriods.extensionDays,
                approvedBy: eventAs<'EXTEND_CONFIRMATION'>(event).approvedBy,
                at: event.at,
              },
            })),
            { type: 'extendClock', params: { ...rulingClock, days: confirmationPeriods.extensionDays } },
          ],
        },
        RULE_ON_CONFIRMATION: {
          target: '#case.peoples.agreed',
          actions: [
            decide,
            backToMediator,
            { type: 'stopClock', params: rulingClock },
            // Ruled on: no second application (noConfirmationPending), so the window has no use left.
            { type: 'stopClock', params: confirmationWindowClock },
          ],
        },
        CLOCK_EXPIRED: [{ guard: 'confirmationClock', actions: markOverdue }, closeConfirmationWindow],
      },
    },
  },
});
