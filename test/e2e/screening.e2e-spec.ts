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

describe('R-V4 an open case whose risk is reassessed as red is reported at once', () => {
  let caseId: string;
  let office: AuthedAgent;

  beforeAll(async () => {
    t.clock.set('2026-11-27T09:00:00+08:00');
    office = await t.as(officeCode);
    caseId = (await registerCase(village, intakeBody({ riskLevel: 'yellow', disputeType: 'neighbour' }))).id;
  });
  const reportsOf = (id: string) => query('SELECT level, unit_code, reported_by, recipients FROM risk_reports WHERE case_id = ?', id);

  it('R-V4 a yellow case registered is not reported', async () => {
    expect(await reportsOf(caseId)).toEqual([]);
  });

  it('R-V4 the township justice office raises it to red: the case says so, the report goes to the township leadership and the police', async () => {
    const res = await office.post(`/api/cases/${caseId}/events`).send({ type: 'ASSESS_RISK', riskLevel: 'red', reason: '一方扬言报复，事态升级' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ riskLevel: 'red', state: 'peoples.registered' });

    const reports = await reportsOf(caseId);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ level: 'red', unit_code: villageCode, reported_by: officeCode });
    expect(JSON.parse(reports[0].recipients).map((r: { unitCode: string }) => r.unitCode)).toEqual([officeCode, policeCode]);
    const inbox = await (await t.as(policeCode)).get('/api/inbox');
    expect(inbox.body.items).toContainEqual(expect.objectContaining({ kind: 'red-risk', caseId, subject: expect.stringContaining('红色风险') }));
    const alerts = await (await t.as('130606-jb')).get('/api/alerts');
    expect(alerts.body.items.map((a: { case: { id: string } }) => a.case.id)).toContain(caseId);
    const [row] = await query('SELECT risk_level FROM cases WHERE id = ?', caseId);
    expect(row.risk_level).toBe('red');
    const history = (await office.get(`/api/cases/${caseId}/history`)).body as { event: string; payload: object }[];
    expect(history.at(-1)).toMatchObject({ event: 'ASSESS_RISK', payload: { riskLevel: 'red', reason: '一方扬言报复，事态升级' } });
  });

  it('R-V4 the same level again is refused with the rule, and nothing is reported twice', async () => {
    const res = await village.post(`/api/cases/${caseId}/events`).send({ type: 'ASSESS_RISK', riskLevel: 'red', reason: '仍有报复言论' });
    expect(res.status).toBe(409);
    expect(res.body.details.rules).toEqual([{ rule: 'R-V4', message: expect.stringContaining('风险等级') }]);
    expect(await reportsOf(caseId)).toHaveLength(1);
  });

  it('R-V4 lowered to orange by its committee: recorded, listed under orange, no new report', async () => {
    const res = await village.post(`/api/cases/${caseId}/events`).send({ type: 'ASSESS_RISK', riskLevel: 'orange', reason: '经疏导双方情绪平稳' });
    expect(res.status).toBe(200);
    expect(res.body.riskLevel).toBe('orange');
    const list = await village.get('/api/cases?risk=orange');
    expect(list.body.items.map((c: { id: string }) => c.id)).toContain(caseId);
    expect(await reportsOf(caseId)).toHaveLength(1);
  });

  it('R-S1 the county bureau (reads, never acts) is refused, another township does not see it; a level outside the catalogue is a field error', async () => {
    const county = await t.as('130606-jb');
    const forbidden = await county.post(`/api/cases/${caseId}/events`).send({ type: 'ASSESS_RISK', riskLevel: 'red', reason: '—' });
    expect(forbidden.status).toBe(403);
    const other = await t.as('130606003-jo');
    const unseen = await other.post(`/api/cases/${caseId}/events`).send({ type: 'ASSESS_RISK', riskLevel: 'red', reason: '—' });
    expect(unseen.status).toBe(404);
    const bad = await village.post(`/api/cases/${caseId}/events`).send({ type: 'ASSESS_RISK', riskLevel: 'purple', reason: '—' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.details.fields)).toEqual(['riskLevel']);
    const [row] = await query('SELECT risk_level, version FROM cases WHERE id = ?', caseId);
    expect(row.risk_level).toBe('orange');
  });
});
