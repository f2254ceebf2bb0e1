// Vocabulary of the case statechart. Pure types: the Nest app maps its rows onto these.

// LF: a law firm 律师事务所, whose lawyers are assigned to petition referrals (R-V2).
export type UnitKind = 'MC' | 'JO' | 'JB' | 'CT' | 'PO' | 'AG' | 'CG' | 'LF';
export type Tier = 'village' | 'township' | 'county' | 'city';
export type Track = 'peoples' | 'administrative' | 'judicial';

/** A unit as the statechart needs to see it (resolved by the engine from its code). */
export interface UnitRef {
  code: string;
  name: string;
  kind: UnitKind;
  tier: Tier;
  divisionCode: string;
}

export type Role =
  | 'village-mediator'
  | 'township-mediator'
  | 'justice-officer'
  | 'court-clerk'
  | 'agency-mediator'
  | 'petition-officer'
  | 'lawyer'
  | 'county-statistician'
  | 'city-bureau'
  | 'governance-officer'
  | 'system-admin'
  | 'security-admin'
  | 'audit-admin'
  | 'system';

/** Who sends an event; filled in by the engine from the authenticated user, never by the client. */
export interface Actor {
  username: string;
  unit: UnitRef;
  roles: Role[];
}

export type Consent = 'given' | 'refused';

export interface PartyRef {
  id: string;
  name: string;
}

export interface Segment {
  seq: number;
  track: Track;
  unitCode: string;
  startedAt: string;
  endedAt?: string;
  outcome?: SegmentOutcome;
}

export type SegmentOutcome =
  | 'agreement'
  | 'failed'
  | 'refused'
  | 'terminated'
  | 'expired'
  | 'escalated'
  | 'referred'
  | 'out-of-scope'
  | 'returned'
  | 'declined'
  | 'mediation-statement'
  | 'judgment';

export type FailureReason = 'refused' | 'terminated' | 'expired' | 'no-agreement' | 'out-of-scope';

export type GuidanceRoute = 'administrative' | 'judicial' | 'litigation' | 'arbitration' | 'legal-aid';

export interface Agreement {
  form: 'written' | 'oral';
  terms: string;
  performanceMethod: string;
  performancePlace?: string;
  performanceDeadline?: string;
  amountFen?: number;
  reachedAt: string;
  signatures: string[];
  sealed: boolean;
  effectiveAt?: string;
  /**
   * R-L6 with R-D4: the application window is a legal clock (`confirmation-window`) started when the
   * agreement takes effect; its expiry closes the window. Unset on agreements made before the
   * window was a clock: their window is counted from `effectiveAt` without holiday roll-over.
   */
  confirmationWindow?: 'open' | 'closed';
}

export interface FollowUp {
  at: string;
  performance: 'performed' | 'partial' | 'not-performed';
  note: string;
}

export interface Guidance {
  route: GuidanceRoute;
  target?: UnitRef;
  issuedBy: UnitRef;
  reason: FailureReason;
  at: string;
}

/** Legal-clock policy captured at intake, so a later config change never rewrites a running case (R-P6). */
export interface MediationPolicy {
  days: number;
  dayKind: 'calendar' | 'working';
  maxExtensions: number;
  extensionDays: number;
}

export type CaseOutcome =
  | 'agreement'
  | 'refused'
  | 'guided-out'
  | 'mediation-statement'
  | 'judgment'
  | 'withdrawn'
  // §7–§8: the referrer took the dispute back (court filing decision, petition office).
  | 'filing-rejected'
  | 'returned-to-petition-office';

export interface CaseContext {
  caseId: string;
  parties: PartyRef[];
  consents: Record<string, Consent>;
  rightsNotified: boolean;
  handlingUnit: UnitRef;
  acceptedAt: string;
  policy: MediationPolicy;
  extensionsUsed: number;
  sessions: number;
  agreement?: Agreement;
  followUp?: FollowUp;
  failure?: { reason: FailureReason; at: string; note?: string };
  guidance?: Guidance;
  outcome?: CaseOutcome;
  segments: Segment[];
  /** R-V4: a red-risk case is reported at once (set at intake). */
  riskLevel?: RiskLevel;
  /** §7 court referral 诉调对接, when a basic court recorded the filing application. */
  courtReferral?: CourtReferral;
  /** §8 petition referral 访调对接, when a petition office referred the dispute. */
  petitionReferral?: PetitionReferral;
  /** R-L6 judicial confirmation 司法确认 of the agreement (the latest application). */
  judicialConfirmation?: JudicialConfirmation;
}

export interface CaseInput {
  caseId: string;
  parties: PartyRef[];
  acceptingUnit: UnitRef;
  acceptedAt: string;
  policy: MediationPolicy;
  riskLevel?: RiskLevel;
  /** A court's filing application (the case starts in the court's hands, §7). */
  courtReferral?: CourtFilingInput;
  /** A petition office's referral (the case starts in the office's hands, §8). */
  petitionReferral?: PetitionInput;
}

// ---- events -------------------------------------------------------------------------------
// Every event carries `actor` and `at` (set by the engine) and, where it names units,
// `units` resolved by the engine from the codes in the payload.

interface Base {
  actor: Actor;
  at: string;
  units?: Record<string, UnitRef>;
  /** Set only when asking which events could be sent now (./explain.ts), never on a real event. */
  probe?: true;
}

export type CaseEvent =
  | (Base & { type: 'RECORD_CONSENT'; partyId: string; consent: Consent })
  | (Base & { type: 'NOTIFY_RIGHTS' })
  | (Base & { type: 'START_MEDIATION' })
  | (Base & { type: 'LOG_SESSION'; summary: string })
  | (Base & { type: 'ESCALATE'; targetUnitCode: string; reason: string })
  | (Base & { type: 'EXTEND'; consentingPartyIds: string[] })
  | (Base & {
      type: 'REACH_AGREEMENT';
      form: 'written' | 'oral';
      terms: string;
      performanceMethod: string;
      performancePlace?: string;
      performanceDeadline?: string;
      amountFen?: number;
      createsObligations: boolean;
      writtenRequested: boolean;
    })
  | (Base & { type: 'SIGN_AGREEMENT'; signer: string })
  | (Base & { type: 'SEAL_AGREEMENT' })
  | (Base & { type: 'DECLARE_FAILED'; note?: string })
  | (Base & { type: 'TERMINATE'; partyId?: string; note?: string })
  | (Base & { type: 'RECORD_FOLLOW_UP'; performance: FollowUp['performance']; note: string })
  | (Base & { type: 'CLOSE' })
  | (Base & { type: 'REFER_TO_JUSTICE_OFFICE'; targetUnitCode: string; reason: 'out-of-scope' | 'failed'; note?: string })
  | (Base & { type: 'RETURN_TO_COMMITTEE'; targetUnitCode: string; note: string })
  | (Base & { type: 'ISSUE_GUIDANCE'; route: GuidanceRoute; targetUnitCode?: string; note?: string })
  | (Base & { type: 'ACKNOWLEDGE' })
  | (Base & { type: 'RETURN_GUIDANCE'; note: string })
  | (Base & { type: 'RECORD_MEDIATION_STATEMENT'; documentNo: string })
  | (Base & { type: 'RECORD_JUDGMENT'; documentNo: string })
  | (Base & { type: 'CLOCK_EXPIRED'; clock: string })
  | (Base & { type: 'ASSESS_RISK'; riskLevel: RiskLevel; reason: string })
  | ReferralEvent;

export type CaseEventType = CaseEvent['type'];
export type EventOf<T extends CaseEventType> = Extract<CaseEvent, { type: T }>;

/** The pieces the engine fills in; a client sends the rest. */
export type EventPayload<T extends CaseEventType = CaseEventType> = T extends CaseEventType
  ? Omit<EventOf<T>, 'actor' | 'at' | 'units' | 'probe'>
  : never;

// ---- court referral, petition referral, judicial confirmation (domain §7–§8) --------------

export type RiskLevel = 'red' | 'orange' | 'yellow' | 'blue';

/** What the court recorded with the filing application (CaseInput.courtReferral). */
export interface CourtFilingInput {
  court: UnitRef;
  /** Pre-filing number 诉前调解案号, e.g. (2026)冀0606民诉前调12号. */
  preFilingNo: string;
  receivedAt: string;
  /** The claims of the filing application 诉讼请求. */
  claims: string;
  /** R-L2: each party's residence as a division code (township or village), by party id. */
  residences: Record<string, string>;
  /** R-L2: where the dispute arose, when the court recorded it. */
  disputePlace?: { divisionCode: string; description?: string };
}

/**
 * The filing at the court: applied → deferred 暂缓立案 → closed (agreement reported), or
 * review 立案审查 → registered 立案 / rejected 不予立案.
 */
export type FilingStatus = 'applied' | 'deferred' | 'closed' | 'review' | 'registered' | 'rejected';

export type FilingReviewReason = 'court-decision' | 'consent-refused' | 'not-acknowledged' | 'mediation-failed';

export type HandOverBasis = { kind: 'residence'; partyId: string; divisionCode: string } | { kind: 'dispute-place'; divisionCode: string };

export interface ReferralReturn {
  by: UnitRef;
  at: string;
  note: string;
}

/** The result a justice office reports to the referrer (R-L4, R-V3). */
export interface ReferralResult {
  outcome: 'agreement' | FailureReason;
  at: string;
  reportedBy: UnitRef;
  mediatingUnit: UnitRef;
  note?: string;
  /** R-L4: the agreement is attached when there is one. */
  agreement?: Agreement;
}

export interface CourtReferral extends CourtFilingInput {
  filing: FilingStatus;
  /** R-L1: the consents the deferral rests on, frozen when the filing was deferred. */
  consents?: Record<string, Consent>;
  deferredAt?: string;
  handedOverAt?: string;
  /** The justice office the court handed the dispute to (R-L2). */
  handedTo?: UnitRef;
  handOverBasis?: HandOverBasis;
  returns: ReferralReturn[];
  /** When the office acknowledged, and who mediates (the office itself or a committee of its township). */
  acknowledgedAt?: string;
  mediatingUnit?: UnitRef;
  result?: ReferralResult;
  review?: { at: string; reason: FilingReviewReason; note?: string };
  decision?: { at: string; registered: boolean; note?: string };
}

export interface PetitionInput {
  office: UnitRef;
  receivedAt: string;
  /** The petition office's own reference 信访件编号. */
  petitionNo?: string;
}

export type LawyerRole = 'reception' | 'advice' | 'agent';

export interface PetitionReferral extends PetitionInput {
  referredAt?: string;
  referredTo?: UnitRef;
  returns: ReferralReturn[];
  acknowledgedAt?: string;
  mediatingUnit?: UnitRef;
  /** R-V2: the lawyer assigned, with the role they play. */
  lawyer?: { unit: UnitRef; name: string; role: LawyerRole; assignedAt: string; assignedBy: UnitRef };
  /** R-V2: the lawyer's legal opinion 法律意见 and the legal-aid finding. */
  opinion?: { text: string; at: string; by: string };
  legalAid?: { eligible: boolean; note?: string; at: string };
  /** R-V3: the feedback letter's facts. */
  feedback?: ReferralResult;
}

/** R-L6: what the agreement concerns; marriage, adoption and identity cannot be confirmed. */
export type AgreementSubject = 'civil-rights' | 'marriage' | 'adoption' | 'identity';

export interface JudicialConfirmation {
  court: UnitRef;
  appliedAt: string;
  applicantPartyIds: string[];
  subject: AgreementSubject;
  /** Who mediated: the case goes back to it after the court's decision. */
  mediatingUnit: UnitRef;
  acceptedAt?: string;
  /** The court's own case number for the confirmation, e.g. (2026)冀0606民特5号. */
  courtCaseNo?: string;
  extension?: { days: number; approvedBy: string; at: string };
  decision?: { outcome: 'not-accepted' | 'confirmed' | 'not-confirmed'; at: string; rulingNo?: string; reason?: string };
  /** Court clocks that ran out before the court acted (R-D3), by clock name. */
  overdue?: string[];
}

export type ReferralEvent =
  // court 诉调对接 (§7)
  | (Base & { type: 'DEFER_FILING' })
  | (Base & { type: 'HAND_OVER'; targetUnitCode: string; basis: 'residence' | 'dispute-place'; partyId?: string })
  | (Base & { type: 'REVIEW_FILING'; note?: string })
  | (Base & { type: 'REGISTER_FILING'; note?: string })
  | (Base & { type: 'REJECT_FILING'; note: string })
  // petition 访调对接 (§8)
  | (Base & { type: 'REFER_FOR_MEDIATION'; targetUnitCode: string })
  | (Base & { type: 'ASSIGN_LAWYER'; lawyerUnitCode: string; lawyerName: string; role: LawyerRole })
  | (Base & { type: 'RECORD_LEGAL_OPINION'; opinion: string; legalAidEligible: boolean; legalAidNote?: string })
  // the receiving justice office, for either referrer
  | (Base & { type: 'ACCEPT_REFERRAL'; targetUnitCode?: string })
  | (Base & { type: 'RETURN_REFERRAL'; note: string })
  | (Base & { type: 'REPORT_COURT_RESULT'; note?: string })
  | (Base & { type: 'SEND_PETITION_FEEDBACK'; note?: string })
  // judicial confirmation 司法确认 (R-L6)
  | (Base & { type: 'APPLY_FOR_CONFIRMATION'; courtUnitCode: string; applicantPartyIds: string[]; subject: AgreementSubject })
  | (Base & { type: 'ACCEPT_CONFIRMATION'; courtCaseNo: string })
  | (Base & { type: 'REFUSE_CONFIRMATION'; reason: string })
  | (Base & { type: 'EXTEND_CONFIRMATION'; approvedBy: string })
  | (Base & { type: 'RULE_ON_CONFIRMATION'; confirmed: boolean; rulingNo: string; reason?: string });
