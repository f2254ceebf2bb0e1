// Snapshots of the case statechart reached the way a real case reaches them: by the shortest path of
// real events, sent by realistic actors, through xstate's pure `initialTransition`/`transition`.
// Pure (no Nest, no database), so unit tests can walk every state × event.
//
// To add a state (e.g. a court-referral track), add a path to `casePaths` below; tests that
// enumerate states pick it up, and skip it until a row of expectations is written for it.
import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import { caseMachine } from '../../workflows/case/case.machine';
import type {
  Actor,
  CaseContext,
  CaseEvent,
  CaseEventType,
  CaseInput,
  EventPayload,
  PartyRef,
  Role,
  Tier,
  UnitKind,
  UnitRef,
} from '../../workflows/case/types';

/** What a client sends for one event: any event's own payload (`EventPayload` alone is not distributive). */
export type Payload = { [T in CaseEventType]: EventPayload<T> }[CaseEventType];

// ---- organisation (codes follow the demo seed: division code + kind) ----------------------------

const unit = (code: string, name: string, kind: UnitKind, tier: Tier, divisionCode: string): UnitRef => ({
  code,
  name,
  kind,
  tier,
  divisionCode,
});

export const units = {
  /** 五四路街道 (130606002) is a 街道: its communities are numbered 001–003. */
  community: unit('130606002001-mc', '五四路街道和平社区人民调解委员会', 'MC', 'village', '130606002001'),
  neighbourCommunity: unit('130606002002-mc', '五四路街道东风社区人民调解委员会', 'MC', 'village', '130606002002'),
  townshipCommittee: unit('130606002-mc', '五四路街道人民调解委员会', 'MC', 'township', '130606002'),
  justiceOffice: unit('130606002-jo', '莲池区司法局五四路司法所', 'JO', 'township', '130606002'),
  otherTownshipCommunity: unit('130606003001-mc', '西关街道光明社区人民调解委员会', 'MC', 'village', '130606003001'),
  otherTownshipCommittee: unit('130606003-mc', '西关街道人民调解委员会', 'MC', 'township', '130606003'),
  otherJusticeOffice: unit('130606003-jo', '莲池区司法局西关司法所', 'JO', 'township', '130606003'),
  police: unit('130606-ag-police', '保定市公安局莲池区分局', 'AG', 'county', '130606'),
  market: unit('130606-ag-market', '莲池区市场监督管理局', 'AG', 'county', '130606'),
  court: unit('130606-ct', '保定市莲池区人民法院', 'CT', 'county', '130606'),
  otherCourt: unit('130602-ct', '保定市竞秀区人民法院', 'CT', 'county', '130602'),
  countyBureau: unit('130606-jb', '莲池区司法局', 'JB', 'county', '130606'),
  petitionOffice: unit('130606-po', '莲池区信访局', 'PO', 'county', '130606'),
  otherPetitionOffice: unit('130602-po', '竞秀区信访局', 'PO', 'county', '130602'),
  lawFirm: unit('130606-lf', '莲池区律师事务所', 'LF', 'county', '130606'),
  otherLawFirm: unit('130602-lf', '竞秀区律师事务所', 'LF', 'county', '130602'),
} satisfies Record<string, UnitRef>;

const unitsByCode: Record<string, UnitRef> = Object.fromEntries(Object.values(units).map((u) => [u.code, u]));

export function unitByCode(code: string): UnitRef {
  const found = unitsByCode[code];
  if (!found) throw new Error(`unknown unit ${code} in test organisation`);
  return found;
}

/** Demo accounts are named after their unit's code (src/seed/demo-seed.ts). */
const actorAt = (u: UnitRef, role: Role): Actor => ({ username: u.code, unit: u, roles: [role] });

export const actors = {
  communityMediator: actorAt(units.community, 'village-mediator'),
  neighbourMediator: actorAt(units.neighbourCommunity, 'village-mediator'),
  townshipMediator: actorAt(units.townshipCommittee, 'township-mediator'),
  justiceOfficer: actorAt(units.justiceOffice, 'justice-officer'),
  otherTownshipMediator: actorAt(units.otherTownshipCommittee, 'township-mediator'),
  otherJusticeOfficer: actorAt(units.otherJusticeOffice, 'justice-officer'),
  policeMediator: actorAt(units.police, 'agency-mediator'),
  marketMediator: actorAt(units.market, 'agency-mediator'),
  courtClerk: actorAt(units.court, 'court-clerk'),
  otherCourtClerk: actorAt(units.otherCourt, 'court-clerk'),
  countyStatistician: actorAt(units.countyBureau, 'county-statistician'),
  petitionOfficer: actorAt(units.petitionOffice, 'petition-officer'),
  otherPetitionOfficer: actorAt(units.otherPetitionOffice, 'petition-officer'),
  lawyer: actorAt(units.lawFirm, 'lawyer'),
  otherLawyer: actorAt(units.otherLawFirm, 'lawyer'),
} satisfies Record<string, Actor>;

/** The mediator who acts for a unit. */
export function mediatorOf(u: UnitRef): Actor {
  const found = Object.values(actors).find((a) => a.unit.code === u.code);
  if (!found) throw new Error(`no test actor at ${u.code}`);
  return found;
}

/** A unit of the same kind next door: it may not act on a case another unit handles (R-S1). */
const siblings: Record<string, UnitRef> = {
  [units.community.code]: units.neighbourCommunity,
  [units.townshipCommittee.code]: units.otherTownshipCommittee,
  [units.justiceOffice.code]: units.otherJusticeOffice,
  [units.police.code]: units.market,
  [units.court.code]: units.otherCourt,
  [units.petitionOffice.code]: units.otherPetitionOffice,
  [units.lawFirm.code]: units.otherLawFirm,
};

export function outsiderTo(u: UnitRef): Actor {
  const sibling = siblings[u.code];
  if (!sibling) throw new Error(`no sibling unit for ${u.code} in test organisation`);
  return mediatorOf(sibling);
}

/** The clock sweeper fires CLOCK_EXPIRED (R-D1); its role, not its unit, is what permits it. */
export const systemActor = (u: UnitRef = units.countyBureau): Actor => ({ username: 'system', unit: u, roles: ['system'] });

// ---- a case -------------------------------------------------------------------------------------

export const parties: PartyRef[] = [
  { id: 'party-zhang', name: '张建国' },
  { id: 'party-li', name: '李秀兰' },
];
export const [applicant, respondent] = parties;

/** 2026-03-02 09:30 in Asia/Shanghai. */
export const acceptedAt = '2026-03-02T01:30:00.000Z';
/** The moment the event under test is sent: after every step of every path below. */
export const testAt = '2026-04-10T02:00:00.000Z';
/** The peoples-mediation clock of a case accepted at `acceptedAt` falls due here (30 calendar days, R-D4). */
export const peoplesClockDueAt = '2026-04-01T16:00:00.000Z';

export function caseInput(overrides: Partial<CaseInput> = {}): CaseInput {
  return {
    caseId: '0195a000-0000-7000-8000-000000000001',
    parties,
    acceptingUnit: units.community,
    acceptedAt,
    policy: { days: 30, dayKind: 'calendar', maxExtensions: 1, extensionDays: 30 },
    ...overrides,
  };
}

/** Fills in what the engine adds to a client's payload: actor, time, and the units its `…UnitCode` fields name. */
export function caseEvent(payload: Payload, actor: Actor, at: string): CaseEvent {
  const named = Object.entries(payload).filter(([key, value]) => key.endsWith('UnitCode') && typeof value === 'string');
  const resolved = Object.fromEntries(named.map(([, code]) => [code as string, unitByCode(code as string)]));
  return { ...payload, actor, at, units: resolved } as CaseEvent;
}

export interface Effect {
  type: string;
  params?: unknown;
}

export interface Reached {
  snapshot: AnyMachineSnapshot;
  /** Effect actions of the last step, as `transition()` handed them to the engine. */
  effects: Effect[];
  /** When the last step happened. */
  at: string;
}

const effectsOf = (actions: { type: string; params?: unknown }[]): Effect[] =>
  actions.map(({ type, params }) => (params === undefined ? { type } : { type, params }));

export function startCase(input: CaseInput = caseInput()): Reached {
  const [snapshot, actions] = initialTransition(caseMachine, input);
  return { snapshot, effects: effectsOf(actions), at: input.acceptedAt };
}

/** Who sends a step: an actor, or `'system'` for the clock sweeper. */
export type Sender = Actor | 'system';

export interface Step {
  by: Sender;
  event: Payload;
  at?: string;
}

const senderActor = (by: Sender, snapshot: AnyMachineSnapshot): Actor =>
  by === 'system' ? systemActor((snapshot.context as CaseContext).handlingUnit) : by;

/** Sends one event as the engine would, and fails loudly if the statechart refuses it. */
export function send(from: Reached, step: Step): Reached {
  const at = step.at ?? new Date(Date.parse(from.at) + 3_600_000).toISOString();
  const event = caseEvent(step.event, senderActor(step.by, from.snapshot), at);
  const [snapshot, actions] = transition(caseMachine, from.snapshot, event);
  if (snapshot === from.snapshot) {
    throw new Error(`path step ${step.event.type} was refused in ${JSON.stringify(from.snapshot.value)}`);
  }
  return { snapshot, effects: effectsOf(actions), at };
}

export const play = (steps: Step[], from: Reached = startCase()): Reached => steps.reduce(send, from);

// ---- shortest real paths to each state ----------------------------------------------------------

const community = actors.communityMediator;
const office = actors.justiceOfficer;

const consentOf = (partyId: string, consent: 'given' | 'refused' = 'given'): Step => ({
  by: community,
  event: { type: 'RECORD_CONSENT', partyId, consent },
});

export const agreementTerms = {
  terms: '被申请人于2026年4月30日前将院墙排水沟改建至自家院内，并赔偿申请人损失人民币3000元。',
  performanceMethod: '一次性现金支付',
  performancePlace: '五四路街道和平社区居委会',
  performanceDeadline: '2026-04-30',
  amountFen: 300_000,
};

const ready: Step[] = [
  consentOf(applicant.id),
  consentOf(respondent.id),
  { by: community, event: { type: 'NOTIFY_RIGHTS' } },
];
const mediating: Step[] = [...ready, { by: community, event: { type: 'START_MEDIATION' } }];
const written: Step[] = [
  ...mediating,
  {
    by: community,
    event: { type: 'REACH_AGREEMENT', form: 'written', ...agreementTerms, createsObligations: true, writtenRequested: false },
  },
];
const signedByAll: Step[] = [
  ...written,
  ...[applicant.id, respondent.id, 'mediator'].map((signer): Step => ({ by: community, event: { type: 'SIGN_AGREEMENT', signer } })),
];
const writtenAgreed: Step[] = [...signedByAll, { by: community, event: { type: 'SEAL_AGREEMENT' } }];
const oralAgreed: Step[] = [
  ...mediating,
  {
    by: community,
    event: {
      type: 'REACH_AGREEMENT',
      form: 'oral',
      terms: '双方互相谅解，申请人撤回赔偿要求，被申请人当面道歉。',
      performanceMethod: '当场履行',
      createsObligations: false,
      writtenRequested: false,
    },
  },
];
const followedUp: Step[] = [
  ...writtenAgreed,
  { by: community, event: { type: 'RECORD_FOLLOW_UP', performance: 'performed', note: '回访时被申请人已改建排水沟并支付赔偿款。' } },
];
const failedNoAgreement: Step[] = [...mediating, { by: community, event: { type: 'DECLARE_FAILED', note: '双方分歧较大，调解未成。' } }];
const referred: Step[] = [
  ...failedNoAgreement,
  { by: community, event: { type: 'REFER_TO_JUSTICE_OFFICE', targetUnitCode: units.justiceOffice.code, reason: 'failed' } },
];
const guidedTo = (route: 'administrative' | 'judicial', target: UnitRef): Step[] => [
  ...referred,
  { by: office, event: { type: 'ISSUE_GUIDANCE', route, targetUnitCode: target.code } },
];
const toAgency = guidedTo('administrative', units.police);
const toCourt = guidedTo('judicial', units.court);
const police = actors.policeMediator;
const court = actors.courtClerk;
const administrativeAccepted: Step[] = [...toAgency, { by: police, event: { type: 'ACKNOWLEDGE' } }];
const administrativeMediating: Step[] = [...administrativeAccepted, { by: police, event: { type: 'START_MEDIATION' } }];
const administrativeAgreed: Step[] = [
  ...administrativeMediating,
  {
    by: police,
    event: { type: 'REACH_AGREEMENT', form: 'written', ...agreementTerms, createsObligations: true, writtenRequested: false },
  },
];
const judicialAccepted: Step[] = [...toCourt, { by: court, event: { type: 'ACKNOWLEDGE' } }];
const judicialMediating: Step[] = [...judicialAccepted, { by: court, event: { type: 'START_MEDIATION' } }];

// ---- court referral, petition referral, judicial confirmation (domain §7–§8) -------------------

/** A referred dispute is agreed within R-L6's 30-day window before `testAt`: its paths start here. */
export const referredAt = '2026-03-25T01:30:00.000Z';
/** Both parties live, and the dispute arose, in 五四路街道和平社区 (130606002001). */
export const courtFiling = {
  court: units.court,
  preFilingNo: '(2026)冀0606民诉前调1号',
  receivedAt: referredAt,
  claims: '判令被告改建排水沟并赔偿损失3000元。',
  residences: { [applicant.id]: '130606002001', [respondent.id]: '130606002001' },
  disputePlace: { divisionCode: '130606002001', description: '五四路街道和平社区' },
};
export const courtReferralPolicy = { days: 30, dayKind: 'calendar', maxExtensions: 1, extensionDays: 30 } as const;
export const courtCaseInput = () =>
  caseInput({ acceptingUnit: units.court, acceptedAt: referredAt, policy: { ...courtReferralPolicy }, courtReferral: courtFiling });
export const petitionCaseInput = () =>
  caseInput({
    acceptingUnit: units.petitionOffice,
    acceptedAt: referredAt,
    petitionReferral: { office: units.petitionOffice, receivedAt: referredAt, petitionNo: 'XF-2026-0815' },
  });

const courtConsent = (partyId: string, consent: 'given' | 'refused' = 'given'): Step => ({
  by: court,
  event: { type: 'RECORD_CONSENT', partyId, consent },
});
const deferred: Step[] = [courtConsent(applicant.id), courtConsent(respondent.id), { by: court, event: { type: 'DEFER_FILING' } }];
const handedOver: Step[] = [
  ...deferred,
  { by: court, event: { type: 'HAND_OVER', targetUnitCode: units.justiceOffice.code, basis: 'residence', partyId: applicant.id } },
];
const acceptedReferral: Step[] = [{ by: office, event: { type: 'ACCEPT_REFERRAL' } }];
/** The justice office mediates a referred dispute itself, to an oral agreement or to failure. */
const officeMediates: Step[] = [{ by: office, event: { type: 'NOTIFY_RIGHTS' } }, { by: office, event: { type: 'START_MEDIATION' } }];
const officeAgrees: Step[] = [
  ...officeMediates,
  {
    by: office,
    event: {
      type: 'REACH_AGREEMENT',
      form: 'oral',
      terms: '被申请人当面赔礼道歉并当场支付修缮费500元。',
      performanceMethod: '当场履行',
      createsObligations: false,
      writtenRequested: false,
    },
  },
];
const officeFails: Step[] = [...officeMediates, { by: office, event: { type: 'DECLARE_FAILED', note: '双方分歧较大。' } }];
const courtAgreed: Step[] = [...handedOver, ...acceptedReferral, ...officeAgrees];
const courtFailed: Step[] = [...handedOver, ...acceptedReferral, ...officeFails];
const petitionOfficer = actors.petitionOfficer;
const petitionConsent = (partyId: string): Step => ({ by: petitionOfficer, event: { type: 'RECORD_CONSENT', partyId, consent: 'given' } });
const petitionReferred: Step[] = [
  petitionConsent(applicant.id),
  petitionConsent(respondent.id),
  { by: petitionOfficer, event: { type: 'REFER_FOR_MEDIATION', targetUnitCode: units.justiceOffice.code } },
];
const withLawyer: Step[] = [
  { by: petitionOfficer, event: { type: 'ASSIGN_LAWYER', lawyerUnitCode: units.lawFirm.code, lawyerName: '王敏', role: 'advice' } },
];
const applyToCourt: Step = {
  by: community,
  event: { type: 'APPLY_FOR_CONFIRMATION', courtUnitCode: units.court.code, applicantPartyIds: [applicant.id, respondent.id], subject: 'civil-rights' },
};
const confirmationApplied: Step[] = [...followedUp, applyToCourt];
const confirmationReviewing: Step[] = [...confirmationApplied, { by: court, event: { type: 'ACCEPT_CONFIRMATION', courtCaseNo: '(2026)冀0606民特5号' } }];
/** The written agreement of the community's path takes effect within R-L6's window before `testAt`. */
const recentInput = () => caseInput({ acceptedAt: referredAt });

export interface CasePath {
  /** The state path the snapshot is in, as the engine stores it (e.g. `peoples.mediating`). */
  state: string;
  steps: Step[];
  /** Defaults to `caseInput()`. */
  input?: CaseInput;
}

export const casePaths = {
  'peoples.registered': { state: 'peoples.registered', steps: [] },
  'peoples.registered (consented, rights notified)': { state: 'peoples.registered', steps: ready },
  'peoples.registered (escalated to the township committee)': {
    state: 'peoples.registered',
    steps: [{ by: community, event: { type: 'ESCALATE', targetUnitCode: units.townshipCommittee.code, reason: '涉及两个社区，案情复杂' } }],
  },
  'peoples.registered (accepted by the justice office)': {
    state: 'peoples.registered',
    steps: [],
    input: caseInput({ acceptingUnit: units.justiceOffice }),
  },
  'peoples.mediating': { state: 'peoples.mediating', steps: mediating },
  'peoples.mediating (extended once)': {
    state: 'peoples.mediating',
    steps: [...mediating, { by: community, event: { type: 'EXTEND', consentingPartyIds: [applicant.id, respondent.id] } }],
  },
  'peoples.signing': { state: 'peoples.signing', steps: written },
  'peoples.signing (signed by all, not sealed)': { state: 'peoples.signing', steps: signedByAll },
  'peoples.agreed (oral)': { state: 'peoples.agreed', steps: oralAgreed },
  'peoples.agreed (written)': { state: 'peoples.agreed', steps: writtenAgreed },
  'peoples.agreed (followed up)': { state: 'peoples.agreed', steps: followedUp },
  'peoples.failed (terminated)': {
    state: 'peoples.failed',
    steps: [...mediating, { by: community, event: { type: 'TERMINATE', partyId: respondent.id, note: '被申请人要求终止调解' } }],
  },
  'peoples.failed (expired)': {
    state: 'peoples.failed',
    steps: [...mediating, { by: 'system', event: { type: 'CLOCK_EXPIRED', clock: 'peoples-mediation' }, at: peoplesClockDueAt }],
  },
  'peoples.failed (no-agreement)': { state: 'peoples.failed', steps: failedNoAgreement },
  'guidance.reviewing': { state: 'guidance.reviewing', steps: referred },
  'guidance.reviewing (returned by the agency)': {
    state: 'guidance.reviewing',
    steps: [...toAgency, { by: police, event: { type: 'RETURN_GUIDANCE', note: '该纠纷不属于本机关行政调解范围' } }],
  },
  'guidance.awaitingAcknowledgement (agency)': { state: 'guidance.awaitingAcknowledgement', steps: toAgency },
  'guidance.awaitingAcknowledgement (court)': { state: 'guidance.awaitingAcknowledgement', steps: toCourt },
  'administrative.accepted': { state: 'administrative.accepted', steps: administrativeAccepted },
  'administrative.mediating': { state: 'administrative.mediating', steps: administrativeMediating },
  'administrative.agreed': { state: 'administrative.agreed', steps: administrativeAgreed },
  'judicial.accepted': { state: 'judicial.accepted', steps: judicialAccepted },
  'judicial.mediating': { state: 'judicial.mediating', steps: judicialMediating },
  'closed (agreement)': { state: 'closed', steps: [...followedUp, { by: community, event: { type: 'CLOSE' } }] },
  'closed (refused)': { state: 'closed', steps: [consentOf(applicant.id), consentOf(respondent.id, 'refused')] },
  'closed (guided-out)': {
    state: 'closed',
    steps: [...referred, { by: office, event: { type: 'ISSUE_GUIDANCE', route: 'arbitration', note: '劳动争议，引导申请劳动仲裁' } }],
  },
  'closed (administrative agreement)': { state: 'closed', steps: [...administrativeAgreed, { by: police, event: { type: 'CLOSE' } }] },
  'closed (mediation-statement)': {
    state: 'closed',
    steps: [...judicialMediating, { by: court, event: { type: 'RECORD_MEDIATION_STATEMENT', documentNo: '(2026)冀0606民初1234号' } }],
  },
  'court.filing': { state: 'court.filing', steps: [], input: courtCaseInput() },
  'court.filing (applicant consented)': { state: 'court.filing', steps: [courtConsent(applicant.id)], input: courtCaseInput() },
  'court.deferred': { state: 'court.deferred', steps: deferred, input: courtCaseInput() },
  'court.handedOver': { state: 'court.handedOver', steps: handedOver, input: courtCaseInput() },
  'court.filingReview': {
    state: 'court.filingReview',
    steps: [courtConsent(applicant.id), courtConsent(respondent.id, 'refused')],
    input: courtCaseInput(),
  },
  'court.filingReview (mediation failed)': {
    state: 'court.filingReview',
    steps: [...courtFailed, { by: office, event: { type: 'REPORT_COURT_RESULT', note: '调解不成' } }],
    input: courtCaseInput(),
  },
  'peoples.registered (court referral)': { state: 'peoples.registered', steps: [...handedOver, ...acceptedReferral], input: courtCaseInput() },
  'peoples.agreed (court referral)': { state: 'peoples.agreed', steps: courtAgreed, input: courtCaseInput() },
  'peoples.agreed (court referral, result reported)': {
    state: 'peoples.agreed',
    steps: [...courtAgreed, { by: office, event: { type: 'REPORT_COURT_RESULT' } }],
    input: courtCaseInput(),
  },
  'peoples.failed (court referral)': { state: 'peoples.failed', steps: courtFailed, input: courtCaseInput() },
  'petition.received': { state: 'petition.received', steps: [], input: petitionCaseInput() },
  'petition.received (lawyer assigned)': { state: 'petition.received', steps: withLawyer, input: petitionCaseInput() },
  'petition.referred': { state: 'petition.referred', steps: [...withLawyer, ...petitionReferred], input: petitionCaseInput() },
  'peoples.agreed (petition referral)': {
    state: 'peoples.agreed',
    steps: [...petitionReferred, ...acceptedReferral, ...officeAgrees],
    input: petitionCaseInput(),
  },
  'peoples.failed (petition referral)': {
    state: 'peoples.failed',
    steps: [...petitionReferred, ...acceptedReferral, ...officeFails],
    input: petitionCaseInput(),
  },
  'peoples.agreed (written, within the confirmation window)': { state: 'peoples.agreed', steps: followedUp, input: recentInput() },
  'confirmation.applied': { state: 'confirmation.applied', steps: confirmationApplied, input: recentInput() },
  'confirmation.reviewing': { state: 'confirmation.reviewing', steps: confirmationReviewing, input: recentInput() },
  'confirmation.reviewing (extended)': {
    state: 'confirmation.reviewing',
    steps: [...confirmationReviewing, { by: court, event: { type: 'EXTEND_CONFIRMATION', approvedBy: '院长 赵明' } }],
    input: recentInput(),
  },
  'closed (judgment)': {
    state: 'closed',
    steps: [...judicialAccepted, { by: court, event: { type: 'RECORD_JUDGMENT', documentNo: '(2026)冀0606民初1235号' } }],
  },
} satisfies Record<string, CasePath>;

export type CaseStateKey = keyof typeof casePaths;
export const caseStateKeys = Object.keys(casePaths) as CaseStateKey[];

/** The snapshot of a case that walked `casePaths[key]` (a fresh one on every call: no shared fixtures). */
export function reach(key: string): Reached {
  const path: CasePath | undefined = (casePaths as Record<string, CasePath>)[key];
  if (!path) throw new Error(`no path to ${key} in test/factories/case-snapshots.ts`);
  return play(path.steps, startCase(path.input));
}

/** `{ peoples: 'mediating' }` → `peoples.mediating`, as the engine stores it. */
export function statePathOf(snapshot: AnyMachineSnapshot): string {
  const walk = (value: unknown): string[] => {
    if (typeof value === 'string') return [value];
    const [key, inner] = Object.entries(value as Record<string, unknown>)[0];
    return [key, ...walk(inner)];
  };
  return walk(snapshot.value).join('.');
}

export const contextOf = (reached: Reached | AnyMachineSnapshot): CaseContext =>
  ('snapshot' in reached ? reached.snapshot : reached).context as CaseContext;
