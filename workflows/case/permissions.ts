// Who may send which event (R-S1: act at your own unit; roles decide the events).
// The engine answers 403 when this says no, before asking the statechart whether the state accepts it.
import type { Actor, CaseContext, CaseEventType, Role } from './types';

type Permission = ((actor: Actor, context: CaseContext) => boolean) & { who?: string };

/** A permission with the Chinese description docs/events.md shows for it. */
const who = (description: string, permission: Permission): Permission => Object.assign(permission, { who: description });

const mediatingRoles: Role[] = [
  'village-mediator',
  'township-mediator',
  'justice-officer',
  'agency-mediator',
  'court-clerk',
];

const hasRole = (actor: Actor, roles: Role[]) => actor.roles.some((r) => roles.includes(r));

/** A mediator of the unit that currently handles the case. */
const handler = who('承办单位的调解人员', (actor, c) => actor.unit.code === c.handlingUnit.code && hasRole(actor, mediatingRoles));

/** Only a committee handles these steps of people's mediation. */
const committeeMediator = who(
  '承办本案的调委会调解员',
  (actor, c) => handler(actor, c) && actor.unit.kind === 'MC' && hasRole(actor, ['village-mediator', 'township-mediator']),
);

/**
 * R-G1: only a township justice office issues a 告知引导书 — for its own cases and for
 * the committees of its township.
 */
const townshipJusticeOffice = who(
  '承办单位所在乡镇(街道)的司法所',
  (actor, c) =>
    actor.unit.kind === 'JO' && hasRole(actor, ['justice-officer']) && c.handlingUnit.divisionCode.startsWith(actor.unit.divisionCode),
);

const system = who('系统（期限届满时由期限扫描发出）', (actor) => actor.roles.includes('system'));

// ---- court referral, petition referral, judicial confirmation (§7–§8) ----------------------

const either = (...permissions: Permission[]): Permission =>
  who(permissions.map((p) => p.who).join('，或'), (actor, c) => permissions.some((p) => p(actor, c)));

/** The court clerk of the court that holds the case now (filing stages, a confirmation). */
const courtHandling = who(
  '当前承办本案的人民法院',
  (actor, c) => actor.unit.code === c.handlingUnit.code && actor.unit.kind === 'CT' && hasRole(actor, ['court-clerk']),
);

/** The petition officer of the office that holds the case now. */
const petitionOfficeHandling = who(
  '当前承办本案的信访部门',
  (actor, c) => actor.unit.code === c.handlingUnit.code && actor.unit.kind === 'PO' && hasRole(actor, ['petition-officer']),
);

/** The justice office a referral was handed to, while it decides to accept or return (R-L2). */
const receivingJusticeOffice = who(
  '接收移交的司法所',
  (actor, c) => actor.unit.code === c.handlingUnit.code && actor.unit.kind === 'JO' && hasRole(actor, ['justice-officer']),
);

/** The court that referred the case (R-L6: the parties may apply to it directly). */
const referringCourt = who('委派调解的人民法院', (actor, c) => actor.unit.code === c.courtReferral?.court.code && hasRole(actor, ['court-clerk']));

/** R-V2: the office that referred the petition, or the justice office over the mediating unit. */
const lawyerAssigner = who(
  '移交的信访部门，或承办单位所在乡镇(街道)的司法所',
  (actor, c) =>
    (actor.unit.code === c.petitionReferral?.office.code && hasRole(actor, ['petition-officer'])) || townshipJusticeOffice(actor, c),
);

/** R-V2: the lawyer assigned to the case. */
const assignedLawyer = who('指派的律师', (actor, c) => actor.unit.code === c.petitionReferral?.lawyer?.unit.code && hasRole(actor, ['lawyer']));

const permissions: Record<CaseEventType, Permission> = {
  // The court (R-L1) and the petition office (R-V1) record consents before referring.
  RECORD_CONSENT: either(handler, petitionOfficeHandling),
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
  // R-V4: whoever holds the case, or the justice office over its township, reassesses its risk.
  ASSESS_RISK: either(handler, petitionOfficeHandling, townshipJusticeOffice),
  // §7 court referral (the court) and §8 petition referral (the petition office)
  DEFER_FILING: courtHandling,
  HAND_OVER: courtHandling,
  REVIEW_FILING: courtHandling,
  REGISTER_FILING: courtHandling,
  REJECT_FILING: courtHandling,
  REFER_FOR_MEDIATION: petitionOfficeHandling,
  ASSIGN_LAWYER: lawyerAssigner,
  RECORD_LEGAL_OPINION: assignedLawyer,
  // the receiving justice office; R-L4/R-V3 letters come from the township's justice office (§10)
  ACCEPT_REFERRAL: receivingJusticeOffice,
  RETURN_REFERRAL: receivingJusticeOffice,
  REPORT_COURT_RESULT: townshipJusticeOffice,
  SEND_PETITION_FEEDBACK: townshipJusticeOffice,
  // R-L6: the mediator records the parties' joint application; the court decides
  APPLY_FOR_CONFIRMATION: either(handler, referringCourt),
  ACCEPT_CONFIRMATION: courtHandling,
  REFUSE_CONFIRMATION: courtHandling,
  EXTEND_CONFIRMATION: courtHandling,
  RULE_ON_CONFIRMATION: courtHandling,
};

export function mayActorSend(actor: Actor, context: CaseContext, type: CaseEventType): boolean {
  const permission = permissions[type];
  return !!permission && permission(actor, context);
}

export const caseEventTypes = Object.keys(permissions) as CaseEventType[];

/** Who may send an event, in words (docs/events.md). */
export const senderOf = (type: CaseEventType): string => permissions[type]?.who ?? '';
