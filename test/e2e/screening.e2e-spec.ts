// Screening 排查 and red-risk alerts through HTTP (domain §3, R-V4): monthly (or weekly) rounds per
// village including zero reports; disputes found become cases; a red-risk find is reported at once
// to the township justice office and the county police and shows on the alert lists up the tree.
import { intakeBody } from '../factories/parties';
import { registerCase } from '../support/case-driver';
import { dbQuery } from '../support/db-query';
import { startTestApp, type AuthedAgent, type TestApp } from '../support/test-app';

let t: TestApp;
let village: AuthedAgent;
const villageCode = '130606002001-mc';
const weeklyVillageCode = '130606002002-mc';
const officeCode = '130606002-jo';
const policeCode = '130606-ag-police';

beforeAll(async () => {
  t = await startTestApp({ now: '2026-11-25T09:00:00+08:00' });
  village = await t.as(villageCode);
});
afterAll(() => t.close());

const query = (sql: string, ...params: unknown[]) => dbQuery(t)(sql, ...params);
const finding = (overrides: Record<string, unknown> = {}) => {
  const { source: _s, ...dispute } = intakeBody(overrides);
  return dispute;
};

describe('R-V4 screening rounds per village and period', () => {
  it('R-V4 a round with nothing found is a zero report', async () => {
    const res = await village.post('/api/screening/rounds').send({ period: '2026-10', note: '本月排查未发现矛盾纠纷。' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ unit: { code: villageCode }, period: '2026-10', frequency: 'monthly', zeroReport: true, disputesFound: 0, findings: [] });
  });

  it('R-V4 a period is reported once, and not before it starts', async () => {
    const again = await village.post('/api/screening/rounds').send({ period: '2026-10' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('DUPLICATE');
    const early = await village.post('/api/screening/rounds').send({ period: '2026-12' });
    expect(early.status).toBe(400);
    expect(early.body.details.fields.period).toEqual([expect.stringContaining('尚未开始')]);
  });

  it('R-V4 where an administrator configured weekly screening, the village reports ISO weeks', async () => {
    const admin = await t.as('admin');
    const set = await admin.put('/api/screening/frequencies/130606002002').send({ frequency: 'weekly' });
    expect(set.status).toBe(200);
    const weekly = await t.as(weeklyVillageCode);
    const monthly = await weekly.post('/api/screening/rounds').send({ period: '2026-11' });
    expect(monthly.status).toBe(400);
    expect(monthly.body.details.fields.period).toEqual([expect.stringContaining('每周')]);
    const res = await weekly.post('/api/screening/rounds').send({ period: '2026-W47' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ frequency: 'weekly', zeroReport: true });
  });

  it('R-V4 the township sees which monthly villages have not reported yet', async () => {
    const res = await (await t.as(officeCode)).get('/api/screening/missing?period=2026-11');
    expect(res.status).toBe(200);
    const codes = res.body.items.map((u: { code: string }) => u.code);
    expect(codes).toContain(villageCode);
    expect(codes).toContain('130606002003-mc');
    expect(codes).not.toContain(weeklyVillageCode);
    expect(codes.every((c: string) => c.startsWith('130606002'))).toBe(true);
  });
});

describe('R-V4 a red-risk dispute found by screening raises the alert', () => {
  let redCaseId: string;

  it('R-V4 disputes found become cases with source 主动调解（排查）; focus types are flagged', async () => {
    const res = await village.post('/api/screening/rounds').send({
      period: '2026-11',
      findings: [
        finding({ riskLevel: 'red', summary: '两户因宅基地边界争执多次发生肢体冲突，一方扬言报复，有民转刑风险。', disputeType: 'neighbour' }),
        finding({ riskLevel: 'yellow', disputeType: 'contract', summary: '装修合同尾款争议，双方协商未果。' }),
      ],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ zeroReport: false, disputesFound: 2 });
    expect(res.body.findings).toEqual([
      expect.objectContaining({ disputeType: 'neighbour', riskLevel: 'red', escalationFocus: true }),
      expect.objectContaining({ disputeType: 'contract', riskLevel: 'yellow', escalationFocus: false }),
    ]);
    redCaseId = res.body.findings[0].caseId;
    const view = await village.get(`/api/cases/${redCaseId}`);
    expect(view.body).toMatchObject({ source: 'screening', sourceName: '主动调解（排查）', state: 'peoples.registered', escalationFocus: true });
    const missing = await (await t.as(officeCode)).get('/api/screening/missing?period=2026-11');
    expect(missing.body.items.map((u: { code: string }) => u.code)).not.toContain(villageCode);
  });

  it('R-V4 the report is recorded at once, to the township justice office and the county police', async () => {
    const reports = await query('SELECT case_id, level, unit_code, reported_by, recipients FROM risk_reports');
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ case_id: redCaseId, level: 'red', unit_code: villageCode, reported_by: villageCode });
    expect(JSON.parse(reports[0].recipients)).toEqual([
      expect.objectContaining({ unitCode: officeCode, as: 'township-leadership' }),
      expect.objectContaining({ unitCode: policeCode, as: 'police' }),
    ]);
    for (const code of [officeCode, policeCode]) {
      const inbox = await (await t.as(code)).get('/api/inbox');
      expect(inbox.status).toBe(200);
      expect(inbox.body.items).toEqual([expect.objectContaining({ kind: 'red-risk', caseId: redCaseId, subject: expect.stringContaining('红色风险') })]);
    }
    const police = await (await t.as(policeCode)).get(`/api/cases/${redCaseId}`);
    expect(police.status).toBe(200);
  });

  it.each([
    ['the village committee itself', villageCode, 1],
    ['its township justice office', officeCode, 1],
    ['the county justice bureau', '130606-jb', 1],
    ['the city justice bureau', '130600-jb', 1],
    ['the county police it was reported to', policeCode, 1],
    ['another township\'s justice office', '130606003-jo', 0],
  ])('R-V4 R-S1 the alert list of %s (%s) shows %i', async (_who, code, expected) => {
    const res = await (await t.as(code)).get('/api/alerts');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(expected);
    if (expected) {
      expect(res.body.items[0]).toMatchObject({ kind: 'red-risk', case: { id: redCaseId, riskLevel: 'red', escalationFocus: true } });
    }
  });

  it('R-V4 a red-risk case registered at ordinary intake is reported too, newest first', async () => {
    t.clock.set('2026-11-26T10:00:00+08:00');
    const office = await t.as(officeCode);
    const view = await registerCase(office, intakeBody({ riskLevel: 'red', disputeType: 'private-lending' }));
    const res = await office.get('/api/alerts');
    expect(res.body.items.map((a: { case: { id: string } }) => a.case.id)).toEqual([view.id, redCaseId]);
    const yellow = await query(`SELECT COUNT(*) AS n FROM risk_reports r JOIN cases c ON c.id = r.case_id WHERE c.risk_level <> 'red'`);
    expect(Number(yellow[0].n)).toBe(0);
  });
});
