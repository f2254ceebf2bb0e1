// Judicial mediation 司法调解 (domain §6, R-J1): the court's segment is recorded, not run —
// accepted, mediated, and concluded by a mediation statement 调解书 or a judgment.
import { caseSetup } from './case.setup';

const concludeBy = (outcome: 'mediation-statement' | 'judgment') =>
  ({
    target: '#case.closed',
    actions: [
      { type: 'closeSegment', params: { outcome } },
      { type: 'setOutcome', params: { outcome } },
    ],
  }) as const;

export const judicialMediation = caseSetup.createStateConfig({
  initial: 'accepted',
  states: {
    accepted: {
      on: {
        START_MEDIATION: { target: 'mediating' },
        RECORD_JUDGMENT: concludeBy('judgment'),
      },
    },
    mediating: {
      on: {
        LOG_SESSION: { actions: 'countSession' },
        RECORD_MEDIATION_STATEMENT: concludeBy('mediation-statement'),
        RECORD_JUDGMENT: concludeBy('judgment'),
      },
    },
  },
});
