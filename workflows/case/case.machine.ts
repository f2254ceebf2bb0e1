// The case statechart: one dispute, one case, a segment per track (domain §3).
// Bump `version` whenever a change would misread stored snapshots, and keep the old version
// registered in ./registry.ts until its cases have been migrated.
import { caseSetup } from './case.setup';
import { peoplesMediation } from './peoples-mediation';
import { guidance } from './guidance';
import { administrativeMediation } from './administrative-mediation';
import { judicialMediation } from './judicial-mediation';

export const caseMachine = caseSetup.createMachine({
  id: 'case',
  version: '1',
  context: ({ input }) => ({
    caseId: input.caseId,
    parties: input.parties,
    consents: {},
    rightsNotified: false,
    handlingUnit: input.acceptingUnit,
    acceptedAt: input.acceptedAt,
    policy: input.policy,
    extensionsUsed: 0,
    sessions: 0,
    segments: [{ seq: 1, track: 'peoples', unitCode: input.acceptingUnit.code, startedAt: input.acceptedAt }],
  }),
  // R-P1: every case starts with registration 受理登记.
  entry: [{ type: 'issueDocument', params: { kind: 'registration-form' } }],
  initial: 'peoples',
  states: {
    peoples: peoplesMediation,
    guidance,
    administrative: administrativeMediation,
    judicial: judicialMediation,
    // The case file 卷宗 (cover and table of contents) lists every document of the case (§10).
    closed: { type: 'final', entry: [{ type: 'issueDocument', params: { kind: 'case-file-cover' } }] },
  },
});

export type CaseMachine = typeof caseMachine;
