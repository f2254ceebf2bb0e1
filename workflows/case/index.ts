export * from './types';
export * from './documents';
export { caseMachine, type CaseMachine } from './case.machine';
export type { ClockParams } from './case.setup';
export { machineFor, currentCaseMachine } from './registry';
export { acceptedEventTypes, allowedEvents, explainRefusal } from './explain';
export { mayActorSend, caseEventTypes } from './permissions';
export { rules, type Refusal } from './rules';
export { stateLabels, stateLabel, eventLabels } from './labels';
