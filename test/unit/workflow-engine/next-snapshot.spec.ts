// The engine's transition (src/workflow-engine/next-snapshot.ts) must decide exactly as xstate's
// transition() does — same next state, context and effects, and the very same snapshot object back
// when the statechart refuses (the engine answers 409 on that identity) — on every step of every
// real path to every state, and for every event type sent in every state reached.
import { transition, type AnyMachineSnapshot } from 'xstate';
import { nextSnapshot } from '../../../src/workflow-engine/next-snapshot';
import { caseEventTypes } from '../../../workflows/case/permissions';
import { currentCaseMachine as machine } from '../../../workflows/case/registry';
import type { Actor, CaseContext, CaseEvent } from '../../../workflows/case/types';
import { caseEvent, casePaths, send, startCase, systemActor, testAt, type CasePath, type Payload, type Reached } from '../../factories/case-snapshots';

const persisted = (snapshot: AnyMachineSnapshot) => machine.getPersistedSnapshot(snapshot);
const effects = (actions: { type: string; params?: unknown }[]) => actions.map(({ type, params }) => ({ type, params }));

function expectSameDecision(from: AnyMachineSnapshot, event: CaseEvent) {
  const [expected, expectedActions] = transition(machine, from, event);
  const [actual, actualActions] = nextSnapshot(machine, from, event);
  if (expected === from) expect(actual).toBe(from);
  else {
    expect(actual).not.toBe(from);
    expect(persisted(actual)).toEqual(persisted(expected));
    expect(actual.status).toBe(expected.status);
  }
  expect(effects(actualActions)).toEqual(effects(expectedActions));
}

describe('nextSnapshot decides as xstate transition() does', () => {
  for (const [name, path] of Object.entries(casePaths) as [string, CasePath][]) {
    it(`every step of the path to ${name}, and every event type sent at its end`, () => {
      let reached: Reached = startCase(path.input);
      for (const step of path.steps) {
        const at = step.at ?? new Date(Date.parse(reached.at) + 3_600_000).toISOString();
        const actor = step.by === 'system' ? systemActor((reached.snapshot.context as CaseContext).handlingUnit) : step.by;
        expectSameDecision(reached.snapshot, caseEvent(step.event, actor, at));
        reached = send(reached, step);
      }
      for (const type of caseEventTypes) {
        expectSameDecision(reached.snapshot, caseEvent({ type } as Payload, systemActor(), testAt));
      }
    });
  }

  it('keeps nothing from one call to the next: the same event twice gives equal results', () => {
    const from = startCase().snapshot;
    const [step] = casePaths['peoples.registered (consented, rights notified)'].steps;
    const event = caseEvent(step.event, step.by as Actor, testAt);
    const [first, firstActions] = nextSnapshot(machine, from, event);
    const [second, secondActions] = nextSnapshot(machine, from, event);
    expect(first).not.toBe(from);
    expect(persisted(second)).toEqual(persisted(first));
    expect(effects(secondActions)).toEqual(effects(firstActions));
  });
});
