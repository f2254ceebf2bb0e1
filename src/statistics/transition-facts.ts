// What one transition adds to the monthly figures (R-T1, R-T2), as a pure function of the record
// the transition wrote: segments opened or closed, documents issued, the event itself. The record
// only grows (a closed segment never reopens, documents are never withdrawn), so the figures of a
// month are the sum of these additions; the recount (./recount.ts) derives the same sums from the
// stored rows independently, and ../cli/statistics-recompute.ts proves the two agree.
import type { Segment, Track } from '../../workflows/case';
import { addInto, measureIds, type Figures } from './measures';
import { shanghaiMonth, type Month } from './month';
import { lateBy, segmentFacts, type CaseDimensions } from './segment-facts';
import { outcomeClasses } from './segment-outcomes';

export interface TransitionRecord {
  /** When the transition was recorded (ISO UTC). */
  at: string;
  event: { type: string; performance?: string; confirmed?: boolean };
  /** The case's state after the transition (a hand-back to the court ends in a `court.*` state). */
  toState: string;
  actorUnitCode: string;
  kase: CaseDimensions;
  before: Segment[];
  after: Segment[];
  /** The agreement in the case context after the transition (the one a success segment ended with). */
  agreement?: { form: 'written' | 'oral'; amountFen?: number };
  /** Prevention flags of the case; read when its first segment opens. */
  flags: { kind: string; people: number }[];
  /** Documents this transition issued. */
  documents: { kind: string; issuingUnitCode: string; issuedAt: string }[];
  /** Legal clocks of the case (a segment concluded after its unit's due time is overdue). */
  clocks: { unitCode: string; dueAt: string }[];
}

export interface FactDelta {
  month: Month;
  unitCode: string;
  track: Track;
  figures: Partial<Figures>;
}

/** Documents that are hand-off columns of the form, by kind. */
export const documentMeasures: Record<string, string> = {
  'guidance-notice': 'guidanceIssued',
  'court-result-letter': 'courtReported',
  'petition-feedback': 'petitionFedBack',
};

/** Events by which a justice office hands a court-referred case back to the court. */
export const courtReturnEvents = ['RETURN_REFERRAL', 'REPORT_COURT_RESULT'];

/** Sources that make a case a received hand-off when its first segment opens. */
export const sourceMeasures: Record<string, string> = {
  'court-referral': 'courtReceived',
  'petition-transfer': 'petitionReceived',
};

const known = new Set(measureIds);

export function transitionFacts(record: TransitionRecord): FactDelta[] {
  const deltas: FactDelta[] = [];
  const before = new Map(record.before.map((s) => [s.seq, s]));
  for (const segment of record.after) {
    const old = before.get(segment.seq);
    if (!old) deltas.push(segmentStarted(record, segment));
    if (segment.endedAt && !old?.endedAt) deltas.push(segmentEnded(record, segment));
  }
  for (const doc of record.documents) {
    const measure = documentMeasures[doc.kind];
    if (measure) deltas.push({ month: shanghaiMonth(doc.issuedAt), unitCode: doc.issuingUnitCode, track: 'peoples', figures: { [measure]: 1 } });
  }
  // R-L4 / R-L3: the office sends the case back to the court — returned before taking it up, or
  // reported as failed so that the court reviews the filing.
  if (courtReturnEvents.includes(record.event.type) && record.toState.startsWith('court.')) {
    deltas.push({ month: shanghaiMonth(record.at), unitCode: record.actorUnitCode, track: 'peoples', figures: { courtReturned: 1 } });
  }
  // R-L6: a confirmed agreement counts for the unit whose segment reached it, in the month of the ruling.
  if (record.event.type === 'RULE_ON_CONFIRMATION' && record.event.confirmed === true) {
    const agreed = record.after.filter((s) => s.outcome === 'agreement').at(-1);
    if (agreed) deltas.push({ month: shanghaiMonth(record.at), unitCode: agreed.unitCode, track: agreed.track, figures: { confirmed: 1 } });
  }
  if (record.event.type === 'RECORD_FOLLOW_UP') {
    deltas.push({
      month: shanghaiMonth(record.at),
      unitCode: record.actorUnitCode,
      track: 'peoples',
      figures: { followUps: 1, performed: record.event.performance === 'performed' ? 1 : 0 },
    });
  }
  return deltas;
}

/** R-T2 "mediated" counts a segment in the month it was accepted, at the unit that accepted it. */
function segmentStarted(record: TransitionRecord, segment: Segment): FactDelta {
  const facts = segmentFacts(segment, record.kase);
  const f: Partial<Figures> = { mediated: 1, parties: facts.parties };
  // Breakdowns count only categories the form has a column for (a test keeps the catalogues covered).
  for (const id of [`source.${facts.source}`, `type.${facts.disputeType}`, `type.${facts.disputeType}.${facts.disputeSubtype}`]) {
    if (known.has(id)) f[id] = 1;
  }
  // Case-level facts belong to the first segment only, so a case escalated twice is not flagged thrice.
  if (segment.seq === 1) {
    for (const flag of record.flags) addInto(f as Figures, { [`prevention.${flag.kind}.cases`]: 1, [`prevention.${flag.kind}.people`]: flag.people });
    const received = sourceMeasures[facts.source];
    if (received) f[received] = 1;
  }
  return { month: facts.acceptedMonth, unitCode: segment.unitCode, track: segment.track, figures: f };
}

/** R-T2 "succeeded/failed/agreements" count in the month the segment concluded. */
function segmentEnded(record: TransitionRecord, segment: Segment): FactDelta {
  const facts = segmentFacts(segment, record.kase, { agreement: record.agreement, late: lateBy(segment, record.clocks) });
  const f: Partial<Figures> = {};
  if (outcomeClasses[segment.outcome!] === 'handover') f.handedOver = 1;
  else {
    f[outcomeClasses[segment.outcome!] === 'success' ? 'succeeded' : 'failed'] = 1;
    f.concludedSeconds = facts.concludedSeconds!;
    if (facts.overdue) f.overdue = 1;
  }
  if (segment.outcome === 'mediation-statement') f.agreementsWritten = 1;
  if (facts.agreementForm) {
    f[facts.agreementForm === 'oral' ? 'agreementsOral' : 'agreementsWritten'] = 1;
    f.amountFen = facts.amountFen!;
  }
  return { month: facts.concludedMonth!, unitCode: segment.unitCode, track: segment.track, figures: f };
}

/** Deltas merged per (month, unit, track), zero measures dropped. */
export function mergeDeltas(deltas: FactDelta[]): FactDelta[] {
  const byKey = new Map<string, FactDelta>();
  for (const d of deltas) {
    const key = `${d.month}|${d.unitCode}|${d.track}`;
    const into = byKey.get(key) ?? byKey.set(key, { ...d, figures: {} }).get(key)!;
    addInto(into.figures as Figures, d.figures);
  }
  for (const d of byKey.values()) {
    for (const [id, v] of Object.entries(d.figures)) if (!v) delete d.figures[id];
  }
  return [...byKey.values()].filter((d) => Object.keys(d.figures).length > 0);
}
