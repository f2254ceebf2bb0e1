// Administrative mediation 行政调解 (domain §6, R-A1): the agency that acknowledged a guided case
// mediates it; a failure goes back to the guiding justice office, which guides toward the court.
import { caseSetup } from './case.setup';

export const administrativeMediation = caseSetup.createStateConfig({
  initial: 'accepted',
  states: {
    accepted: {
      on: { START_MEDIATION: { target: 'mediating' } },
    },
    mediating: {
      on: {
        LOG_SESSION: { actions: 'countSession' },
        REACH_AGREEMENT: {
          target: 'agreed',
          actions: ['recordAgreement', 'agreementTakesEffect', { type: 'closeSegment', params: { outcome: 'agreement' } }],
        },
        DECLARE_FAILED: {
          target: '#case.guidance.reviewing',
          actions: [
            { type: 'recordFailure', params: { reason: 'no-agreement' } },
            { type: 'closeSegment', params: { outcome: 'failed' } },
            'handBackToGuidanceIssuer',
          ],
        },
      },
    },
    agreed: {
      on: {
        CLOSE: { target: '#case.closed', actions: [{ type: 'setOutcome', params: { outcome: 'agreement' } }] },
      },
    },
  },
});
