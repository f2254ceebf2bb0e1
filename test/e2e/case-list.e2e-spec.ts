// GET /api/cases as each tier sees it (R-S1): the cases of the caller's unit and, for the justice
// system, of its division subtree, newest first, page after page. The list finds small sets from
// their ids and large ones by walking the cases in date order (CASE_LIST_SET_LIMIT); both ways must
// give every caller the same pages and totals.
import { registerCase } from '../support/case-driver';
import { intakeBody } from '../factories/parties';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
/** Case numbers by the unit that registered them, in registration order. */
const registered = new Map<string, string[]>();

// Committees and offices of 五四路街道 (130606002), an office of another street of 莲池区, and one of 竞秀区.
const registrations: [unit: string, count: number, risk: string][] = [
  ['130606002001-mc', 3, 'yellow'],
  ['130606002002-mc', 2, 'red'],
  ['130606002-jo', 2, 'blue'],
  ['130606003-jo', 2, 'red'],
  ['130602001-jo', 2, 'yellow'],
];

beforeAll(async () => {
  t = await startTestApp({ now: '2026-11-02T09:00:00+08:00' });
  for (let round = 0; round < 3; round++) {
    for (const [unit, count, risk] of registrations) {
      if (round >= count) continue;
      t.clock.advanceDays(1);
      const view = await registerCase(await t.as(unit), intakeBody({ riskLevel: risk }));
      registered.set(unit, [...(registered.get(unit) ?? []), view.caseNo]);
    }
  }
});
afterAll(() => t.close());

/** Every page of a list, two cases a page: the case numbers in order, and the total each page gave. */
async function allPages(username: string, filter = ''): Promise<{ caseNos: string[]; totals: number[] }> {
  const agent = await t.as(username);
  const caseNos: string[] = [];
  const totals: number[] = [];
  for (let page = 1; ; page++) {
    const res = await agent.get(`/api/cases?pageSize=2&page=${page}${filter}`).expect(200);
    totals.push(res.body.total);
    caseNos.push(...res.body.items.map((c: { caseNo: string }) => c.caseNo));
    if (res.body.items.length < 2) return { caseNos, totals };
  }
}

/** The case numbers of these units, newest first (each was registered a day after the one before). */
const newestFirst = (...units: string[]) => {
  const order: string[] = [];
  for (let round = 2; round >= 0; round--) {
    for (const [unit] of [...registrations].reverse()) {
      const caseNo = registered.get(unit)?.[round];
      if (units.includes(unit) && caseNo) order.push(caseNo);
    }
  }
  return order;
};

const office = ['130606002001-mc', '130606002002-mc', '130606002-jo'];
const views: [username: string, sees: string[]][] = [
  ['130606002001-mc', ['130606002001-mc']],
  ['130606002-jo', office],
  ['130606-jb', [...office, '130606003-jo']],
  ['130600-jb', [...office, '130606003-jo', '130602001-jo']],
  ['130606-ct', []],
];

describe.each([
  ['from the set of visible ids', 20_000],
  ['walking the cases by date', 0],
])('R-S1 each tier lists its own and its subtree’s cases, newest first (%s)', (_way, setLimit) => {
  beforeAll(() => {
    t.config.caseListSetLimit = setLimit;
  });

  it.each(views)('%s', async (username, units) => {
    const { caseNos, totals } = await allPages(username);
    expect(caseNos).toEqual(newestFirst(...units));
    expect(new Set(totals)).toEqual(new Set([caseNos.length]));
  });

  it('filters narrow the same lists: red-risk cases of the county and of the city', async () => {
    const county = await allPages('130606-jb', '&risk=red');
    expect(county.caseNos).toEqual(newestFirst('130606002002-mc', '130606003-jo'));
    expect(county.totals[0]).toBe(4);
    const city = await allPages('130600-jb', '&risk=red');
    expect(city.caseNos).toEqual(county.caseNos);
  });
});
