// The engine's pure transition: xstate's transition() without its throwaway actor. In xstate 5
// every transition() call constructs an actor (which computes the machine's initial state) and an
// actor system only to pass them to machine.transition() — 4.6 % of the server's CPU during a mass
// sweep of expiries (bench/RESULTS.md, stop 13). xstate 6 makes that scope lazy (statelyai/xstate#5632). The case
// machine spawns, invokes and delays nothing, and the engine reads only the next snapshot and the
// actions' type and params, so one inert scope per machine serves every call; the actions are
// collected per call, exactly as transition() collects them.
import { createActor, type AnyActorScope, type AnyMachineSnapshot, type AnyStateMachine, type EventObject } from 'xstate';

export interface PlannedAction {
  type: string;
  params?: unknown;
}

const noop = () => undefined;
const scopes = new WeakMap<AnyStateMachine, AnyActorScope>();

function inertScope(machine: AnyStateMachine): AnyActorScope {
  const self = createActor(machine);
  return { self, system: self.system, id: '', sessionId: '', logger: noop, defer: noop, emit: noop, stopChild: noop, actionExecutor: noop } as AnyActorScope;
}

/** The next snapshot (the same object when the event changes nothing) and the actions to execute. */
export function nextSnapshot(machine: AnyStateMachine, snapshot: AnyMachineSnapshot, event: EventObject): [AnyMachineSnapshot, PlannedAction[]] {
  let scope = scopes.get(machine);
  if (!scope) scopes.set(machine, (scope = inertScope(machine)));
  const actions: PlannedAction[] = [];
  const next = machine.transition(snapshot, event, { ...scope, actionExecutor: (action: PlannedAction) => void actions.push(action) });
  return [next, actions];
}
