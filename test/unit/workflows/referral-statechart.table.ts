// The expectations for court referral, petition referral and judicial confirmation (domain §7–§8),
// spread into ./case-statechart.table.ts so case-statechart.spec.ts checks every state × event of
// them like any other state. See docs/statechart-tests.md for how the tables are read.
import type { DocumentKind } from '../../../workflows/case/documents';
import type { CaseContext, CaseEventType, EventPayload, SegmentOutcome, Track } from '../../../workflows/case/types';
import {
  actors,
  applicant,
  courtFiling,
  respondent,
  systemActor,
  testAt,
  units,
  type Effect,
  type Payload,
  type Step,
} from '../../factories/case-snapshots';
import type { AllowedRow, RefusedRow, StateRow, WrongActor } from './case-statechart.table';

const doc = (kind: DocumentKind): Effect => ({ type: 'issueDocument', params: { kind } });
const caseFileCover = doc('case-file-cover');
const clock = (name: string) => ({ clock: name });
const period = clock('peoples-mediation');
const acceptanceClock = clock('confirmation-acceptance');
const rulingClock = clock('confirmation-ruling');
const segmentEnds = (before: CaseContext, at: string, outcome: SegmentOutcome) => {
  const last = before.segments[before.segments.length - 1];
  return [...before.segments.slice(0, -1), { ...last, endedAt: at, outcome }];
};
const segmentOpens = (before: CaseContext, at: string, track: Track, unitCode: string) => [
  ...before.segments,
  { seq: before.segments.length + 1, track, unitCode, startedAt: at },
];

const court = actors.courtClerk;
const office = actors.justiceOfficer;
const petitionOfficer = actors.petitionOfficer;
const lawyer = actors.lawyer;
const community = actors.communityMediator;
const bothConsent = (by: Step['by']): Step[] => [
  { by, event: { type: 'RECORD_CONSENT', partyId: applicant.id, consent: 'given' } },
  { by, event: { type: 'RECORD_CONSENT', partyId: respondent.id, consent: 'given' } },
];
const apply: EventPayload<'APPLY_FOR_CONFIRMATION'> = {
  type: 'APPLY_FOR_CONFIRMATION',
  courtUnitCode: units.court.code,
  applicantPartyIds: [applicant.id, respondent.id],
  subject: 'civil-rights',
};
const opinion: EventPayload<'RECORD_LEGAL_OPINION'> = {
  type: 'RECORD_LEGAL_OPINION',
  opinion: '借贷事实清楚，建议调解分期偿还。',
  legalAidEligible: true,
};

// ---- states --------------------------------------------------------------------------------------

export const referralStates: Record<string, StateRow> = {
  'court.filing': { rule: 'R-L1', accepts: ['RECORD_CONSENT', 'DEFER_FILING', 'REVIEW_FILING'] },
  'court.filing (applicant consented)': { rule: 'R-L1', accepts: ['RECORD_CONSENT', 'DEFER_FILING', 'REVIEW_FILING'], variant: true },
  'court.deferred': { rule: 'R-L2', accepts: ['HAND_OVER', 'REVIEW_FILING'] },
  'court.handedOver': { rule: 'R-L2', accepts: ['ACCEPT_REFERRAL', 'RETURN_REFERRAL', 'CLOCK_EXPIRED'] },
  'court.filingReview': { rule: 'R-L4', accepts: ['REGISTER_FILING', 'REJECT_FILING'] },
  'court.filingReview (mediation failed)': { rule: 'R-L4', accepts: ['REGISTER_FILING', 'REJECT_FILING'], variant: true },
  'petition.received': { rule: 'R-V1', accepts: ['RECORD_CONSENT', 'REFER_FOR_MEDIATION', 'ASSIGN_LAWYER', 'RECORD_LEGAL_OPINION'] },
  'petition.received (lawyer assigned)': {
    rule: 'R-V1',
    accepts: ['RECORD_CONSENT', 'REFER_FOR_MEDIATION', 'ASSIGN_LAWYER', 'RECORD_LEGAL_OPINION'],
    variant: true,
  },
  'petition.referred': { rule: 'R-V1', accepts: ['ACCEPT_REFERRAL', 'RETURN_REFERRAL', 'ASSIGN_LAWYER', 'RECORD_LEGAL_OPINION'] },
  'confirmation.applied': { rule: 'R-L6', accepts: ['ACCEPT_CONFIRMATION', 'REFUSE_CONFIRMATION', 'CLOCK_EXPIRED'] },
  'confirmation.reviewing': { rule: 'R-L6', accepts: ['EXTEND_CONFIRMATION', 'RULE_ON_CONFIRMATION', 'CLOCK_EXPIRED'] },
  'confirmation.reviewing (extended)': {
    rule: 'R-L6',
    accepts: ['EXTEND_CONFIRMATION', 'RULE_ON_CONFIRMATION', 'CLOCK_EXPIRED'],
    variant: true,
  },
};

// ---- who may not send --------------------------------------------------------------------------

const clockSweeper: WrongActor = { who: 'the clock sweeper', rule: 'R-S1', actor: (c) => systemActor(c.handlingUnit) };
const courtOnly: WrongActor[] = [
  { who: 'another court', rule: 'R-S1', actor: () => actors.otherCourtClerk },
  { who: 'the justice office', rule: 'R-L1', actor: () => office },
  clockSweeper,
];
const receivingOffice: WrongActor[] = [
  { who: "another township's justice office", rule: 'R-S1', actor: () => actors.otherJusticeOfficer },
  { who: 'a committee of the township', rule: 'R-L2', actor: () => community },
  { who: 'the referrer', rule: 'R-L2', actor: (c) => (c.courtReferral ? court : petitionOfficer) },
  clockSweeper,
];
const resultLetter = (rule: string): WrongActor[] => [
  { who: 'a committee (letters come from the justice office, §10)', rule, actor: () => community },
  { who: "another township's justice office", rule: 'R-S1', actor: () => actors.otherJusticeOfficer },
  { who: 'the court', rule: 'R-S1', actor: () => court },
  clockSweeper,
];
const confirmingCourt: WrongActor[] = [
  { who: 'another court', rule: 'R-S1', actor: () => actors.otherCourtClerk },
  { who: 'the mediating committee', rule: 'R-L6', actor: () => community },
  clockSweeper,
];

export const referralWrongActors: Partial<Record<CaseEventType, WrongActor[]>> = {
  DEFER_FILING: courtOnly,
  HAND_OVER: courtOnly,
  REVIEW_FILING: courtOnly,
  REGISTER_FILING: courtOnly,
  REJECT_FILING: courtOnly,
  REFER_FOR_MEDIATION: [
    { who: 'another petition office', rule: 'R-S1', actor: () => actors.otherPetitionOfficer },
    { who: 'the justice office', rule: 'R-V1', actor: () => office },
    clockSweeper,
  ],
  ACCEPT_REFERRAL: receivingOffice,
  RETURN_REFERRAL: receivingOffice,
  REPORT_COURT_RESULT: resultLetter('R-L4'),
  SEND_PETITION_FEEDBACK: resultLetter('R-V3'),
  ASSIGN_LAWYER: [
    { who: 'the lawyer', rule: 'R-V2', actor: () => lawyer },
    { who: 'another petition office', rule: 'R-S1', actor: () => actors.otherPetitionOfficer },
    clockSweeper,
  ],
  RECORD_LEGAL_OPINION: [
    { who: 'a lawyer of another firm', rule: 'R-V2', actor: () => actors.otherLawyer },
    { who: 'the petition office', rule: 'R-V2', actor: () => petitionOfficer },
    clockSweeper,
  ],
  APPLY_FOR_CONFIRMATION: [
    { who: "another township's justice office", rule: 'R-S1', actor: () => actors.otherJusticeOfficer },
    { who: 'another court', rule: 'R-L6', actor: () => actors.otherCourtClerk },
    clockSweeper,
  ],
  ACCEPT_CONFIRMATION: confirmingCourt,
  REFUSE_CONFIRMATION: confirmingCourt,
  EXTEND_CONFIRMATION: confirmingCourt,
  RULE_ON_CONFIRMATION: confirmingCourt,
};

export const referralSamplePayloads: Partial<Record<CaseEventType, Payload>> = {
  DEFER_FILING: { type: 'DEFER_FILING' },
  HAND_OVER: { type: 'HAND_OVER', targetUnitCode: units.justiceOffice.code, basis: 'dispute-place' },
  REVIEW_FILING: { type: 'REVIEW_FILING' },
  REGISTER_FILING: { type: 'REGISTER_FILING' },
  REJECT_FILING: { type: 'REJECT_FILING', note: '不符合起诉条件' },
  REFER_FOR_MEDIATION: { type: 'REFER_FOR_MEDIATION', targetUnitCode: units.justiceOffice.code },
  ASSIGN_LAWYER: { type: 'ASSIGN_LAWYER', lawyerUnitCode: units.lawFirm.code, lawyerName: '王敏', role: 'advice' },
  RECORD_LEGAL_OPINION: opinion,
  ACCEPT_REFERRAL: { type: 'ACCEPT_REFERRAL' },
  RETURN_REFERRAL: { type: 'RETURN_REFERRAL', note: '不属于本辖区' },
  REPORT_COURT_RESULT: { type: 'REPORT_COURT_RESULT' },
  SEND_PETITION_FEEDBACK: { type: 'SEND_PETITION_FEEDBACK' },
  APPLY_FOR_CONFIRMATION: apply,
  ACCEPT_CONFIRMATION: { type: 'ACCEPT_CONFIRMATION', courtCaseNo: '(2026)冀0606民特5号' },
  REFUSE_CONFIRMATION: { type: 'REFUSE_CONFIRMATION', reason: '不属于本院管辖' },
  EXTEND_CONFIRMATION: { type: 'EXTEND_CONFIRMATION', approvedBy: '院长 赵明' },
  RULE_ON_CONFIRMATION: { type: 'RULE_ON_CONFIRMATION', confirmed: true, rulingNo: '(2026)冀0606民特5号' },
};

// ---- accepted events ---------------------------------------------------------------------------

const reviewFiling = (state: string): AllowedRow => ({
  state,
  rule: 'R-L4',
  title: 'REVIEW_FILING sends the filing the ordinary way (立案审查)',
  event: { type: 'REVIEW_FILING', note: '不适宜调解' },
  next: 'court.filingReview',
  context: (_b, at) => ({ courtReferral: { filing: 'review', review: { at, reason: 'court-decision', note: '不适宜调解' } } }),
  effects: [],
});

/** ACCEPT_REFERRAL by the office: registration, a people's segment, the referrer's consents stand. */
const acceptRows = (state: string, referral: 'courtReferral' | 'petitionReferral', rule: string): AllowedRow[] => [
  {
    state,
    rule,
    title: 'ACCEPT_REFERRAL: the office mediates itself; registration opens its people\'s segment',
    event: { type: 'ACCEPT_REFERRAL' },
    next: 'peoples.registered',
    context: (b, at) => ({
      handlingUnit: units.justiceOffice,
      acceptedAt: at,
      consents: b.consents,
      [referral]: { acknowledgedAt: at, mediatingUnit: units.justiceOffice },
      segments: segmentOpens(b, at, 'peoples', units.justiceOffice.code),
    }),
    effects: [doc('registration-form')],
  },
  {
    state,
    rule: 'R-L2',
    title: 'ACCEPT_REFERRAL assigning a committee of the township hands the case to it',
    event: { type: 'ACCEPT_REFERRAL', targetUnitCode: units.community.code },
    next: 'peoples.registered',
    context: (b, at) => ({
      handlingUnit: units.community,
      [referral]: { acknowledgedAt: at, mediatingUnit: units.community },
      segments: segmentOpens(b, at, 'peoples', units.community.code),
    }),
    effects: [doc('registration-form')],
  },
];

export const referralAllowedRows: AllowedRow[] = [
  // court.filing
  {
    state: 'court.filing',
    rule: 'R-L1',
    title: "RECORD_CONSENT records a party's consent to mediation before filing",
    event: { type: 'RECORD_CONSENT', partyId: applicant.id, consent: 'given' },
    next: 'court.filing',
    context: () => ({ consents: { [applicant.id]: 'given' } }),
    effects: [],
  },
  {
    state: 'court.filing',
    rule: 'R-L1',
    title: 'RECORD_CONSENT of a refusal: no deferral, the filing goes to review',
    event: { type: 'RECORD_CONSENT', partyId: respondent.id, consent: 'refused' },
    next: 'court.filingReview',
    context: (_b, at) => ({ consents: { [respondent.id]: 'refused' }, courtReferral: { filing: 'review', review: { at, reason: 'consent-refused' } } }),
    effects: [],
  },
  {
    state: 'court.filing',
    rule: 'R-L1',
    title: 'DEFER_FILING with both consents defers the filing and issues the 劝导书',
    prep: bothConsent(court),
    event: { type: 'DEFER_FILING' },
    next: 'court.deferred',
    context: (_b, at) => ({
      courtReferral: { filing: 'deferred', deferredAt: at, consents: { [applicant.id]: 'given', [respondent.id]: 'given' } },
    }),
    effects: [doc('persuasion-letter')],
  },
  reviewFiling('court.filing'),

  // court.deferred
  {
    state: 'court.deferred',
    rule: 'R-L2',
    title: "HAND_OVER to the justice office of a party's residence starts the 30 days from hand-over (R-L3)",
    event: { type: 'HAND_OVER', targetUnitCode: units.justiceOffice.code, basis: 'residence', partyId: applicant.id },
    next: 'court.handedOver',
    context: (_b, at) => ({
      handlingUnit: units.justiceOffice,
      courtReferral: {
        handedOverAt: at,
        handedTo: units.justiceOffice,
        handOverBasis: { kind: 'residence', partyId: applicant.id, divisionCode: '130606002001' },
      },
    }),
    effects: [{ type: 'startClock', params: { ...period, from: testAt, days: 30, dayKind: 'calendar' } }],
  },
  {
    state: 'court.deferred',
    rule: 'R-L2',
    title: 'HAND_OVER to the justice office of the place where the dispute arose',
    event: { type: 'HAND_OVER', targetUnitCode: units.justiceOffice.code, basis: 'dispute-place' },
    next: 'court.handedOver',
    context: () => ({ courtReferral: { handOverBasis: { kind: 'dispute-place', divisionCode: courtFiling.disputePlace.divisionCode } } }),
    effects: [{ type: 'startClock', params: { ...period, from: testAt, days: 30, dayKind: 'calendar' } }],
  },
  reviewFiling('court.deferred'),

  // court.handedOver
  ...acceptRows('court.handedOver', 'courtReferral', 'R-L2'),
  {
    state: 'court.handedOver',
    rule: 'R-L2',
    title: 'RETURN_REFERRAL with a reason gives the dispute back to the court and stops the period',
    event: { type: 'RETURN_REFERRAL', note: '当事人不在本辖区居住' },
    next: 'court.deferred',
    context: (_b, at) => ({
      handlingUnit: units.court,
      courtReferral: { filing: 'deferred', returns: [{ by: units.justiceOffice, at, note: '当事人不在本辖区居住' }] },
    }),
    effects: [{ type: 'stopClock', params: period }],
  },
  {
    state: 'court.handedOver',
    rule: 'R-L3',
    title: 'CLOCK_EXPIRED before the office took the dispute up returns it to the court for review',
    by: 'system',
    event: { type: 'CLOCK_EXPIRED', clock: 'peoples-mediation' },
    next: 'court.filingReview',
    context: (_b, at) => ({ handlingUnit: units.court, courtReferral: { filing: 'review', review: { at, reason: 'not-acknowledged' } } }),
    effects: [],
  },

  // court.filingReview
  {
    state: 'court.filingReview',
    rule: 'R-L4',
    title: "REGISTER_FILING (立案) starts the court's judicial segment",
    event: { type: 'REGISTER_FILING' },
    next: 'judicial.accepted',
    context: (b, at) => ({
      courtReferral: { filing: 'registered', decision: { at, registered: true } },
      segments: segmentOpens(b, at, 'judicial', units.court.code),
    }),
    effects: [],
  },
  {
    state: 'court.filingReview',
    rule: 'R-L4',
    title: 'REJECT_FILING (不予立案) closes the case',
    event: { type: 'REJECT_FILING', note: '不符合起诉条件' },
    next: 'closed',
    context: (_b, at) => ({ outcome: 'filing-rejected', courtReferral: { filing: 'rejected', decision: { at, registered: false, note: '不符合起诉条件' } } }),
    effects: [caseFileCover],
  },

  // people's mediation of a court-referred case
  {
    state: 'peoples.registered (court referral)',
    rule: 'R-L3',
    title: 'START_MEDIATION starts no second clock: the period runs from hand-over',
    prep: [{ by: office, event: { type: 'NOTIFY_RIGHTS' } }],
    event: { type: 'START_MEDIATION' },
    next: 'peoples.mediating',
    effects: [],
  },
  {
    state: 'peoples.registered (court referral)',
    rule: 'R-L3',
    title: 'CLOCK_EXPIRED before mediation starts: mediation failed, expired',
    by: 'system',
    event: { type: 'CLOCK_EXPIRED', clock: 'peoples-mediation' },
    next: 'peoples.failed',
    context: (b, at) => ({ failure: { reason: 'expired', at }, segments: segmentEnds(b, at, 'expired') }),
    effects: [],
  },
  {
    state: 'peoples.registered (court referral)',
    rule: 'R-L4',
    title: 'RECORD_CONSENT of a refusal fails the mediation (the court still gets a letter) and stops the period',
    event: { type: 'RECORD_CONSENT', partyId: respondent.id, consent: 'refused' },
    next: 'peoples.failed',
    context: (b, at) => ({ failure: { reason: 'refused', at }, segments: segmentEnds(b, at, 'refused') }),
    effects: [{ type: 'stopClock', params: period }, doc('termination')],
  },
  {
    state: 'peoples.registered (court referral)',
    rule: 'R-L3',
    title: 'TERMINATE before mediation stops the period that runs since hand-over',
    event: { type: 'TERMINATE', partyId: respondent.id },
    next: 'peoples.failed',
    context: (b, at) => ({ failure: { reason: 'terminated', at }, segments: segmentEnds(b, at, 'terminated') }),
    effects: [{ type: 'stopClock', params: period }, doc('termination')],
  },
  {
    state: 'peoples.agreed (court referral)',
    rule: 'R-L4',
    title: 'REPORT_COURT_RESULT sends the 调解结果告知函 with the agreement; the deferred filing is closed',
    event: { type: 'REPORT_COURT_RESULT' },
    next: 'peoples.agreed',
    context: (b, at) => ({
      courtReferral: {
        filing: 'closed',
        result: { outcome: 'agreement', at, reportedBy: units.justiceOffice, mediatingUnit: units.justiceOffice, agreement: b.agreement },
      },
    }),
    effects: [doc('court-result-letter')],
  },
  {
    state: 'peoples.agreed (court referral, result reported)',
    rule: 'R-L6',
    title: 'APPLY_FOR_CONFIRMATION to the referring court',
    event: apply,
    next: 'confirmation.applied',
    context: (_b, at) => ({ handlingUnit: units.court, judicialConfirmation: { court: units.court, appliedAt: at, mediatingUnit: units.justiceOffice } }),
    effects: [{ type: 'startClock', params: { ...acceptanceClock, from: testAt, days: 3, dayKind: 'calendar' } }],
  },
  {
    state: 'peoples.failed (court referral)',
    rule: 'R-L4',
    title: 'REPORT_COURT_RESULT of a failure returns the case to the court for 立案审查',
    event: { type: 'REPORT_COURT_RESULT', note: '调解不成' },
    next: 'court.filingReview',
    context: (_b, at) => ({
      handlingUnit: units.court,
      courtReferral: {
        filing: 'review',
        result: { outcome: 'no-agreement', at, reportedBy: units.justiceOffice, mediatingUnit: units.justiceOffice, note: '调解不成' },
        review: { at, reason: 'mediation-failed', note: '调解不成' },
      },
    }),
    effects: [doc('court-result-letter')],
  },

  // petition.received, petition.referred
  {
    state: 'petition.received',
    rule: 'R-V1',
    title: "RECORD_CONSENT records a party's consent to referral",
    event: { type: 'RECORD_CONSENT', partyId: applicant.id, consent: 'given' },
    next: 'petition.received',
    context: () => ({ consents: { [applicant.id]: 'given' } }),
    effects: [],
  },
  {
    state: 'petition.received',
    rule: 'R-V1',
    title: 'RECORD_CONSENT of a refusal leaves the petition with the petition office',
    event: { type: 'RECORD_CONSENT', partyId: respondent.id, consent: 'refused' },
    next: 'closed',
    context: () => ({ outcome: 'refused', segments: [] }),
    effects: [caseFileCover],
  },
  {
    state: 'petition.received',
    rule: 'R-V1',
    title: "REFER_FOR_MEDIATION with both consents hands the dispute to a justice office of the office's county",
    prep: bothConsent(petitionOfficer),
    event: { type: 'REFER_FOR_MEDIATION', targetUnitCode: units.justiceOffice.code },
    next: 'petition.referred',
    context: (_b, at) => ({ handlingUnit: units.justiceOffice, petitionReferral: { referredAt: at, referredTo: units.justiceOffice } }),
    effects: [],
  },
  {
    state: 'petition.received',
    rule: 'R-V2',
    title: 'ASSIGN_LAWYER records the lawyer, the firm and the role',
    event: { type: 'ASSIGN_LAWYER', lawyerUnitCode: units.lawFirm.code, lawyerName: '王敏', role: 'reception' },
    next: 'petition.received',
    context: (_b, at) => ({
      petitionReferral: { lawyer: { unit: units.lawFirm, name: '王敏', role: 'reception', assignedAt: at, assignedBy: units.petitionOffice } },
    }),
    effects: [],
  },
  {
    state: 'petition.received',
    rule: 'R-V2',
    title: 'RECORD_LEGAL_OPINION by the assigned lawyer, with the legal-aid finding',
    prep: [{ by: petitionOfficer, event: { type: 'ASSIGN_LAWYER', lawyerUnitCode: units.lawFirm.code, lawyerName: '王敏', role: 'advice' } }],
    by: lawyer,
    event: opinion,
    next: 'petition.received',
    context: (_b, at) => ({
      petitionReferral: { opinion: { text: opinion.opinion, at, by: units.lawFirm.code }, legalAid: { eligible: true, at } },
    }),
    effects: [],
  },
  ...acceptRows('petition.referred', 'petitionReferral', 'R-V1'),
  {
    state: 'petition.referred',
    rule: 'R-V1',
    title: 'RETURN_REFERRAL with a reason gives the petition back to the petition office',
    event: { type: 'RETURN_REFERRAL', note: '不属于民间纠纷' },
    next: 'petition.received',
    context: (_b, at) => ({ handlingUnit: units.petitionOffice, petitionReferral: { returns: [{ by: units.justiceOffice, at, note: '不属于民间纠纷' }] } }),
    effects: [],
  },
  {
    state: 'petition.referred',
    rule: 'R-V2',
    title: 'ASSIGN_LAWYER by the justice office that now holds the referral',
    event: { type: 'ASSIGN_LAWYER', lawyerUnitCode: units.lawFirm.code, lawyerName: '李强', role: 'agent' },
    next: 'petition.referred',
    context: () => ({ petitionReferral: { lawyer: { name: '李强', role: 'agent', assignedBy: units.justiceOffice } } }),
    effects: [],
  },
  {
    state: 'petition.referred',
    rule: 'R-V2',
    title: 'RECORD_LEGAL_OPINION while the justice office decides',
    by: lawyer,
    event: { ...opinion, legalAidEligible: false, legalAidNote: '家庭收入超过标准' },
    next: 'petition.referred',
    context: () => ({ petitionReferral: { legalAid: { eligible: false, note: '家庭收入超过标准' } } }),
    effects: [],
  },
  {
    state: 'peoples.agreed (petition referral)',
    rule: 'R-V3',
    title: 'SEND_PETITION_FEEDBACK of the agreement issues the 访调结果反馈函',
    event: { type: 'SEND_PETITION_FEEDBACK' },
    next: 'peoples.agreed',
    context: (b, at) => ({ petitionReferral: { feedback: { outcome: 'agreement', at, reportedBy: units.justiceOffice, agreement: b.agreement } } }),
    effects: [doc('petition-feedback')],
  },
  {
    state: 'peoples.failed (petition referral)',
    rule: 'R-V3',
    title: 'SEND_PETITION_FEEDBACK of a failure returns the matter to the petition office',
    event: { type: 'SEND_PETITION_FEEDBACK', note: '双方分歧较大' },
    next: 'closed',
    context: (_b, at) => ({ outcome: 'returned-to-petition-office', petitionReferral: { feedback: { outcome: 'no-agreement', at, note: '双方分歧较大' } } }),
    effects: [doc('petition-feedback'), caseFileCover],
  },

  // judicial confirmation
  {
    state: 'peoples.agreed (written, within the confirmation window)',
    rule: 'R-L6',
    title: 'APPLY_FOR_CONFIRMATION jointly, to the basic court where the committee sits; the court has 3 days',
    event: apply,
    next: 'confirmation.applied',
    context: (_b, at) => ({
      handlingUnit: units.court,
      judicialConfirmation: {
        court: units.court,
        appliedAt: at,
        applicantPartyIds: [applicant.id, respondent.id],
        subject: 'civil-rights',
        mediatingUnit: units.community,
      },
    }),
    effects: [{ type: 'startClock', params: { ...acceptanceClock, from: testAt, days: 3, dayKind: 'calendar' } }],
  },
  {
    state: 'confirmation.applied',
    rule: 'R-L6',
    title: 'ACCEPT_CONFIRMATION starts the 15-day ruling period',
    event: { type: 'ACCEPT_CONFIRMATION', courtCaseNo: '(2026)冀0606民特5号' },
    next: 'confirmation.reviewing',
    context: (_b, at) => ({ judicialConfirmation: { acceptedAt: at, courtCaseNo: '(2026)冀0606民特5号' } }),
    effects: [
      { type: 'stopClock', params: acceptanceClock },
      { type: 'startClock', params: { ...rulingClock, from: testAt, days: 15, dayKind: 'calendar' } },
    ],
  },
  {
    state: 'confirmation.applied',
    rule: 'R-L6',
    title: 'REFUSE_CONFIRMATION (不予受理) returns the case to its mediator',
    event: { type: 'REFUSE_CONFIRMATION', reason: '不属于本院管辖' },
    next: 'peoples.agreed',
    context: (_b, at) => ({ handlingUnit: units.community, judicialConfirmation: { decision: { outcome: 'not-accepted', at, reason: '不属于本院管辖' } } }),
    effects: [{ type: 'stopClock', params: acceptanceClock }],
  },
  {
    state: 'confirmation.applied',
    rule: 'R-D3',
    title: 'CLOCK_EXPIRED of the acceptance period is recorded; the application stays with the court',
    by: 'system',
    event: { type: 'CLOCK_EXPIRED', clock: 'confirmation-acceptance' },
    next: 'confirmation.applied',
    context: () => ({ handlingUnit: units.court, judicialConfirmation: { overdue: ['confirmation-acceptance'] } }),
    effects: [],
  },
  {
    state: 'confirmation.applied',
    rule: 'R-L6',
    title: 'CLOCK_EXPIRED of the parties’ window while the court decides closes the window; the application stands',
    by: 'system',
    event: { type: 'CLOCK_EXPIRED', clock: 'confirmation-window' },
    next: 'confirmation.applied',
    context: (b) => ({ handlingUnit: units.court, judicialConfirmation: b.judicialConfirmation, agreement: { confirmationWindow: 'closed' } }),
    effects: [],
  },
  {
    state: 'confirmation.reviewing',
    rule: 'R-L6',
    title: "EXTEND_CONFIRMATION with the president's approval adds 10 days, once",
    event: { type: 'EXTEND_CONFIRMATION', approvedBy: '院长 赵明' },
    next: 'confirmation.reviewing',
    context: (_b, at) => ({ judicialConfirmation: { extension: { days: 10, approvedBy: '院长 赵明', at } } }),
    effects: [{ type: 'extendClock', params: { ...rulingClock, days: 10 } }],
  },
  {
    state: 'confirmation.reviewing',
    rule: 'R-L6',
    title: 'RULE_ON_CONFIRMATION confirming the agreement returns the case to its mediator',
    event: { type: 'RULE_ON_CONFIRMATION', confirmed: true, rulingNo: '(2026)冀0606民特5号' },
    next: 'peoples.agreed',
    context: (_b, at) => ({
      handlingUnit: units.community,
      judicialConfirmation: { decision: { outcome: 'confirmed', at, rulingNo: '(2026)冀0606民特5号' } },
    }),
    effects: [{ type: 'stopClock', params: rulingClock }, { type: 'stopClock', params: { clock: 'confirmation-window' } }],
  },
  {
    state: 'confirmation.reviewing',
    rule: 'R-L6',
    title: 'RULE_ON_CONFIRMATION not confirming records the reason',
    event: { type: 'RULE_ON_CONFIRMATION', confirmed: false, rulingNo: '(2026)冀0606民特6号', reason: '协议内容违反法律强制性规定' },
    next: 'peoples.agreed',
    context: () => ({ judicialConfirmation: { decision: { outcome: 'not-confirmed', reason: '协议内容违反法律强制性规定' } } }),
    effects: [{ type: 'stopClock', params: rulingClock }, { type: 'stopClock', params: { clock: 'confirmation-window' } }],
  },
  {
    state: 'confirmation.reviewing',
    rule: 'R-D3',
    title: 'CLOCK_EXPIRED of the ruling period is recorded; the court still rules',
    by: 'system',
    event: { type: 'CLOCK_EXPIRED', clock: 'confirmation-ruling' },
    next: 'confirmation.reviewing',
    context: () => ({ judicialConfirmation: { overdue: ['confirmation-ruling'] } }),
    effects: [],
  },
];

// ---- refused payloads --------------------------------------------------------------------------

const stranger = 'party-wang';
const agreedStates = ['peoples.agreed (oral)', 'peoples.agreed (written)'] as const;
const failedStates = ['peoples.failed (terminated)', 'peoples.failed (expired)', 'peoples.failed (no-agreement)'] as const;

export const referralRefusedRows: RefusedRow[] = [
  // what an ordinary people's-mediation case refuses
  {
    state: 'peoples.registered',
    title: 'CLOCK_EXPIRED refused before mediation of a case no court referred (no period runs yet)',
    event: { type: 'CLOCK_EXPIRED', clock: 'peoples-mediation' },
    refusedBy: ['periodRunsFromHandOver'],
  },
  ...[...agreedStates, ...failedStates].flatMap((state): RefusedRow[] => [
    { state, title: 'REPORT_COURT_RESULT refused: no court referred the case', event: { type: 'REPORT_COURT_RESULT' }, refusedBy: ['courtResultPending'] },
    {
      state,
      title: 'SEND_PETITION_FEEDBACK refused: no petition office referred the case',
      event: { type: 'SEND_PETITION_FEEDBACK' },
      refusedBy: ['petitionFeedbackPending'],
    },
  ]),
  ...agreedStates.flatMap((state): RefusedRow[] => [
    {
      state,
      title: 'APPLY_FOR_CONFIRMATION refused once the clock of the 30-day window ran out',
      prep: [{ by: 'system', event: { type: 'CLOCK_EXPIRED', clock: 'confirmation-window' } }],
      event: apply,
      refusedBy: ['confirmationWithinWindow'],
    },
    {
      state,
      title: 'CLOCK_EXPIRED of the mediation period is refused once the agreement took effect',
      event: { type: 'CLOCK_EXPIRED', clock: 'peoples-mediation' },
      refusedBy: ['confirmationWindowClock'],
    },
  ]),

  // court
  {
    state: 'court.filing',
    title: 'DEFER_FILING refused before any consent',
    event: { type: 'DEFER_FILING' },
    refusedBy: ['allPartiesConsentedToDeferral'],
  },
  {
    state: 'court.filing (applicant consented)',
    title: 'DEFER_FILING refused with one consent only',
    event: { type: 'DEFER_FILING' },
    refusedBy: ['allPartiesConsentedToDeferral'],
  },
  {
    state: 'court.filing',
    title: 'RECORD_CONSENT refused for someone who is not a party',
    event: { type: 'RECORD_CONSENT', partyId: stranger, consent: 'given' },
    refusedBy: ['partyIsKnown'],
  },
  {
    state: 'court.deferred',
    title: "HAND_OVER refused to a justice office of neither a party's residence nor the dispute's place",
    event: { type: 'HAND_OVER', targetUnitCode: units.otherJusticeOffice.code, basis: 'dispute-place' },
    refusedBy: ['handOverPlaceMatches'],
  },
  {
    state: 'court.deferred',
    title: 'HAND_OVER refused on the residence of someone who is not a party',
    event: { type: 'HAND_OVER', targetUnitCode: units.justiceOffice.code, basis: 'residence', partyId: stranger },
    refusedBy: ['handOverPlaceMatches'],
  },
  {
    state: 'court.deferred',
    title: 'HAND_OVER refused to a committee: referrals go to the justice office',
    event: { type: 'HAND_OVER', targetUnitCode: units.townshipCommittee.code, basis: 'dispute-place' },
    refusedBy: ['handOverToJusticeOffice'],
  },
  {
    state: 'court.handedOver',
    title: "ACCEPT_REFERRAL refused when it assigns another township's committee",
    event: { type: 'ACCEPT_REFERRAL', targetUnitCode: units.otherTownshipCommunity.code },
    refusedBy: ['committeeOfOffice'],
  },
  {
    state: 'court.handedOver',
    title: 'CLOCK_EXPIRED of another clock is refused',
    event: { type: 'CLOCK_EXPIRED', clock: 'confirmation-ruling' },
    refusedBy: ['referralPeriodClock'],
  },
  {
    state: 'peoples.agreed (court referral)',
    title: 'CLOSE refused until the court has its result letter, even after the follow-up',
    prep: [{ by: office, event: { type: 'RECORD_FOLLOW_UP', performance: 'performed', note: '已履行' } }],
    event: { type: 'CLOSE' },
    refusedBy: ['referrerInformed'],
  },
  {
    state: 'peoples.agreed (court referral)',
    title: 'APPLY_FOR_CONFIRMATION refused to a court other than the referring one',
    event: { ...apply, courtUnitCode: units.otherCourt.code },
    refusedBy: ['confirmationCourtCompetent'],
  },
  {
    state: 'peoples.agreed (court referral, result reported)',
    title: 'REPORT_COURT_RESULT refused a second time',
    event: { type: 'REPORT_COURT_RESULT' },
    refusedBy: ['courtResultPending'],
  },
  {
    state: 'peoples.failed (court referral)',
    title: 'ISSUE_GUIDANCE refused: a court-referred case goes back to the court',
    event: { type: 'ISSUE_GUIDANCE', route: 'litigation', targetUnitCode: units.court.code },
    refusedBy: ['referrerInformed'],
  },

  // petition
  {
    state: 'petition.received',
    title: 'REFER_FOR_MEDIATION refused before both parties consented',
    event: { type: 'REFER_FOR_MEDIATION', targetUnitCode: units.justiceOffice.code },
    refusedBy: ['allPartiesConsentedToReferral'],
  },
  {
    state: 'petition.received',
    title: 'REFER_FOR_MEDIATION refused to a unit that is not a justice office',
    prep: bothConsent(petitionOfficer),
    event: { type: 'REFER_FOR_MEDIATION', targetUnitCode: units.court.code },
    refusedBy: ['justiceOfficeOfPetitionOffice'],
  },
  {
    state: 'petition.received',
    title: 'ASSIGN_LAWYER refused to a unit that is not a law firm',
    event: { type: 'ASSIGN_LAWYER', lawyerUnitCode: units.countyBureau.code, lawyerName: '王敏', role: 'advice' },
    refusedBy: ['lawyerFromLawFirm'],
  },
  {
    state: 'petition.referred',
    title: "ACCEPT_REFERRAL refused when it assigns another township's committee",
    event: { type: 'ACCEPT_REFERRAL', targetUnitCode: units.otherTownshipCommittee.code },
    refusedBy: ['committeeOfOffice'],
  },
  {
    state: 'peoples.failed (petition referral)',
    title: 'REFER_TO_JUSTICE_OFFICE is not how a referred case ends: ISSUE_GUIDANCE refused before the feedback',
    event: { type: 'ISSUE_GUIDANCE', route: 'legal-aid' },
    refusedBy: ['referrerInformed'],
  },

  // judicial confirmation
  ...(
    [
      ['APPLY_FOR_CONFIRMATION refused for an agreement on marriage', { subject: 'marriage' }, 'confirmableSubject'],
      ['APPLY_FOR_CONFIRMATION refused for an agreement on adoption', { subject: 'adoption' }, 'confirmableSubject'],
      ['APPLY_FOR_CONFIRMATION refused for an agreement on identity', { subject: 'identity' }, 'confirmableSubject'],
      ['APPLY_FOR_CONFIRMATION refused unless both parties apply', { applicantPartyIds: [applicant.id] }, 'confirmationJointlyApplied'],
      ['APPLY_FOR_CONFIRMATION refused to the court of another county', { courtUnitCode: units.otherCourt.code }, 'confirmationCourtCompetent'],
      ['APPLY_FOR_CONFIRMATION refused to a unit that is not a court', { courtUnitCode: units.justiceOffice.code }, 'confirmationCourtCompetent'],
    ] as const
  ).map(
    ([title, change, rule]): RefusedRow => ({
      state: 'peoples.agreed (written, within the confirmation window)',
      title,
      event: { ...apply, ...change } as Payload,
      refusedBy: [rule],
    }),
  ),
  {
    state: 'peoples.agreed (written, within the confirmation window)',
    title: 'APPLY_FOR_CONFIRMATION refused again once the court has ruled',
    prep: [
      { by: community, event: apply },
      { by: court, event: { type: 'ACCEPT_CONFIRMATION', courtCaseNo: '(2026)冀0606民特5号' } },
      { by: court, event: { type: 'RULE_ON_CONFIRMATION', confirmed: true, rulingNo: '(2026)冀0606民特5号' } },
    ],
    event: apply,
    refusedBy: ['noConfirmationPending'],
  },
  {
    state: 'confirmation.applied',
    title: 'CLOCK_EXPIRED of a clock that is neither the court’s nor the parties’ window is refused',
    event: { type: 'CLOCK_EXPIRED', clock: 'peoples-mediation' },
    refusedBy: ['confirmationClock', 'confirmationWindowClock'],
  },
  {
    state: 'confirmation.reviewing (extended)',
    title: 'EXTEND_CONFIRMATION refused a second time',
    event: { type: 'EXTEND_CONFIRMATION', approvedBy: '院长 赵明' },
    refusedBy: ['confirmationNotExtended'],
  },
];
