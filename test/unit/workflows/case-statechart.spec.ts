// Every state × every event of the case statechart, allowed and refused, each named with the rule it
// enforces. Pure: xstate's transition() on snapshots reached by real event paths. The tables live in
// ./case-statechart.table.ts; the state list comes from test/factories/case-snapshots.ts and the
// event list from the permission table, so a new state or event shows up here by itself.
import { transition } from 'xstate';
import { currentCaseMachine } from '../../../workflows/case/registry';
import { acceptedEventTypes, allowedEvents, explainRefusal } from '../../../workflows/case/explain';
import { caseEventTypes, mayActorSend } from '../../../workflows/case/permissions';
import { rules } from '../../../workflows/case/rules';
import type { Actor, CaseContext, CaseEventType } from '../../../workflows/case/types';
import {
  casePaths,
  caseEvent,
  caseStateKeys,
  contextOf,
  play,
  reach,
  statePathOf,
  systemActor,
  testAt,
  type Reached,
  type Sender,
  type Step,
} from '../../factories/case-snapshots';
import {
  allowedRows,
  permittedSender,
  refusedRows,
  samplePayload,
  stateTable,
  wrongActors,
} from './case-statechart.table';

const machine = currentCaseMachine;

const actorOf = (by: Sender, context: CaseContext): Actor => (by === 'system' ? systemActor(context.handlingUnit) : by);
const from = (state: string, prep: Step[] = []): Reached => play(prep, reach(state));
const effectsOf = (actions: { type: string; params?: unknown }[]) =>
  actions.map(({ type, params }) => (params === undefined ? { type } : { type, params }));

describe('case statechart: every state × every event', () => {
  for (const key of caseStateKeys) {
    const row = stateTable[key];
    describe(key, () => {
      if (!row) {
        it.todo(`${key}: add its row to stateTable in test/unit/workflows/case-statechart.table.ts`);
        return;
      }

      it(`is reached by its real event path in ${casePaths[key].state}`, () => {
        expect(statePathOf(reach(key).snapshot)).toBe(casePaths[key].state);
      });

      it('R-S1 every event it listens to has a permission entry', () => {
        const unknown = acceptedEventTypes(reach(key).snapshot).filter((t) => !caseEventTypes.includes(t));
        expect(unknown).toEqual([]);
      });

      for (const type of caseEventTypes) {
        if (!row.accepts.includes(type)) {
          it(`${row.rule} refuses ${type}`, () => {
            const { snapshot } = reach(key);
            const context = contextOf(snapshot);
            expect(acceptedEventTypes(snapshot)).not.toContain(type);
            const event = caseEvent(samplePayload(type), actorOf(permittedSender(type, context), context), testAt);
            // The engine reads an unchanged snapshot as a refusal (409).
            expect(transition(machine, snapshot, event)[0]).toBe(snapshot);
          });
          continue;
        }

        it(`${row.rule} accepts ${type}`, () => {
          expect(acceptedEventTypes(reach(key).snapshot)).toContain(type);
        });
        for (const wrong of wrongActors[type] ?? []) {
          it(`${wrong.rule} ${type} refused to ${wrong.who}`, () => {
            const { snapshot } = reach(key);
            const actor = wrong.actor(contextOf(snapshot));
            expect(mayActorSend(actor, contextOf(snapshot), type)).toBe(false);
            expect(allowedEvents(snapshot, actor, testAt)).not.toContain(type);
          });
        }
      }
    });
  }
});

describe('case statechart: accepted events, sent by the permitted actor with a valid payload', () => {
  for (const row of allowedRows) {
    it(`${row.rule} ${row.state}: ${row.title}`, () => {
      const start = from(row.state, row.prep);
      const before = contextOf(start);
      const actor = actorOf(row.by ?? permittedSender(row.event.type, before), before);
      const event = caseEvent(row.event, actor, testAt);

      expect(mayActorSend(actor, before, row.event.type)).toBe(true);
      expect(allowedEvents(start.snapshot, actor, testAt)).toContain(row.event.type);
      expect(explainRefusal(start.snapshot, event)).toEqual([]);

      const [next, actions] = transition(machine, start.snapshot, event);
      expect(statePathOf(next)).toBe(row.next);
      if (row.context) expect(next.context).toMatchObject(row.context(before, testAt));
      expect(effectsOf(actions)).toEqual(row.effects);
      expect(next.status).toBe(row.next === 'closed' ? 'done' : 'active');
    });
  }
});

describe('case statechart: guards refuse an invalid payload with the rule that forbids it', () => {
  for (const row of refusedRows) {
    it(`${rules[row.refusedBy[0]].rule} ${row.state}: ${row.title}`, () => {
      const start = from(row.state, row.prep);
      const context = contextOf(start);
      const actor = actorOf(row.by ?? permittedSender(row.event.type, context), context);
      const event = caseEvent(row.event, actor, testAt);

      expect(mayActorSend(actor, context, row.event.type)).toBe(true);
      expect(transition(machine, start.snapshot, event)[0]).toBe(start.snapshot);
      expect(explainRefusal(start.snapshot, event)).toEqual(
        row.refusedBy.map((name) => ({ rule: rules[name].rule, message: rules[name].message })),
      );
    });
  }
});

describe('case statechart: the tables themselves', () => {
  const listed = (state: string, type: CaseEventType) =>
    allowedRows.some((r) => r.state === state && r.event.type === type) ||
    refusedRows.some((r) => r.state === state && r.event.type === type);

  it('every event a (non-variant) state accepts has an allowed or refused row', () => {
    const missing = Object.entries(stateTable)
      .filter(([, row]) => !row.variant)
      .flatMap(([state, row]) => row.accepts.filter((type) => !listed(state, type)).map((type) => `${state} × ${type}`));
    expect(missing).toEqual([]);
  });

  it('every row names a state the factory reaches and an event that state accepts', () => {
    const wrong = [...allowedRows, ...refusedRows]
      .filter((r) => !(r.state in casePaths) || !stateTable[r.state]?.accepts.includes(r.event.type))
      .map((r) => `${r.state} × ${r.event.type}`);
    expect(wrong).toEqual([]);
  });
});
