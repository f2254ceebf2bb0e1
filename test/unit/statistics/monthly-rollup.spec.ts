import { emptyFigures, type Figures } from '../../../src/statistics/measures';
import {
  adjustmentsOf,
  assertAddsUp,
  assertChildrenMatch,
  frozenFrontier,
  rollUp,
  StatisticsInconsistentError,
  type RollupInput,
  type SubmissionState,
} from '../../../src/statistics/monthly-rollup';
import { ReportingTree, type DivisionInfo, type Link } from '../../../src/statistics/reporting-tree';

const divisions = new Map<string, DivisionInfo>(
  [
    ['130600', '保定市', 'city'],
    ['133100', '雄安新区', 'city'],
    ['130606', '莲池区', 'county'],
    ['130629', '容城县', 'county'],
    ['130606002', '五四路街道', 'township'],
    ['130629100', '容城镇', 'township'],
    ['130606002001', '和平社区', 'village'],
    ['130606002002', '新华社区', 'village'],
  ].map(([code, name, level]) => [code, { code, name, level, parentCode: level === 'city' ? null : code.length === 6 ? '130600' : code.length === 9 ? code.slice(0, 6) : code.length === 12 ? code.slice(0, 9) : null } as DivisionInfo]),
);
const links: Link[] = [
  { childCode: '130606', parentCode: '130600', validFrom: '2000-01', validTo: null },
  { childCode: '130629', parentCode: '130600', validFrom: '2000-01', validTo: '2017-04' },
  { childCode: '130629', parentCode: '133100', validFrom: '2017-04', validTo: null },
  { childCode: '130606002', parentCode: '130606', validFrom: '2000-01', validTo: null },
  { childCode: '130629100', parentCode: '130629', validFrom: '2000-01', validTo: null },
  { childCode: '130606002001', parentCode: '130606002', validFrom: '2000-01', validTo: null },
  { childCode: '130606002002', parentCode: '130606002', validFrom: '2000-01', validTo: null },
];

const f = (values: Partial<Figures>): Figures => ({ ...emptyFigures(), ...values }) as Figures;
const own = new Map<string, Figures>([
  ['130606002001', f({ mediated: 4, succeeded: 3 })],
  ['130606002002', f({ mediated: 2, succeeded: 1, failed: 1 })],
  ['130606002', f({ mediated: 1, guidanceIssued: 1 })],
  ['130629100', f({ mediated: 5, succeeded: 5 })],
]);
const input = (month: string, submissions = new Map<string, SubmissionState>()): RollupInput => ({
  tree: new ReportingTree(month, divisions, links),
  scope: 'peoples',
  own,
  adjustments: new Map(),
  submissions,
});

describe('R-T3 a township report is its own cases plus its villages', () => {
  it('adds the villages to the justice office and committee of the township', () => {
    const r = rollUp(input('2026-10'), '130606002');
    expect(r.children.map((c) => [c.unitCode, c.status, c.figures.mediated])).toEqual([
      ['130606002001-mc', 'draft', 4],
      ['130606002002-mc', 'draft', 2],
    ]);
    expect(r.own.mediated).toBe(1);
    expect(r.total).toEqual(expect.objectContaining({ mediated: 7, succeeded: 4, failed: 1, guidanceIssued: 1 }));
  });
});

describe('R-O1 a county that moved between parents (容城县 to 雄安新区 from April 2017)', () => {
  it('counts in Baoding until March 2017', () => {
    const city = rollUp(input('2017-03'), '130600');
    expect(city.children.map((c) => c.divisionCode)).toEqual(['130606', '130629']);
    expect(city.total.mediated).toBe(12);
  });

  it('is left out of Baoding’s city totals from April 2017 (全市不含雄安新区三县) and counts under 雄安新区', () => {
    const city = rollUp(input('2017-04'), '130600');
    expect(city.children.map((c) => c.divisionCode)).toEqual(['130606']);
    expect(city.total.mediated).toBe(7);
    expect(rollUp(input('2017-04'), '133100').total.mediated).toBe(5);
    expect(new ReportingTree('2017-04', divisions, links).reportingElsewhere('130600')).toEqual([{ code: '130629', name: '容城县', reportsTo: '133100' }]);
    expect(new ReportingTree('2017-03', divisions, links).reportingElsewhere('130600')).toEqual([]);
  });
});

describe('R-T4 a reopened and corrected village report', () => {
  const frozenV1 = { total: f({ mediated: 3, succeeded: 3 }), adjustments: emptyFigures() };

  it('the township reads the frozen copy while the village report is submitted', () => {
    const submissions = new Map<string, SubmissionState>([['130606002001', { status: 'submitted', submittedAt: '2026-11-03T10:00:00+08:00', frozen: frozenV1 }]]);
    expect(frozenFrontier(input('2026-10', submissions), '130606')).toEqual(['130606002001']);
    const r = rollUp(input('2026-10', submissions), '130606002');
    expect(r.children[0]).toEqual(expect.objectContaining({ status: 'submitted', figures: frozenV1.total }));
    expect(r.total.mediated).toBe(6);
  });

  it('reads the live, corrected figures once the township reopened it, and the new copy once resubmitted', () => {
    const reopened = new Map<string, SubmissionState>([['130606002001', { status: 'reopened', submittedAt: '2026-11-03T10:00:00+08:00' }]]);
    const live = rollUp(input('2026-10', reopened), '130606002');
    expect(live.children[0]).toEqual(expect.objectContaining({ status: 'reopened', figures: expect.objectContaining({ mediated: 4 }) }));
    expect(live.total.mediated).toBe(7);

    const corrected = { total: f({ mediated: 4, succeeded: 3 }), adjustments: emptyFigures() };
    const resubmitted = new Map<string, SubmissionState>([['130606002001', { status: 'submitted', submittedAt: '2026-11-04T09:00:00+08:00', frozen: corrected }]]);
    expect(rollUp(input('2026-10', resubmitted), '130606002').total.mediated).toBe(7);
  });
});

describe('R-T4 an adjustment after freezing', () => {
  const frozenOctober = new Map([['130606002001|2026-10', '2026-11-03T02:00:00.000Z']]);
  const divisionOf = (unit: string) => unit.split('-')[0];
  const submittedAt = (division: string, month: string) => frozenOctober.get(`${division}|${month}`);

  it('a change to October recorded after October was submitted is November’s adjustment, not an edit of October', () => {
    const adjustments = adjustmentsOf(
      [
        { month: '2026-10', unitCode: '130606002001-mc', recordedAt: '2026-11-05T01:00:00.000Z', figures: { mediated: 1, 'type.neighbour': 1 } },
        { month: '2026-10', unitCode: '130606002001-mc', recordedAt: '2026-11-02T01:00:00.000Z', figures: { mediated: 1 } },
        { month: '2026-10', unitCode: '130606002002-mc', recordedAt: '2026-11-05T01:00:00.000Z', figures: { mediated: 1 } },
      ],
      divisionOf,
      submittedAt,
    );
    // The second was recorded before October was frozen (it is in the copy); the third's village had not submitted.
    expect([...adjustments.keys()]).toEqual(['130606002001']);
    expect(adjustments.get('130606002001')).toEqual([{ month: '2026-10', figures: expect.objectContaining({ mediated: 1, 'type.neighbour': 1 }) }]);
  });

  it('rolls up: the township’s November report carries its village’s adjustment', () => {
    const adjustments = new Map([['130606002001', [{ month: '2026-10', figures: f({ mediated: 1 }) }]]]);
    const r = rollUp({ ...input('2026-11'), adjustments }, '130606');
    expect(r.adjustments.total.mediated).toBe(1);
    expect(r.total.mediated).toBe(7);
  });
});

describe('R-T3 the check fails loudly when a parent differs from the sum of its children', () => {
  it('passes a consistent report and names the differing column of an inconsistent one', () => {
    const r = rollUp(input('2026-10'), '130600');
    expect(() => assertAddsUp('保定市', r)).not.toThrow();
    const tampered = { ...r, total: { ...r.total, succeeded: r.total.succeeded + 1 } };
    expect(() => assertAddsUp('保定市', tampered)).toThrow(StatisticsInconsistentError);
    try {
      assertAddsUp('保定市', tampered);
    } catch (e) {
      expect((e as StatisticsInconsistentError).details.differences).toEqual([
        { measure: 'succeeded', header: '调解成功数', left: r.total.succeeded + 1, right: r.total.succeeded },
      ]);
    }
  });

  it('a frozen parent whose child was resubmitted differently is inconsistent', () => {
    const parent = rollUp(input('2026-10'), '130606002');
    const theirs = new Map([['130606002001', f({ mediated: 9 })]]);
    expect(() => assertChildrenMatch('五四路街道', parent.children, theirs)).toThrow(/和平社区/);
  });
});
