// What the current state accepts, what this actor may send, and why an event was refused —
// all read off the statechart itself, so the API never keeps a second copy of the rules.
import { getNextTransitions, type AnyMachineSnapshot } from 'xstate';
import { mayActorSend } from './permissions';
import { rules, type Refusal, type RuleName } from './rules';
import type { Actor, CaseContext, CaseEvent, CaseEventType } from './types';

/** Event types some transition of the current state listens to (guards not evaluated). */
export function acceptedEventTypes(snapshot: AnyMachineSnapshot): CaseEventType[] {
  if (snapshot.status !== 'active') return [];
  const types = getNextTransitions(snapshot)
    .map((t) => t.eventType)
    .filter((type) => /^[A-Z_]+$/.test(type));
  return [...new Set(types)] as CaseEventType[];
}

/** Events this actor may send now, judged on what is known before the payload arrives. */
export function allowedEvents(snapshot: AnyMachineSnapshot, actor: Actor, at: string): CaseEventType[] {
  const context = snapshot.context as CaseContext;
  return acceptedEventTypes(snapshot).filter(
    (type) =>
      mayActorSend(actor, context, type) &&
      snapshot.can({ type, actor, at, probe: true } as unknown as CaseEvent),
  );
}

function guardNames(guard: unknown): RuleName[] {
  if (typeof guard === 'string') return [guard as RuleName];
  const nested = (guard as { guards?: unknown[] } | undefined)?.guards;
  return nested ? nested.flatMap(guardNames) : [];
}

/** The rules that stopped `event` in the current state (empty when the state does not listen to it). */
export function explainRefusal(snapshot: AnyMachineSnapshot, event: CaseEvent): Refusal[] {
  const context = snapshot.context as CaseContext;
  const branches = getNextTransitions(snapshot)
    .filter((t) => t.eventType === event.type)
    .map((t) => guardNames(t.guard).filter((name) => rules[name] && !rules[name].test(context, event)));
  // Only the branches that came closest explain the refusal: a guard that merely picks between
  // branches (e.g. "consent refused" vs "given") is no reason to show the user.
  const fewest = Math.min(...branches.map((b) => b.length));
  const failing = branches
    .filter((b) => b.length === fewest)
    .flat()
    .map((name) => ({ rule: rules[name].rule, message: rules[name].message }));
  return failing.filter((r, i) => failing.findIndex((o) => o.message === r.message) === i);
}
