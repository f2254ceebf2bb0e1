// Notice and guidance 告知引导 (domain §5, R-G1…R-G3): the township justice office names the
// route; a receiving agency or court acknowledges the case or returns it with a reason.
import { and } from 'xstate';
import { caseSetup } from './case.setup';

/**
 * Shared by every state in which the justice office may guide the parties elsewhere. A case a
 * court or petition office referred goes back to it instead (R-L4, R-V3).
 */
export const issueGuidance = [
  {
    guard: and(['guidanceToReceivingUnit', 'referrerInformed']),
    target: '#case.guidance.awaitingAcknowledgement',
    actions: [
      { type: 'closeSegment', params: { outcome: 'out-of-scope' } },
      'recordGuidance',
      'handToTarget',
      { type: 'issueDocument', params: { kind: 'guidance-notice' } },
    ],
  },
  {
    guard: and(['guidanceOutOfSystem', 'referrerInformed']),
    target: '#case.closed',
    actions: [
      { type: 'closeSegment', params: { outcome: 'out-of-scope' } },
      'recordGuidance',
      { type: 'setOutcome', params: { outcome: 'guided-out' } },
      { type: 'issueDocument', params: { kind: 'guidance-notice' } },
    ],
  },
] as const;

export const guidance = caseSetup.createStateConfig({
  initial: 'reviewing',
  states: {
    /** The justice office reviews a dispute its committee handed over, or an agency returned. */
    reviewing: {
      on: {
        ISSUE_GUIDANCE: issueGuidance,
        RETURN_TO_COMMITTEE: {
          guard: 'committeeOfTownship',
          target: '#case.peoples.registered',
          actions: ['clearFailure', 'handToTarget', { type: 'openSegment', params: { track: 'peoples' } }],
        },
      },
    },
    awaitingAcknowledgement: {
      on: {
        ACKNOWLEDGE: [
          {
            guard: 'guidedToAgency',
            target: '#case.administrative',
            actions: [{ type: 'openSegment', params: { track: 'administrative' } }],
          },
          {
            guard: 'guidedToCourt',
            target: '#case.judicial',
            actions: [{ type: 'openSegment', params: { track: 'judicial' } }],
          },
        ],
        // R-G3: the receiving unit may return the case with a reason; it goes back to the issuer.
        RETURN_GUIDANCE: { target: 'reviewing', actions: ['handBackToGuidanceIssuer'] },
      },
    },
  },
});
