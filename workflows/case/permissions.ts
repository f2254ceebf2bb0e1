// Who may send which event (R-S1: act at your own unit; roles decide the events).
// The engine answers 403 when this says no, before asking the statechart whether the state accepts it.
import type { Actor, CaseContext, CaseEventType, Role } from './types';

type Permission = (actor: Actor, context: CaseContext) => boolean;

const mediatingRoles: Role[] = [
  'village-mediator',
  'township-mediator',
  'justice-officer',
  'agency-mediator',
  'court-clerk',
];

const hasRole = (actor: Actor, roles: Role[]) => actor.roles.some((r) => roles.includes(r));

/** A mediator of the unit that currently handles the case. */
const handler: Permission = (actor, c) => actor.unit.code === c.handlingUnit.code && hasRole(actor, mediatingRoles);

/** Only a committee handles these steps of people's mediation. */
const committeeMediator: Permission = (actor, c) =>
  handler(actor, c) && actor.unit.kind === 'MC' && hasRole(actor, ['village-mediator', 'township-mediator']);

/**
 * R-G1: only a township justice office issues a 告知引导书 — for its own cases and for
 * the committees of its township.
 */
const townshipJusticeOffice: Permission = (actor, c) =>
  actor.unit.kind === 'JO' &&
  hasRole(actor, ['justice-officer']) &&
  c.handlingUnit.divisionCode.startsWith(actor.unit.divisionCode);

const system: Permission = (actor) => actor.roles.includes('system');

const permissions: Record<CaseEventType, Permission> = {
  RECORD_CONSENT: handler,
  NOTIFY_RIGHTS: handler,
  START_MEDIATION: handler,
  LOG_SESSION: handler,
  ESCALATE: committeeMediator,
  EXTEND: handler,
  REACH_AGREEMENT: handler,
  SIGN_AGREEMENT: handler,
  SEAL_AGREEMENT: handler,
  DECLARE_FAILED: handler,
  TERMINATE: handler,
  RECORD_FOLLOW_UP: handler,
  CLOSE: handler,
  REFER_TO_JUSTICE_OFFICE: committeeMediator,
  RETURN_TO_COMMITTEE: townshipJusticeOffice,
  ISSUE_GUIDANCE: townshipJusticeOffice,
  ACKNOWLEDGE: handler,
  RETURN_GUIDANCE: handler,
  RECORD_MEDIATION_STATEMENT: handler,
  RECORD_JUDGMENT: handler,
  CLOCK_EXPIRED: system,
};

export function mayActorSend(actor: Actor, context: CaseContext, type: CaseEventType): boolean {
  const permission = permissions[type];
  return !!permission && permission(actor, context);
}

export const caseEventTypes = Object.keys(permissions) as CaseEventType[];
