// The expectations of case-statechart.spec.ts, as tables. To cover a new state: add its path to
// test/factories/case-snapshots.ts, its row to `stateTable`, and rows to `allowedRows` /
// `refusedRows` for each event it accepts. A new event type needs a `samplePayloads` entry and,
// for the states that accept it, its `wrongActors`.
import type { RuleName } from '../../../workflows/case/rules';
import type { DocumentKind } from '../../../workflows/case/documents';
import type { Actor, CaseContext, CaseEventType, SegmentOutcome, Track } from '../../../workflows/case/types';
import {
  acceptedAt,
  actors,
  agreementTerms,
  applicant,
  casePaths,
  mediatorOf,
  outsiderTo,
  respondent,
  systemActor,
  testAt,
  units,
  type Effect,
  type Payload,
  type Sender,
  type Step,
} from '../../factories/case-snapshots';
import {
  referralAllowedRows,
  referralRefusedRows,
  referralSamplePayloads,
  referralStates,
  referralWrongActors,
} from './referral-statechart.table';

// ---- states ------------------------------------------------------------------------------------

export interface StateRow {
  /** The rule that decides what the state accepts; cited when it refuses an event it does not listen to. */
  rule: string;
  /** Every event type the state listens to (guards aside). */
  accepts: CaseEventType[];
  /** Reached only to set up particular rows; its accepted events are covered by its base state's rows. */
  variant?: true;
}

const registered: CaseEventType[] = [
  'RECORD_CONSENT',
  'NOTIFY_RIGHTS',
  'START_MEDIATION',
  'ESCALATE',
  'REFER_TO_JUSTICE_OFFICE',
  'ISSUE_GUIDANCE',
  'TERMINATE',
  'CLOCK_EXPIRED',
];
const mediating: CaseEventType[] = ['LOG_SESSION', 'ESCALATE', 'EXTEND', 'REACH_AGREEMENT', 'DECLARE_FAILED', 'TERMINATE', 'CLOCK_EXPIRED'];
const signing: CaseEventType[] = ['SIGN_AGREEMENT', 'SEAL_AGREEMENT', 'DECLARE_FAILED', 'TERMINATE', 'CLOCK_EXPIRED'];
const agreed: CaseEventType[] = ['RECORD_FOLLOW_UP', 'CLOSE', 'REPORT_COURT_RESULT', 'SEND_PETITION_FEEDBACK', 'APPLY_FOR_CONFIRMATION', 'CLOCK_EXPIRED'];
const failed: CaseEventType[] = ['REFER_TO_JUSTICE_OFFICE', 'ISSUE_GUIDANCE', 'REPORT_COURT_RESULT', 'SEND_PETITION_FEEDBACK'];
const awaiting: CaseEventType[] = ['ACKNOWLEDGE', 'RETURN_GUIDANCE'];

const trackStates: Record<string, StateRow> = {
  'peoples.registered': { rule: 'R-P3', accepts: registered },
  'peoples.registered (consented, rights notified)': { rule: 'R-P3', accepts: registered, variant: true },
  'peoples.registered (escalated to the township committee)': { rule: 'R-P5', accepts: registered, variant: true },
  'peoples.registered (accepted by the justice office)': { rule: 'R-P3', accepts: registered, variant: true },
  'peoples.mediating': { rule: 'R-P6', accepts: mediating },
  'peoples.mediating (extended once)': { rule: 'R-P6', accepts: mediating, variant: true },
  'peoples.signing': { rule: 'R-P7', accepts: signing },
  'peoples.signing (signed by all, not sealed)': { rule: 'R-P7', accepts: signing, variant: true },
  'peoples.agreed (oral)': { rule: 'R-P7', accepts: agreed },
  'peoples.agreed (written)': { rule: 'R-P7', accepts: agreed },
  'peoples.agreed (followed up)': { rule: 'R-P7', accepts: agreed, variant: true },
  'peoples.failed (terminated)': { rule: 'R-P8', accepts: failed },
  'peoples.failed (expired)': { rule: 'R-P8', accepts: failed },
  'peoples.failed (no-agreement)': { rule: 'R-P8', accepts: failed },
  'guidance.reviewing': { rule: 'R-G1', accepts: ['ISSUE_GUIDANCE', 'RETURN_TO_COMMITTEE'] },
  'guidance.reviewing (returned by the agency)': { rule: 'R-G3', accepts: ['ISSUE_GUIDANCE', 'RETURN_TO_COMMITTEE'], variant: true },
  'guidance.awaitingAcknowledgement (agency)': { rule: 'R-G3', accepts: awaiting },
  'guidance.awaitingAcknowledgement (court)': { rule: 'R-G3', accepts: awaiting },
  'administrative.accepted': { rule: 'R-A1', accepts: ['START_MEDIATION'] },
  'administrative.mediating': { rule: 'R-A1', accepts: ['LOG_SESSION', 'REACH_AGREEMENT', 'DECLARE_FAILED'] },
  'administrative.agreed': { rule: 'R-A1', accepts: ['CLOSE'] },
  'judicial.accepted': { rule: 'R-J1', accepts: ['START_MEDIATION', 'RECORD_JUDGMENT'] },
  'judicial.mediating': { rule: 'R-J1', accepts: ['LOG_SESSION', 'RECORD_MEDIATION_STATEMENT', 'RECORD_JUDGMENT'] },
  // A closed case accepts nothing; each is cited with the rule that closed it.
  'closed (agreement)': { rule: 'R-P7', accepts: [] },
  'closed (refused)': { rule: 'R-P3', accepts: [] },
  'closed (guided-out)': { rule: 'R-G2', accepts: [] },
  'closed (administrative agreement)': { rule: 'R-A1', accepts: [] },
  'closed (mediation-statement)': { rule: 'R-J1', accepts: [] },
  'closed (judgment)': { rule: 'R-J1', accepts: [] },
  // People's mediation of referred disputes (§7–§8) accepts what any people's mediation does.
  'peoples.registered (court referral)': { rule: 'R-L3', accepts: registered, variant: true },
  'peoples.agreed (court referral)': { rule: 'R-L4', accepts: agreed, variant: true },
  'peoples.agreed (court referral, result reported)': { rule: 'R-L6', accepts: agreed, variant: true },
  'peoples.failed (court referral)': { rule: 'R-L4', accepts: failed, variant: true },
  'peoples.agreed (petition referral)': { rule: 'R-V3', accepts: agreed, variant: true },
  'peoples.failed (petition referral)': { rule: 'R-V3', accepts: failed, variant: true },
  'peoples.agreed (written, within the confirmation window)': { rule: 'R-L6', accepts: agreed, variant: true },
  ...referralStates,
};

/** Events every open state listens to, whatever its track: R-V4 a reassessment of the risk. */
const everywhere: CaseEventType[] = ['ASSESS_RISK'];
const isOpen = (state: string) => !state.startsWith('closed');

export const stateTable: Record<string, StateRow> = Object.fromEntries(
  Object.entries(trackStates).map(([state, row]) => [state, isOpen(state) ? { ...row, accepts: [...row.accepts, ...everywhere] } : row]),
);

// ---- who sends what ----------------------------------------------------------------------------

/** The actor permitted to send `type` in a state handled as `context` says. */
export function permittedSender(type: CaseEventType, context: CaseContext): Sender {
  if (type === 'CLOCK_EXPIRED') return 'system';
  if (type === 'ISSUE_GUIDANCE' || type === 'RETURN_TO_COMMITTEE') return actors.justiceOfficer;
  // §10: the result letters of referrals come from the township's justice office; R-V2: the lawyer.
  if (type === 'REPORT_COURT_RESULT' || type === 'SEND_PETITION_FEEDBACK') return actors.justiceOfficer;
  if (type === 'RECORD_LEGAL_OPINION') return actors.lawyer;
  return mediatorOf(context.handlingUnit);
}

export interface WrongActor {
  who: string;
  rule: string;
  actor: (context: CaseContext) => Actor;
}

const outsider: WrongActor = { who: 'a mediator of a neighbouring unit', rule: 'R-S1', actor: (c) => outsiderTo(c.handlingUnit) };
const oversight: WrongActor = { who: 'the county justice bureau (oversight reads, never acts)', rule: 'R-S1', actor: () => actors.countyStatistician };
const clockSweeper: WrongActor = { who: 'the clock sweeper', rule: 'R-S1', actor: (c) => systemActor(c.handlingUnit) };
const handlerOnly = [outsider, oversight, clockSweeper];
const committeeOnly = (rule: string): WrongActor[] => [
  outsider,
  { who: 'the township justice office (not a committee)', rule, actor: () => actors.justiceOfficer },
  clockSweeper,
];
const justiceOfficeOnly: WrongActor[] = [
  { who: 'the community committee', rule: 'R-G1', actor: () => actors.communityMediator },
  { who: 'the township committee', rule: 'R-G1', actor: () => actors.townshipMediator },
  { who: 'the justice office of another township', rule: 'R-G1', actor: () => actors.otherJusticeOfficer },
  { who: 'the county justice bureau', rule: 'R-G1', actor: () => actors.countyStatistician },
  { who: 'an administrative agency', rule: 'R-G1', actor: () => actors.policeMediator },
];
const receivingUnitOnly: WrongActor[] = [
  ...handlerOnly,
  { who: 'the justice office that issued the guidance', rule: 'R-G3', actor: () => actors.justiceOfficer },
];

/** Actors refused by `mayActorSend` for each event type, wherever it is accepted. */
export const wrongActors: Partial<Record<CaseEventType, WrongActor[]>> = {
  ASSESS_RISK: handlerOnly,
  RECORD_CONSENT: handlerOnly,
  NOTIFY_RIGHTS: handlerOnly,
  START_MEDIATION: handlerOnly,
  LOG_SESSION: handlerOnly,
  ESCALATE: committeeOnly('R-P5'),
  EXTEND: handlerOnly,
  REACH_AGREEMENT: handlerOnly,
  SIGN_AGREEMENT: handlerOnly,
  SEAL_AGREEMENT: handlerOnly,
  DECLARE_FAILED: handlerOnly,
  TERMINATE: handlerOnly,
  RECORD_FOLLOW_UP: handlerOnly,
  CLOSE: handlerOnly,
  REFER_TO_JUSTICE_OFFICE: committeeOnly('R-G1'),
  RETURN_TO_COMMITTEE: justiceOfficeOnly,
  ISSUE_GUIDANCE: justiceOfficeOnly,
  ACKNOWLEDGE: receivingUnitOnly,
  RETURN_GUIDANCE: receivingUnitOnly,
  RECORD_MEDIATION_STATEMENT: handlerOnly,
  RECORD_JUDGMENT: handlerOnly,
  CLOCK_EXPIRED: [
    { who: 'the handling mediator (only the clock fires a legal deadline)', rule: 'R-D1', actor: (c) => mediatorOf(c.handlingUnit) },
    { who: 'the township justice office', rule: 'R-D1', actor: () => actors.justiceOfficer },
  ],
  ...referralWrongActors,
};

/** A well-formed payload of each event type, sent where the state does not listen to it. */
export const samplePayloads: Partial<Record<CaseEventType, Payload>> = {
  RECORD_CONSENT: { type: 'RECORD_CONSENT', partyId: applicant.id, consent: 'given' },
  NOTIFY_RIGHTS: { type: 'NOTIFY_RIGHTS' },
  START_MEDIATION: { type: 'START_MEDIATION' },
  LOG_SESSION: { type: 'LOG_SESSION', summary: '第二次调解，双方就赔偿金额交换意见。' },
  ESCALATE: { type: 'ESCALATE', targetUnitCode: units.townshipCommittee.code, reason: '涉及两个社区' },
  EXTEND: { type: 'EXTEND', consentingPartyIds: [applicant.id, respondent.id] },
  REACH_AGREEMENT: { type: 'REACH_AGREEMENT', form: 'written', ...agreementTerms, createsObligations: true, writtenRequested: false },
  SIGN_AGREEMENT: { type: 'SIGN_AGREEMENT', signer: applicant.id },
  SEAL_AGREEMENT: { type: 'SEAL_AGREEMENT' },
  DECLARE_FAILED: { type: 'DECLARE_FAILED', note: '调解不成' },
  TERMINATE: { type: 'TERMINATE', partyId: respondent.id },
  RECORD_FOLLOW_UP: { type: 'RECORD_FOLLOW_UP', performance: 'performed', note: '已履行' },
  CLOSE: { type: 'CLOSE' },
  REFER_TO_JUSTICE_OFFICE: { type: 'REFER_TO_JUSTICE_OFFICE', targetUnitCode: units.justiceOffice.code, reason: 'failed' },
  RETURN_TO_COMMITTEE: { type: 'RETURN_TO_COMMITTEE', targetUnitCode: units.community.code, note: '属于人民调解范围' },
  ISSUE_GUIDANCE: { type: 'ISSUE_GUIDANCE', route: 'judicial', targetUnitCode: units.court.code },
  ACKNOWLEDGE: { type: 'ACKNOWLEDGE' },
  RETURN_GUIDANCE: { type: 'RETURN_GUIDANCE', note: '不属于本单位受理范围' },
  RECORD_MEDIATION_STATEMENT: { type: 'RECORD_MEDIATION_STATEMENT', documentNo: '(2026)冀0606民初1234号' },
  RECORD_JUDGMENT: { type: 'RECORD_JUDGMENT', documentNo: '(2026)冀0606民初1235号' },
  CLOCK_EXPIRED: { type: 'CLOCK_EXPIRED', clock: 'peoples-mediation' },
  ASSESS_RISK: { type: 'ASSESS_RISK', riskLevel: 'red', reason: '一方扬言报复，事态升级' },
  ...referralSamplePayloads,
};

export const samplePayload = (type: CaseEventType): Payload => samplePayloads[type] ?? ({ type } as Payload);

// ---- accepted events ---------------------------------------------------------------------------

export interface AllowedRow {
  /** A key of `casePaths`. */
  state: string;
  rule: string;
  title: string;
  /** Steps taken from `state` before the event under test. */
  prep?: Step[];
  /** Defaults to `permittedSender`. */
  by?: Sender;
  event: Payload;
  /** The state path after the event. */
  next: string;
  /** What the next context must contain, given the one before and the event's time. */
  context?: (before: CaseContext, at: string) => object;
  /** Exactly the effect actions `transition()` hands to the engine, in order. */
  effects: Effect[];
}

const doc = (kind: DocumentKind): Effect => ({ type: 'issueDocument', params: { kind } });
const peoplesClock = { clock: 'peoples-mediation' };
const stopPeoplesClock: Effect = { type: 'stopClock', params: peoplesClock };
/** R-L6 with R-D4: an agreement in force opens the parties' 30-day application window as a legal clock. */
const openConfirmationWindow: Effect = {
  type: 'startClock',
  params: { clock: 'confirmation-window', from: testAt, days: 30, dayKind: 'calendar', remind: false },
};
const stopConfirmationWindow: Effect = { type: 'stopClock', params: { clock: 'confirmation-window' } };
const caseFileCover = doc('case-file-cover');

/** The open segment ends now with `outcome`. */
const segmentEnds = (before: CaseContext, at: string, outcome: SegmentOutcome) => {
  const last = before.segments[before.segments.length - 1];
  return [...before.segments.slice(0, -1), { ...last, endedAt: at, outcome }];
};
/** A new segment of `track` opens now at `unitCode`. */
const segmentOpens = (before: CaseContext, at: string, track: Track, unitCode: string) => [
  ...before.segments,
  { seq: before.segments.length + 1, track, unitCode, startedAt: at },
];

const community = actors.communityMediator;
const sign = (signer: string): Step => ({ by: community, event: { type: 'SIGN_AGREEMENT', signer } });
const seal: Step = { by: community, event: { type: 'SEAL_AGREEMENT' } };
const followUp: Step = { by: community, event: { type: 'RECORD_FOLLOW_UP', performance: 'performed', note: '已履行完毕' } };
const consent = (partyId: string): Step => ({ by: community, event: { type: 'RECORD_CONSENT', partyId, consent: 'given' } });

const oral = {
  type: 'REACH_AGREEMENT',
  form: 'oral',
  terms: '被申请人当面赔礼道歉，申请人不再追究。',
  performanceMethod: '当场履行',
  createsObligations: false,
  writtenRequested: false,
} as const;
const written = { type: 'REACH_AGREEMENT', form: 'written', ...agreementTerms, createsObligations: true, writtenRequested: false } as const;

const failureReasons = ['terminated', 'expired', 'no-agreement'] as const;

/** ISSUE_GUIDANCE from a state the justice office may guide from (registered, failed, reviewing). */
function guidanceRows(state: string, reason: string, segmentOutcome: 'out-of-scope' | 'already ended'): AllowedRow[] {
  const segments = (b: CaseContext, at: string) =>
    segmentOutcome === 'already ended' ? b.segments : segmentEnds(b, at, 'out-of-scope');
  return [
    {
      state,
      rule: 'R-G2',
      title: 'ISSUE_GUIDANCE to administrative mediation hands the case to the named agency',
      event: { type: 'ISSUE_GUIDANCE', route: 'administrative', targetUnitCode: units.police.code, note: '治安纠纷，引导至公安机关调解' },
      next: 'guidance.awaitingAcknowledgement',
      context: (b, at) => ({
        handlingUnit: units.police,
        guidance: { route: 'administrative', target: units.police, issuedBy: units.justiceOffice, reason, at },
        segments: segments(b, at),
      }),
      effects: [doc('guidance-notice')],
    },
    {
      state,
      rule: 'R-G2',
      title: 'ISSUE_GUIDANCE to judicial mediation hands the case to the named court',
      event: { type: 'ISSUE_GUIDANCE', route: 'judicial', targetUnitCode: units.court.code },
      next: 'guidance.awaitingAcknowledgement',
      context: (b, at) => ({
        handlingUnit: units.court,
        guidance: { route: 'judicial', target: units.court, issuedBy: units.justiceOffice, reason, at },
        segments: segments(b, at),
      }),
      effects: [doc('guidance-notice')],
    },
    {
      state,
      rule: 'R-G2',
      title: 'ISSUE_GUIDANCE toward litigation at a named court closes the case as guided out',
      event: { type: 'ISSUE_GUIDANCE', route: 'litigation', targetUnitCode: units.court.code },
      next: 'closed',
      context: (b, at) => ({
        outcome: 'guided-out',
        guidance: { route: 'litigation', target: units.court, issuedBy: units.justiceOffice, reason, at },
        segments: segments(b, at),
      }),
      effects: [doc('guidance-notice'), caseFileCover],
    },
    {
      state,
      rule: 'R-G2',
      title: 'ISSUE_GUIDANCE toward legal aid (12348) needs no receiving unit and closes the case',
      event: { type: 'ISSUE_GUIDANCE', route: 'legal-aid' },
      next: 'closed',
      context: (b) => ({ outcome: 'guided-out', handlingUnit: b.handlingUnit, guidance: { route: 'legal-aid', target: undefined, reason } }),
      effects: [doc('guidance-notice'), caseFileCover],
    },
  ];
}

/**
 * R-V4 in every open state: raised to red the case is reported at once and stays where it is; a
 * change to another level is recorded without a report.
 */
function riskRows(): AllowedRow[] {
  return Object.entries(trackStates)
    .filter(([state, row]) => isOpen(state) && !row.variant)
    .flatMap(([state]) => {
      const next = casePaths[state as keyof typeof casePaths].state;
      return [
        {
          state,
          rule: 'R-V4',
          title: 'ASSESS_RISK raised to red reports the case at once and leaves it where it is',
          event: { type: 'ASSESS_RISK', riskLevel: 'red', reason: '一方扬言报复，事态升级' },
          next,
          context: () => ({ riskLevel: 'red' }),
          effects: [{ type: 'reportRisk' }],
        },
        {
          state,
          rule: 'R-V4',
          title: 'ASSESS_RISK to orange is recorded without a report',
          event: { type: 'ASSESS_RISK', riskLevel: 'orange', reason: '双方情绪激动' },
          next,
          context: () => ({ riskLevel: 'orange' }),
          effects: [],
        },
      ];
    });
}

export const allowedRows: AllowedRow[] = [
  // peoples.registered
  {
    state: 'peoples.registered',
    rule: 'R-P3',
    title: "RECORD_CONSENT records a party's consent and stays registered",
    event: { type: 'RECORD_CONSENT', partyId: applicant.id, consent: 'given' },
    next: 'peoples.registered',
    context: () => ({ consents: { [applicant.id]: 'given' } }),
    effects: [],
  },
  {
    state: 'peoples.registered',
    rule: 'R-P3',
    title: 'RECORD_CONSENT of a refusal ends the case as refused, with a termination letter',
    event: { type: 'RECORD_CONSENT', partyId: respondent.id, consent: 'refused' },
    next: 'closed',
    context: (b, at) => ({
      consents: { [respondent.id]: 'refused' },
      outcome: 'refused',
      failure: { reason: 'refused', at },
      segments: segmentEnds(b, at, 'refused'),
    }),
    effects: [doc('termination'), caseFileCover],
  },
  {
    state: 'peoples.registered',
    rule: 'R-P4',
    title: 'NOTIFY_RIGHTS issues the rights notice',
    event: { type: 'NOTIFY_RIGHTS' },
    next: 'peoples.registered',
    context: () => ({ rightsNotified: true }),
    effects: [doc('rights-notice')],
  },
  {
    state: 'peoples.registered (consented, rights notified)',
    rule: 'R-P4',
    title: 'START_MEDIATION after every consent and the rights notice starts the 30-day clock from acceptance',
    event: { type: 'START_MEDIATION' },
    next: 'peoples.mediating',
    effects: [{ type: 'startClock', params: { ...peoplesClock, from: acceptedAt, days: 30, dayKind: 'calendar' } }],
  },
  {
    state: 'peoples.registered',
    rule: 'R-P5',
    title: 'ESCALATE hands the dispute to its township committee; the case keeps its history',
    event: { type: 'ESCALATE', targetUnitCode: units.townshipCommittee.code, reason: '涉及两个社区，案情复杂' },
    next: 'peoples.registered',
    context: (b, at) => ({
      handlingUnit: units.townshipCommittee,
      segments: segmentOpens({ ...b, segments: segmentEnds(b, at, 'escalated') }, at, 'peoples', units.townshipCommittee.code),
    }),
    effects: [],
  },
  {
    state: 'peoples.registered',
    rule: 'R-G1',
    title: "REFER_TO_JUSTICE_OFFICE of an out-of-scope dispute hands it to the township's justice office and ends the committee's segment",
    event: { type: 'REFER_TO_JUSTICE_OFFICE', targetUnitCode: units.justiceOffice.code, reason: 'out-of-scope', note: '属于行政争议' },
    next: 'guidance.reviewing',
    context: (b, at) => ({ handlingUnit: units.justiceOffice, segments: segmentEnds(b, at, 'referred') }),
    effects: [],
  },
  ...guidanceRows('peoples.registered', 'out-of-scope', 'out-of-scope'),
  {
    state: 'peoples.registered',
    rule: 'R-P3',
    title: 'TERMINATE before mediation ends the segment with a termination letter (no clock to stop)',
    event: { type: 'TERMINATE', partyId: respondent.id, note: '被申请人不愿调解' },
    next: 'peoples.failed',
    context: (b, at) => ({ failure: { reason: 'terminated', at, note: '被申请人不愿调解' }, segments: segmentEnds(b, at, 'terminated') }),
    effects: [doc('termination')],
  },
  {
    state: 'peoples.registered (escalated to the township committee)',
    rule: 'R-G1',
    title: 'REFER_TO_JUSTICE_OFFICE by the township committee reaches its own justice office',
    event: { type: 'REFER_TO_JUSTICE_OFFICE', targetUnitCode: units.justiceOffice.code, reason: 'out-of-scope' },
    next: 'guidance.reviewing',
    context: (b, at) => ({ handlingUnit: units.justiceOffice, segments: segmentEnds(b, at, 'referred') }),
    effects: [],
  },
  {
    state: 'peoples.registered (accepted by the justice office)',
    rule: 'R-G1',
    title: 'ISSUE_GUIDANCE by the justice office that accepted the dispute itself',
    event: { type: 'ISSUE_GUIDANCE', route: 'arbitration', note: '劳动争议，引导申请劳动仲裁' },
    next: 'closed',
    context: (b, at) => ({ outcome: 'guided-out', guidance: { route: 'arbitration', issuedBy: units.justiceOffice }, segments: segmentEnds(b, at, 'out-of-scope') }),
    effects: [doc('guidance-notice'), caseFileCover],
  },

  // peoples.mediating
  {
    state: 'peoples.mediating',
    rule: 'R-P4',
    title: 'LOG_SESSION counts a mediation session',
    event: { type: 'LOG_SESSION', summary: '首次调解，双方陈述事实。' },
    next: 'peoples.mediating',
    context: () => ({ sessions: 1 }),
    effects: [],
  },
  {
    state: 'peoples.mediating',
    rule: 'R-P5',
    title: 'ESCALATE during mediation hands the case to the township committee; the clock keeps running',
    event: { type: 'ESCALATE', targetUnitCode: units.townshipCommittee.code, reason: '跨社区纠纷' },
    next: 'peoples.mediating',
    context: (b, at) => ({
      handlingUnit: units.townshipCommittee,
      segments: segmentOpens({ ...b, segments: segmentEnds(b, at, 'escalated') }, at, 'peoples', units.townshipCommittee.code),
    }),
    effects: [],
  },
  {
    state: 'peoples.mediating',
    rule: 'R-P6',
    title: "EXTEND with both parties' consent extends the clock once by 30 days",
    event: { type: 'EXTEND', consentingPartyIds: [applicant.id, respondent.id] },
    next: 'peoples.mediating',
    context: () => ({ extensionsUsed: 1 }),
    effects: [{ type: 'extendClock', params: { ...peoplesClock, days: 30 } }],
  },
  {
    state: 'peoples.mediating',
    rule: 'R-P7',
    title: 'REACH_AGREEMENT orally (no obligations, none asked for writing) takes effect at once and stops the clock',
    event: oral,
    next: 'peoples.agreed',
    context: (b, at) => ({
      agreement: { form: 'oral', terms: oral.terms, performanceMethod: '当场履行', reachedAt: at, effectiveAt: at, signatures: [], sealed: false },
      segments: segmentEnds(b, at, 'agreement'),
    }),
    effects: [stopPeoplesClock, doc('oral-agreement-record'), openConfirmationWindow],
  },
  {
    state: 'peoples.mediating',
    rule: 'R-P7',
    title: 'REACH_AGREEMENT in writing drafts the agreement for signing; the clock runs until it takes effect',
    event: written,
    next: 'peoples.signing',
    context: (_b, at) => ({
      agreement: { form: 'written', ...agreementTerms, reachedAt: at, effectiveAt: undefined, signatures: [], sealed: false },
    }),
    effects: [doc('mediation-agreement')],
  },
  {
    state: 'peoples.mediating',
    rule: 'R-P7',
    title: 'REACH_AGREEMENT in writing because a party asked for it, though it creates no obligations',
    event: { ...oral, form: 'written', writtenRequested: true },
    next: 'peoples.signing',
    effects: [doc('mediation-agreement')],
  },
  {
    state: 'peoples.mediating',
    rule: 'R-P8',
    title: 'DECLARE_FAILED ends mediation without agreement and stops the clock',
    event: { type: 'DECLARE_FAILED', note: '双方分歧较大' },
    next: 'peoples.failed',
    context: (b, at) => ({ failure: { reason: 'no-agreement', at, note: '双方分歧较大' }, segments: segmentEnds(b, at, 'failed') }),
    effects: [stopPeoplesClock],
  },
  {
    state: 'peoples.mediating',
    rule: 'R-P3',
    title: 'TERMINATE at a party\'s demand stops the clock and issues a termination letter',
    event: { type: 'TERMINATE', partyId: applicant.id },
    next: 'peoples.failed',
    context: (b, at) => ({ failure: { reason: 'terminated', at }, segments: segmentEnds(b, at, 'terminated') }),
    effects: [stopPeoplesClock, doc('termination')],
  },
  {
    state: 'peoples.mediating',
    rule: 'R-P3',
    title: 'TERMINATE by the mediator without naming a party',
    event: { type: 'TERMINATE', note: '当事人失联，无法继续调解' },
    next: 'peoples.failed',
    effects: [stopPeoplesClock, doc('termination')],
  },
  {
    state: 'peoples.mediating',
    rule: 'R-P6',
    title: 'CLOCK_EXPIRED without agreement fails the mediation as expired (the fired clock needs no stop)',
    event: { type: 'CLOCK_EXPIRED', clock: 'peoples-mediation' },
    next: 'peoples.failed',
    context: (b, at) => ({ failure: { reason: 'expired', at }, segments: segmentEnds(b, at, 'expired') }),
    effects: [],
  },
  {
    state: 'peoples.mediating (extended once)',
    rule: 'R-P7',
    title: 'REACH_AGREEMENT after an extension',
    event: oral,
    next: 'peoples.agreed',
    context: () => ({ extensionsUsed: 1 }),
    effects: [stopPeoplesClock, doc('oral-agreement-record'), openConfirmationWindow],
  },

  // peoples.signing
  {
    state: 'peoples.signing',
    rule: 'R-P7',
    title: 'SIGN_AGREEMENT by a party records the signature; not yet effective',
    event: { type: 'SIGN_AGREEMENT', signer: applicant.id },
    next: 'peoples.signing',
    context: () => ({ agreement: { signatures: [applicant.id], effectiveAt: undefined } }),
    effects: [],
  },
  {
    state: 'peoples.signing',
    rule: 'R-P7',
    title: 'SIGN_AGREEMENT by the mediator, the last signature after the seal, makes the agreement take effect',
    prep: [sign(applicant.id), sign(respondent.id), seal],
    event: { type: 'SIGN_AGREEMENT', signer: 'mediator' },
    next: 'peoples.agreed',
    context: (b, at) => ({
      agreement: { signatures: [applicant.id, respondent.id, 'mediator'], sealed: true, effectiveAt: at },
      segments: segmentEnds(b, at, 'agreement'),
    }),
    effects: [stopPeoplesClock, openConfirmationWindow],
  },
  {
    state: 'peoples.signing',
    rule: 'R-P7',
    title: 'SEAL_AGREEMENT before the signatures seals it; not yet effective',
    event: { type: 'SEAL_AGREEMENT' },
    next: 'peoples.signing',
    context: () => ({ agreement: { sealed: true, effectiveAt: undefined } }),
    effects: [],
  },
  {
    state: 'peoples.signing (signed by all, not sealed)',
    rule: 'R-P7',
    title: "SEAL_AGREEMENT after every signature makes the agreement take effect and stops the clock",
    event: { type: 'SEAL_AGREEMENT' },
    next: 'peoples.agreed',
    context: (b, at) => ({ agreement: { sealed: true, effectiveAt: at }, segments: segmentEnds(b, at, 'agreement') }),
    effects: [stopPeoplesClock, openConfirmationWindow],
  },
  {
    state: 'peoples.signing',
    rule: 'R-P8',
    title: 'DECLARE_FAILED when a party will not sign stops the clock',
    event: { type: 'DECLARE_FAILED', note: '被申请人拒绝签字' },
    next: 'peoples.failed',
    context: (b, at) => ({ failure: { reason: 'no-agreement', at }, segments: segmentEnds(b, at, 'failed') }),
    effects: [stopPeoplesClock],
  },
  {
    state: 'peoples.signing',
    rule: 'R-P3',
    title: 'TERMINATE while signing stops the clock and issues a termination letter',
    event: { type: 'TERMINATE', partyId: respondent.id },
    next: 'peoples.failed',
    context: (b, at) => ({ failure: { reason: 'terminated', at }, segments: segmentEnds(b, at, 'terminated') }),
    effects: [stopPeoplesClock, doc('termination')],
  },
  {
    state: 'peoples.signing',
    rule: 'R-P6',
    title: 'CLOCK_EXPIRED before the agreement took effect fails the mediation as expired',
    event: { type: 'CLOCK_EXPIRED', clock: 'peoples-mediation' },
    next: 'peoples.failed',
    context: (b, at) => ({ failure: { reason: 'expired', at }, segments: segmentEnds(b, at, 'expired') }),
    effects: [],
  },

  // peoples.agreed, both paths
  ...(['peoples.agreed (oral)', 'peoples.agreed (written)'] as const).flatMap((state): AllowedRow[] => [
    {
      state,
      rule: 'R-P7',
      title: 'RECORD_FOLLOW_UP records the performance and issues the follow-up record',
      event: { type: 'RECORD_FOLLOW_UP', performance: 'partial', note: '已支付一半赔偿款' },
      next: 'peoples.agreed',
      context: (_b, at) => ({ followUp: { at, performance: 'partial', note: '已支付一半赔偿款' } }),
      effects: [doc('follow-up-record')],
    },
    {
      state,
      rule: 'R-P7',
      title: 'CLOSE after the follow-up closes the case with an agreement and issues the case-file cover',
      prep: [followUp],
      event: { type: 'CLOSE' },
      next: 'closed',
      context: () => ({ outcome: 'agreement' }),
      effects: [stopConfirmationWindow, caseFileCover],
    },
    {
      state,
      rule: 'R-L6',
      title: 'CLOCK_EXPIRED of the confirmation window closes the window; the agreement and the case stay',
      event: { type: 'CLOCK_EXPIRED', clock: 'confirmation-window' },
      next: 'peoples.agreed',
      context: (b) => ({ agreement: { ...b.agreement, confirmationWindow: 'closed' } }),
      effects: [],
    },
  ]),

  // peoples.failed, each reason
  ...failureReasons.flatMap((reason): AllowedRow[] => [
    {
      state: `peoples.failed (${reason})`,
      rule: 'R-G1',
      title: 'REFER_TO_JUSTICE_OFFICE of the failed dispute hands it to the township justice office',
      event: { type: 'REFER_TO_JUSTICE_OFFICE', targetUnitCode: units.justiceOffice.code, reason: 'failed' },
      next: 'guidance.reviewing',
      context: (b) => ({ handlingUnit: units.justiceOffice, failure: { reason }, segments: b.segments }),
      effects: [],
    },
    ...guidanceRows(`peoples.failed (${reason})`, reason, 'already ended'),
  ]),

  // guidance.reviewing
  ...guidanceRows('guidance.reviewing', 'no-agreement', 'already ended'),
  {
    state: 'guidance.reviewing',
    rule: 'R-G1',
    title: 'RETURN_TO_COMMITTEE sends the dispute back to a committee of the township, which registers it anew',
    event: { type: 'RETURN_TO_COMMITTEE', targetUnitCode: units.community.code, note: '经审查属于人民调解范围，请继续调解' },
    next: 'peoples.registered',
    context: (b, at) => ({
      handlingUnit: units.community,
      failure: undefined,
      segments: segmentOpens(b, at, 'peoples', units.community.code),
    }),
    effects: [],
  },
  {
    state: 'guidance.reviewing (returned by the agency)',
    rule: 'R-G3',
    title: 'ISSUE_GUIDANCE again after the agency returned the case, now toward the court',
    event: { type: 'ISSUE_GUIDANCE', route: 'judicial', targetUnitCode: units.court.code },
    next: 'guidance.awaitingAcknowledgement',
    context: () => ({ handlingUnit: units.court, guidance: { route: 'judicial', target: units.court } }),
    effects: [doc('guidance-notice')],
  },

  // guidance.awaitingAcknowledgement
  {
    state: 'guidance.awaitingAcknowledgement (agency)',
    rule: 'R-G3',
    title: 'ACKNOWLEDGE by the agency opens its administrative-mediation segment',
    event: { type: 'ACKNOWLEDGE' },
    next: 'administrative.accepted',
    context: (b, at) => ({ handlingUnit: units.police, segments: segmentOpens(b, at, 'administrative', units.police.code) }),
    effects: [],
  },
  {
    state: 'guidance.awaitingAcknowledgement (court)',
    rule: 'R-G3',
    title: "ACKNOWLEDGE by the court opens its judicial-mediation segment",
    event: { type: 'ACKNOWLEDGE' },
    next: 'judicial.accepted',
    context: (b, at) => ({ handlingUnit: units.court, segments: segmentOpens(b, at, 'judicial', units.court.code) }),
    effects: [],
  },
  ...(['agency', 'court'] as const).map(
    (to): AllowedRow => ({
      state: `guidance.awaitingAcknowledgement (${to})`,
      rule: 'R-G3',
      title: 'RETURN_GUIDANCE with a reason hands the case back to the issuing justice office',
      event: { type: 'RETURN_GUIDANCE', note: '不属于本单位受理范围' },
      next: 'guidance.reviewing',
      context: (b) => ({ handlingUnit: units.justiceOffice, segments: b.segments }),
      effects: [],
    }),
  ),

  // administrative
  {
    state: 'administrative.accepted',
    rule: 'R-A1',
    title: 'START_MEDIATION by the agency',
    event: { type: 'START_MEDIATION' },
    next: 'administrative.mediating',
    effects: [],
  },
  {
    state: 'administrative.mediating',
    rule: 'R-A1',
    title: 'LOG_SESSION counts an administrative-mediation session',
    event: { type: 'LOG_SESSION', summary: '在派出所组织双方调解' },
    next: 'administrative.mediating',
    context: (b) => ({ sessions: b.sessions + 1 }),
    effects: [],
  },
  {
    state: 'administrative.mediating',
    rule: 'R-A1',
    title: 'REACH_AGREEMENT records the agreement, effective at once, and ends the agency segment',
    event: written,
    next: 'administrative.agreed',
    context: (b, at) => ({ agreement: { form: 'written', reachedAt: at, effectiveAt: at }, segments: segmentEnds(b, at, 'agreement') }),
    effects: [],
  },
  {
    state: 'administrative.mediating',
    rule: 'R-A1',
    title: 'DECLARE_FAILED hands the case back to the guiding justice office to guide toward court',
    event: { type: 'DECLARE_FAILED', note: '行政调解未达成协议' },
    next: 'guidance.reviewing',
    context: (b, at) => ({
      handlingUnit: units.justiceOffice,
      failure: { reason: 'no-agreement', at, note: '行政调解未达成协议' },
      segments: segmentEnds(b, at, 'failed'),
    }),
    effects: [],
  },
  {
    state: 'administrative.agreed',
    rule: 'R-A1',
    title: 'CLOSE closes the case with the agency agreement',
    event: { type: 'CLOSE' },
    next: 'closed',
    context: () => ({ outcome: 'agreement' }),
    effects: [caseFileCover],
  },

  // judicial
  {
    state: 'judicial.accepted',
    rule: 'R-J1',
    title: 'START_MEDIATION by the court',
    event: { type: 'START_MEDIATION' },
    next: 'judicial.mediating',
    effects: [],
  },
  {
    state: 'judicial.accepted',
    rule: 'R-J1',
    title: 'RECORD_JUDGMENT without mediation closes the case by judgment',
    event: { type: 'RECORD_JUDGMENT', documentNo: '(2026)冀0606民初88号' },
    next: 'closed',
    context: (b, at) => ({ outcome: 'judgment', segments: segmentEnds(b, at, 'judgment') }),
    effects: [caseFileCover],
  },
  {
    state: 'judicial.mediating',
    rule: 'R-J1',
    title: 'LOG_SESSION counts a judicial-mediation session',
    event: { type: 'LOG_SESSION', summary: '法院组织调解' },
    next: 'judicial.mediating',
    context: (b) => ({ sessions: b.sessions + 1 }),
    effects: [],
  },
  {
    state: 'judicial.mediating',
    rule: 'R-J1',
    title: 'RECORD_MEDIATION_STATEMENT closes the case by a mediation statement',
    event: { type: 'RECORD_MEDIATION_STATEMENT', documentNo: '(2026)冀0606民初89号' },
    next: 'closed',
    context: (b, at) => ({ outcome: 'mediation-statement', segments: segmentEnds(b, at, 'mediation-statement') }),
    effects: [caseFileCover],
  },
  {
    state: 'judicial.mediating',
    rule: 'R-J1',
    title: 'RECORD_JUDGMENT after failed mediation closes the case by judgment',
    event: { type: 'RECORD_JUDGMENT', documentNo: '(2026)冀0606民初90号' },
    next: 'closed',
    context: (b, at) => ({ outcome: 'judgment', segments: segmentEnds(b, at, 'judgment') }),
    effects: [caseFileCover],
  },
  ...referralAllowedRows,
  ...riskRows(),
];

// ---- refused by a guard ------------------------------------------------------------------------

export interface RefusedRow {
  state: string;
  title: string;
  prep?: Step[];
  by?: Sender;
  event: Payload;
  /** Exactly the rules `explainRefusal` reports, in order. */
  refusedBy: RuleName[];
}

const stranger = 'party-wang';

/** REFER_TO_JUSTICE_OFFICE and ISSUE_GUIDANCE refusals shared by every state that accepts them. */
function referralRefusals(state: string, refer: boolean): RefusedRow[] {
  const rows: RefusedRow[] = [
    {
      state,
      title: 'ISSUE_GUIDANCE to administrative mediation refused when it names a court',
      event: { type: 'ISSUE_GUIDANCE', route: 'administrative', targetUnitCode: units.court.code },
      refusedBy: ['guidanceToReceivingUnit', 'guidanceOutOfSystem'],
    },
    {
      state,
      title: 'ISSUE_GUIDANCE to judicial mediation refused when it names an agency',
      event: { type: 'ISSUE_GUIDANCE', route: 'judicial', targetUnitCode: units.police.code },
      refusedBy: ['guidanceToReceivingUnit', 'guidanceOutOfSystem'],
    },
    {
      state,
      title: 'ISSUE_GUIDANCE to administrative mediation refused without a receiving agency',
      event: { type: 'ISSUE_GUIDANCE', route: 'administrative' },
      refusedBy: ['guidanceToReceivingUnit', 'guidanceOutOfSystem'],
    },
    {
      state,
      title: 'ISSUE_GUIDANCE toward litigation refused without a court',
      event: { type: 'ISSUE_GUIDANCE', route: 'litigation' },
      refusedBy: ['guidanceToReceivingUnit', 'guidanceOutOfSystem'],
    },
    {
      state,
      title: 'ISSUE_GUIDANCE toward litigation refused when it names a justice bureau',
      event: { type: 'ISSUE_GUIDANCE', route: 'litigation', targetUnitCode: units.countyBureau.code },
      refusedBy: ['guidanceToReceivingUnit', 'guidanceOutOfSystem'],
    },
  ];
  if (refer) {
    rows.push(
      {
        state,
        title: "REFER_TO_JUSTICE_OFFICE refused to another township's justice office",
        event: { type: 'REFER_TO_JUSTICE_OFFICE', targetUnitCode: units.otherJusticeOffice.code, reason: 'failed' },
        refusedBy: ['justiceOfficeOfTownship'],
      },
      {
        state,
        title: 'REFER_TO_JUSTICE_OFFICE refused to a unit that is not a justice office',
        event: { type: 'REFER_TO_JUSTICE_OFFICE', targetUnitCode: units.townshipCommittee.code, reason: 'failed' },
        refusedBy: ['justiceOfficeOfTownship'],
      },
    );
  }
  return rows;
}

/** ESCALATE refusals shared by registered and mediating. */
const escalationRefusals = (state: string): RefusedRow[] => [
  {
    state,
    title: "ESCALATE refused to another township's committee",
    event: { type: 'ESCALATE', targetUnitCode: units.otherTownshipCommittee.code, reason: '跨街道纠纷' },
    refusedBy: ['escalationToOwnTownship'],
  },
  {
    state,
    title: 'ESCALATE refused to a neighbouring community committee (only up to the township)',
    event: { type: 'ESCALATE', targetUnitCode: units.neighbourCommunity.code, reason: '跨社区纠纷' },
    refusedBy: ['escalationToOwnTownship'],
  },
  {
    state,
    title: 'ESCALATE refused to the justice office (that is a referral, not an escalation)',
    event: { type: 'ESCALATE', targetUnitCode: units.justiceOffice.code, reason: '案情复杂' },
    refusedBy: ['escalationToOwnTownship'],
  },
];

export const refusedRows: RefusedRow[] = [
  // peoples.registered
  {
    state: 'peoples.registered',
    title: 'START_MEDIATION refused before any consent and before the rights notice',
    event: { type: 'START_MEDIATION' },
    refusedBy: ['allPartiesConsented', 'rightsNotified'],
  },
  {
    state: 'peoples.registered',
    title: 'START_MEDIATION refused before the rights notice',
    prep: [consent(applicant.id), consent(respondent.id)],
    event: { type: 'START_MEDIATION' },
    refusedBy: ['rightsNotified'],
  },
  {
    state: 'peoples.registered',
    title: 'START_MEDIATION refused while one party has not consented',
    prep: [consent(applicant.id), { by: community, event: { type: 'NOTIFY_RIGHTS' } }],
    event: { type: 'START_MEDIATION' },
    refusedBy: ['allPartiesConsented'],
  },
  {
    state: 'peoples.registered',
    title: 'RECORD_CONSENT refused for someone who is not a party of the case',
    event: { type: 'RECORD_CONSENT', partyId: stranger, consent: 'given' },
    refusedBy: ['partyIsKnown'],
  },
  {
    state: 'peoples.registered',
    title: 'RECORD_CONSENT of a refusal by someone who is not a party does not end the case',
    event: { type: 'RECORD_CONSENT', partyId: stranger, consent: 'refused' },
    refusedBy: ['partyIsKnown'],
  },
  {
    state: 'peoples.registered (consented, rights notified)',
    title: 'NOTIFY_RIGHTS refused once the rights notice was served',
    event: { type: 'NOTIFY_RIGHTS' },
    refusedBy: ['rightsNotYetNotified'],
  },
  {
    state: 'peoples.registered',
    title: 'TERMINATE refused at the demand of someone who is not a party',
    event: { type: 'TERMINATE', partyId: stranger },
    refusedBy: ['terminatingPartyIsKnown'],
  },
  ...escalationRefusals('peoples.registered'),
  {
    state: 'peoples.registered (escalated to the township committee)',
    title: 'ESCALATE refused to a township committee, which has no committee above it',
    event: { type: 'ESCALATE', targetUnitCode: units.townshipCommittee.code, reason: '再次提交' },
    refusedBy: ['handledByVillageCommittee'],
  },
  ...referralRefusals('peoples.registered', true),

  // peoples.mediating
  ...escalationRefusals('peoples.mediating'),
  {
    state: 'peoples.mediating',
    title: 'EXTEND refused without the consent of every party',
    event: { type: 'EXTEND', consentingPartyIds: [applicant.id] },
    refusedBy: ['extensionConsentedByAll'],
  },
  {
    state: 'peoples.mediating',
    title: 'EXTEND refused when the consenting ids are not the parties',
    event: { type: 'EXTEND', consentingPartyIds: [applicant.id, stranger] },
    refusedBy: ['extensionConsentedByAll'],
  },
  {
    state: 'peoples.mediating (extended once)',
    title: 'EXTEND refused a second time (at most once by default)',
    event: { type: 'EXTEND', consentingPartyIds: [applicant.id, respondent.id] },
    refusedBy: ['extensionsLeft'],
  },
  {
    state: 'peoples.mediating (extended once)',
    title: 'EXTEND refused a second time, and without every consent',
    event: { type: 'EXTEND', consentingPartyIds: [] },
    refusedBy: ['extensionsLeft', 'extensionConsentedByAll'],
  },
  {
    state: 'peoples.mediating',
    title: 'REACH_AGREEMENT refused as oral when it creates civil rights or obligations',
    event: { ...oral, createsObligations: true },
    refusedBy: ['agreementFormAllowed'],
  },
  {
    state: 'peoples.mediating',
    title: 'REACH_AGREEMENT refused as oral when a party asked for a written agreement',
    event: { ...oral, writtenRequested: true },
    refusedBy: ['agreementFormAllowed'],
  },
  {
    state: 'peoples.mediating',
    title: 'CLOCK_EXPIRED of another clock does not fail people\'s mediation',
    event: { type: 'CLOCK_EXPIRED', clock: 'court-referral' },
    refusedBy: ['peoplesClock'],
  },
  {
    state: 'peoples.mediating',
    title: 'TERMINATE refused at the demand of someone who is not a party',
    event: { type: 'TERMINATE', partyId: stranger },
    refusedBy: ['terminatingPartyIsKnown'],
  },

  // peoples.signing
  {
    state: 'peoples.signing',
    title: 'SIGN_AGREEMENT refused for someone who is neither a party nor the mediator',
    event: { type: 'SIGN_AGREEMENT', signer: stranger },
    refusedBy: ['signerMayStillSign'],
  },
  {
    state: 'peoples.signing',
    title: 'SIGN_AGREEMENT refused twice for the same signer',
    prep: [sign(applicant.id)],
    event: { type: 'SIGN_AGREEMENT', signer: applicant.id },
    refusedBy: ['signerMayStillSign'],
  },
  {
    state: 'peoples.signing',
    title: 'SEAL_AGREEMENT refused once sealed',
    prep: [seal],
    event: { type: 'SEAL_AGREEMENT' },
    refusedBy: ['agreementNotSealed'],
  },
  {
    state: 'peoples.signing',
    title: "CLOCK_EXPIRED of another clock does not fail people's mediation",
    event: { type: 'CLOCK_EXPIRED', clock: 'court-referral' },
    refusedBy: ['peoplesClock'],
  },
  {
    state: 'peoples.signing',
    title: 'TERMINATE refused at the demand of someone who is not a party',
    event: { type: 'TERMINATE', partyId: stranger },
    refusedBy: ['terminatingPartyIsKnown'],
  },

  // peoples.agreed
  ...(['peoples.agreed (oral)', 'peoples.agreed (written)'] as const).map(
    (state): RefusedRow => ({ state, title: 'CLOSE refused before the follow-up', event: { type: 'CLOSE' }, refusedBy: ['followUpDone'] }),
  ),

  // peoples.failed, guidance.reviewing
  ...failureReasons.flatMap((reason) => referralRefusals(`peoples.failed (${reason})`, true)),
  ...referralRefusals('guidance.reviewing', false),
  {
    state: 'guidance.reviewing',
    title: "RETURN_TO_COMMITTEE refused to another township's committee",
    event: { type: 'RETURN_TO_COMMITTEE', targetUnitCode: units.otherTownshipCommunity.code, note: '请继续调解' },
    refusedBy: ['committeeOfTownship'],
  },
  {
    state: 'guidance.reviewing',
    title: 'RETURN_TO_COMMITTEE refused to a unit that is not a committee',
    event: { type: 'RETURN_TO_COMMITTEE', targetUnitCode: units.police.code, note: '请继续调解' },
    refusedBy: ['committeeOfTownship'],
  },
  ...referralRefusedRows,
  {
    state: 'peoples.mediating',
    title: 'ASSESS_RISK to the level the case already has is refused (nothing to report twice)',
    prep: [{ by: mediatorOf(units.community), event: { type: 'ASSESS_RISK', riskLevel: 'red', reason: '一方扬言报复' } }],
    event: { type: 'ASSESS_RISK', riskLevel: 'red', reason: '仍有报复言论' },
    refusedBy: ['riskLevelChanges'],
  },
];
