// Vocabulary of the case statechart. Pure types: the Nest app maps its rows onto these.

export type UnitKind = 'MC' | 'JO' | 'JB' | 'CT' | 'PO' | 'AG' | 'CG';
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
  | 'withdrawn';

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
}

export interface CaseInput {
  caseId: string;
  parties: PartyRef[];
  acceptingUnit: UnitRef;
  acceptedAt: string;
  policy: MediationPolicy;
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
  | (Base & { type: 'CLOCK_EXPIRED'; clock: string });

export type CaseEventType = CaseEvent['type'];
export type EventOf<T extends CaseEventType> = Extract<CaseEvent, { type: T }>;

/** The pieces the engine fills in; a client sends the rest. */
export type EventPayload<T extends CaseEventType = CaseEventType> = Omit<EventOf<T>, 'actor' | 'at' | 'units' | 'probe'>;
