// How a track segment ended, as the form counts it: success 调解成功, failure 调解不成功, or a
// hand-over to another unit (escalation, referral, guidance, return), which is neither.
import type { SegmentOutcome } from '../../workflows/case';

export type OutcomeClass = 'success' | 'failure' | 'handover';

// A Record over the union: a new segment outcome in the statechart does not compile until it is classed here.
export const outcomeClasses: Record<SegmentOutcome, OutcomeClass> = {
  agreement: 'success',
  'mediation-statement': 'success',
  failed: 'failure',
  refused: 'failure',
  terminated: 'failure',
  expired: 'failure',
  declined: 'failure',
  judgment: 'failure',
  escalated: 'handover',
  referred: 'handover',
  'out-of-scope': 'handover',
  returned: 'handover',
};

export const outcomesOf = (cls: OutcomeClass): SegmentOutcome[] =>
  (Object.keys(outcomeClasses) as SegmentOutcome[]).filter((o) => outcomeClasses[o] === cls);
