import type { Segment } from '../../../workflows/case';
import { mergeDeltas, transitionFacts, type TransitionRecord } from '../../../src/statistics/transition-facts';

const village = '130606002001-mc';
const kase = { disputeType: 'labour', disputeSubtype: 'unpaid-migrant-wages', source: 'court-referral', parties: 3 };

const record = (overrides: Partial<TransitionRecord>): TransitionRecord => ({
  at: '2026-10-10T02:00:00.000Z',
  event: { type: 'REGISTER' },
  toState: 'peoples.registered',
  actorUnitCode: village,
  kase,
  before: [],
  after: [],
  flags: [],
  documents: [],
  clocks: [],
  ...overrides,
});

const opened: Segment = { seq: 1, track: 'peoples', unitCode: village, startedAt: '2026-10-31T15:30:00.000Z' };

describe('R-T2 a case accepted on 31 October (Shanghai) and concluded on 2 November', () => {
  const accepted = mergeDeltas(transitionFacts(record({ at: opened.startedAt, after: [opened], flags: [{ kind: 'prevented-group-petition', people: 12 }] })));
  const closed: Segment = { ...opened, endedAt: '2026-11-02T02:00:00.000Z', outcome: 'agreement' };
  const concluded = mergeDeltas(
    transitionFacts(record({ at: closed.endedAt!, event: { type: 'REACH_AGREEMENT' }, before: [opened], after: [closed], agreement: { form: 'oral', amountFen: 120000 } })),
  );

  it('counts the segment as mediated in October, at the accepting unit, with its breakdowns and flags', () => {
    expect(accepted).toEqual([
      {
        month: '2026-10',
        unitCode: village,
        track: 'peoples',
        figures: {
          mediated: 1,
          parties: 3,
          'source.court-referral': 1,
          'type.labour': 1,
          'type.labour.unpaid-migrant-wages': 1,
          courtReceived: 1,
          'prevention.prevented-group-petition.cases': 1,
          'prevention.prevented-group-petition.people': 12,
        },
      },
    ]);
  });

  it('counts its success, agreement and amount in November, the month it concluded', () => {
    expect(concluded).toEqual([
      {
        month: '2026-11',
        unitCode: village,
        track: 'peoples',
        figures: { succeeded: 1, agreementsOral: 1, amountFen: 120000, concludedSeconds: 86_400 + 10.5 * 3_600 },
      },
    ]);
  });
});

describe('R-T1 an escalated segment is handed over, the township segment is mediated again', () => {
  it('closes the village segment as a hand-over and opens one at the township, without repeating case-level facts', () => {
    const township: Segment = { seq: 2, track: 'peoples', unitCode: '130606002-mc', startedAt: '2026-10-12T01:00:00.000Z' };
    const before = [{ ...opened, startedAt: '2026-10-10T01:00:00.000Z' }];
    const after = [{ ...before[0], endedAt: township.startedAt, outcome: 'escalated' as const }, township];
    expect(mergeDeltas(transitionFacts(record({ at: township.startedAt, before, after, flags: [{ kind: 'prevented-suicide', people: 1 }] })))).toEqual([
      { month: '2026-10', unitCode: village, track: 'peoples', figures: { handedOver: 1 } },
      {
        month: '2026-10',
        unitCode: '130606002-mc',
        track: 'peoples',
        figures: { mediated: 1, parties: 3, 'source.court-referral': 1, 'type.labour': 1, 'type.labour.unpaid-migrant-wages': 1 },
      },
    ]);
  });
});

describe('R-T1 timeliness: a segment concluded after its clock was due is overdue', () => {
  it('counts an expired mediation and a late failure as overdue, an on-time one not', () => {
    const start: Segment = { seq: 1, track: 'peoples', unitCode: village, startedAt: '2026-09-01T01:00:00.000Z' };
    const clocks = [{ unitCode: village, dueAt: '2026-10-01T16:00:00.000Z' }];
    const end = (endedAt: string, outcome: Segment['outcome']) =>
      mergeDeltas(transitionFacts(record({ at: endedAt, before: [start], after: [{ ...start, endedAt, outcome }], clocks })))[0].figures;
    expect(end('2026-10-02T00:00:00.000Z', 'expired')).toEqual(expect.objectContaining({ failed: 1, overdue: 1 }));
    expect(end('2026-10-05T00:00:00.000Z', 'terminated')).toEqual(expect.objectContaining({ failed: 1, overdue: 1 }));
    expect(end('2026-09-20T00:00:00.000Z', 'terminated').overdue).toBeUndefined();
  });
});

describe('R-T1 hand-off documents and follow-ups count in the month they were issued, at the issuing unit', () => {
  it('counts a guidance notice for the justice office and a performed follow-up for the committee', () => {
    const office = '130606002-jo';
    const deltas = mergeDeltas([
      ...transitionFacts(record({ documents: [{ kind: 'guidance-notice', issuingUnitCode: office, issuedAt: '2026-11-30T16:30:00.000Z' }, { kind: 'rights-notice', issuingUnitCode: office, issuedAt: '2026-11-30T16:30:00.000Z' }] })),
      ...transitionFacts(record({ at: '2026-11-03T01:00:00.000Z', event: { type: 'RECORD_FOLLOW_UP', performance: 'performed' } })),
    ]);
    expect(deltas).toEqual([
      { month: '2026-12', unitCode: office, track: 'peoples', figures: { guidanceIssued: 1 } },
      { month: '2026-11', unitCode: village, track: 'peoples', figures: { followUps: 1, performed: 1 } },
    ]);
  });
});

describe('R-L4/R-L6 court hand-offs: a failure reported back to the court, an agreement judicially confirmed', () => {
  const office = '130606002-jo';
  const agreed: Segment = { seq: 1, track: 'peoples', unitCode: office, startedAt: '2026-11-03T02:00:00.000Z', endedAt: '2026-11-20T02:00:00.000Z', outcome: 'agreement' };

  it('counts a failure reported to the court as returned to court, at the office, in the month it was sent', () => {
    const deltas = transitionFacts(record({ at: '2026-12-01T01:00:00.000Z', event: { type: 'REPORT_COURT_RESULT' }, toState: 'court.filingReview', actorUnitCode: office }));
    expect(deltas).toEqual([{ month: '2026-12', unitCode: office, track: 'peoples', figures: { courtReturned: 1 } }]);
    // An agreement reported to the court stays with the office: the case is not returned.
    expect(transitionFacts(record({ event: { type: 'REPORT_COURT_RESULT' }, toState: 'peoples.agreed', actorUnitCode: office }))).toEqual([]);
  });

  it('counts a confirming ruling for the unit that reached the agreement, not the court that ruled', () => {
    const ruling = (confirmed: boolean) =>
      transitionFacts(record({ at: '2026-12-10T01:00:00.000Z', event: { type: 'RULE_ON_CONFIRMATION', confirmed }, toState: 'peoples.agreed', actorUnitCode: '130606-ct', before: [agreed], after: [agreed] }));
    expect(ruling(true)).toEqual([{ month: '2026-12', unitCode: office, track: 'peoples', figures: { confirmed: 1 } }]);
    expect(ruling(false)).toEqual([]);
  });
});
