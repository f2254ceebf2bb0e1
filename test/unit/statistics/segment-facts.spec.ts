import type { Segment } from '../../../workflows/case';
import { lateBy, needsClockCheck, segmentFacts } from '../../../src/statistics/segment-facts';

const office = '130606002-jo';
const kase = { disputeType: 'neighbour', disputeSubtype: null, source: 'party-application', parties: 2 };
// Accepted at 00:30 on 1 November Shanghai time, which is still 31 October in UTC.
const opened: Segment = { seq: 1, track: 'peoples', unitCode: office, startedAt: '2026-10-31T16:30:00.000Z' };

describe('R-T2 the facts kept on a segment that is still open', () => {
  it('has its Shanghai acceptance month and the case dimensions, and nothing of a conclusion', () => {
    expect(segmentFacts(opened, kase)).toEqual({
      acceptedMonth: '2026-11',
      concludedMonth: null,
      source: 'party-application',
      disputeType: 'neighbour',
      disputeSubtype: null,
      parties: 2,
      agreementForm: null,
      amountFen: null,
      concludedSeconds: null,
      overdue: null,
    });
  });
});

describe('R-T1 the facts of a segment concluded by an agreement', () => {
  const agreed: Segment = { ...opened, endedAt: '2026-11-30T15:59:59.999Z', outcome: 'agreement' };

  it('keeps the agreement’s form and amount, the whole seconds it took and that it was in time', () => {
    const facts = segmentFacts(agreed, kase, { agreement: { form: 'oral', amountFen: 50_000 }, late: false });
    expect(facts).toMatchObject({ concludedMonth: '2026-11', agreementForm: 'oral', amountFen: 50_000, overdue: false });
    // 30 days less 30 minutes and a millisecond, truncated to whole seconds at each end.
    expect(facts.concludedSeconds).toBe(30 * 86_400 - 30 * 60 - 1);
  });

  it('counts an agreement recorded without form or amount as written, of 0 fen', () => {
    expect(segmentFacts(agreed, kase, { late: false })).toMatchObject({ agreementForm: 'written', amountFen: 0 });
  });

  it('concludes in December when it ends at midnight Shanghai time on 1 December', () => {
    expect(segmentFacts({ ...agreed, endedAt: '2026-11-30T16:00:00.000Z' }, kase).concludedMonth).toBe('2026-12');
  });
});

describe('R-T1 overdue count: a concluded segment is late when a clock of its own unit fell due before it ended', () => {
  const failed: Segment = { ...opened, endedAt: '2026-12-05T02:00:00.000Z', outcome: 'terminated' };
  const clocks = [
    { unitCode: '130606002001-mc', dueAt: '2026-11-20T16:00:00.000Z' },
    { unitCode: office, dueAt: '2026-12-05T16:00:00.000Z' },
  ];

  it('is in time when only another unit’s clock was due, late once its own was', () => {
    expect(lateBy(failed, clocks)).toBe(false);
    expect(lateBy(failed, [...clocks, { unitCode: office, dueAt: '2026-12-01T16:00:00.000Z' }])).toBe(true);
    expect(segmentFacts(failed, kase, { late: true })).toMatchObject({ overdue: true, agreementForm: null, amountFen: null });
  });

  it('an expired segment is late without looking at clocks; a hand-over is neither late nor in time', () => {
    const expired: Segment = { ...failed, outcome: 'expired' };
    expect(needsClockCheck(expired)).toBe(false);
    expect(segmentFacts(expired, kase, { late: false }).overdue).toBe(true);

    const escalated: Segment = { ...failed, outcome: 'escalated' };
    expect(needsClockCheck(escalated)).toBe(false);
    expect(segmentFacts(escalated, kase, { late: true })).toMatchObject({ concludedMonth: '2026-12', concludedSeconds: null, overdue: null });
    expect(needsClockCheck(failed)).toBe(true);
  });
});
