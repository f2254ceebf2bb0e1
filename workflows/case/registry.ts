// Every machine version whose snapshots may still be stored. The engine stores `id@version`
// beside each snapshot and restores it with the same version.
import type { AnyStateMachine } from 'xstate';
import { caseMachine } from './case.machine';

export const currentCaseMachine = caseMachine;

const machines: Record<string, AnyStateMachine> = {
  [`${caseMachine.id}@${caseMachine.version}`]: caseMachine,
};

export function machineFor(id: string, version: string): AnyStateMachine {
  const machine = machines[`${id}@${version}`];
  if (!machine) throw new Error(`no registered statechart ${id}@${version}`);
  return machine;
}
