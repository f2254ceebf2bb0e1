// What the monthly form needs to know of one track segment (R-T1, R-T2), kept on its row in
// case_segments when the segment is written: its acceptance and conclusion months in Shanghai time,
// the case's dimensions, and how it concluded. The incremental summary adds these facts up as the
// transitions happen (./transition-facts.ts); the recount groups the stored rows by the same keys in
// index order, and first proves, segment by segment, that the stored facts still follow from the
// record (./recount.ts). A segment's facts never change once it has ended.
import type { Segment } from '../../workflows/case';
import { shanghaiMonth, type Month } from './month';
import { outcomeClasses } from './segment-outcomes';

/** The case's dimensions, as at intake (they are not edited afterwards). */
export interface CaseDimensions {
  disputeType: string;
  disputeSubtype: string | null;
  source: string;
  parties: number;
}

export interface SegmentFacts {
  acceptedMonth: Month;
  concludedMonth: Month | null;
  source: string;
  disputeType: string;
  disputeSubtype: string | null;
  parties: number;
  /** Outcome `agreement` only: the agreement's form and amount when the segment concluded. */
  agreementForm: 'written' | 'oral' | null;
  amountFen: number | null;
  /** Concluded (success or failure, not a hand-over) only: the time it took, and whether late. */
  concludedSeconds: number | null;
  overdue: boolean | null;
}

export interface ConclusionRecord {
  /** The agreement in the case context when the segment ended. */
  agreement?: { form: 'written' | 'oral'; amountFen?: number };
  /** Whether a legal clock of the segment's unit fell due before the segment ended. */
  late: boolean;
}

export function segmentFacts(segment: Segment, kase: CaseDimensions, conclusion?: ConclusionRecord): SegmentFacts {
  const facts: SegmentFacts = {
    acceptedMonth: shanghaiMonth(segment.startedAt),
    concludedMonth: null,
    source: kase.source,
    disputeType: kase.disputeType,
    disputeSubtype: kase.disputeSubtype,
    parties: kase.parties,
    agreementForm: null,
    amountFen: null,
    concludedSeconds: null,
    overdue: null,
  };
  if (!segment.endedAt || !segment.outcome) return facts;
  facts.concludedMonth = shanghaiMonth(segment.endedAt);
  if (segment.outcome === 'agreement') {
    facts.agreementForm = conclusion?.agreement?.form === 'oral' ? 'oral' : 'written';
    facts.amountFen = conclusion?.agreement?.amountFen ?? 0;
  }
  if (outcomeClasses[segment.outcome] !== 'handover') {
    facts.concludedSeconds = seconds(segment.endedAt) - seconds(segment.startedAt);
    facts.overdue = segment.outcome === 'expired' || !!conclusion?.late;
  }
  return facts;
}

/** Whether a segment's outcome needs the clock check (a concluded segment that did not expire). */
export const needsClockCheck = (segment: Segment): boolean =>
  !!segment.endedAt && !!segment.outcome && segment.outcome !== 'expired' && outcomeClasses[segment.outcome] !== 'handover';

/** R-D: late = a clock of the segment's unit fell due before the segment ended. */
export const lateBy = (segment: Segment, clocks: { unitCode: string; dueAt: string }[]): boolean =>
  !!segment.endedAt && clocks.some((c) => c.unitCode === segment.unitCode && c.dueAt < segment.endedAt!);

/** Whole seconds since the epoch, truncated: the recount computes durations the same way. */
export const seconds = (instant: string): number => Math.floor(Date.parse(instant) / 1000);

/** The facts as case_segments columns. */
export const factColumns = (f: SegmentFacts) => ({
  acceptedMonth: f.acceptedMonth,
  concludedMonth: f.concludedMonth,
  source: f.source,
  disputeType: f.disputeType,
  disputeSubtype: f.disputeSubtype,
  parties: f.parties,
  agreementForm: f.agreementForm,
  amountFen: f.amountFen,
  concludedSeconds: f.concludedSeconds,
  overdue: f.overdue === null ? null : f.overdue ? 1 : 0,
});
