// 民转刑 records through HTTP (R-T5 prevention effect): the township justice office or the county
// police record that a mediated dispute later became a criminal case; the month's evaluation counts
// it among the mediated cases of the units that handled it.
import { intakeBody } from '../factories/parties';
import { mediatingCase, registerCase, type CaseView } from '../support/case-driver';
import { dbQuery } from '../support/db-query';
import { monthlyUrl } from '../support/statistics-driver';
import { startTestApp, type AuthedAgent, type TestApp } from '../support/test-app';

let t: TestApp;
let office: AuthedAgent;
let village: AuthedAgent;
const OFFICE = '130606002-jo';
const VILLAGE = '130606002001-mc';
const POLICE = '130606-ag-police';

beforeAll(async () => {
  t = await startTestApp({ now: '2026-11-10T09:00:00+08:00' });
  office = await t.as(OFFICE);
  village = await t.as(VILLAGE);
});
afterAll(() => t.close());

const query = (sql: string, ...params: unknown[]) => dbQuery(t)(sql, ...params);
const url = (view: CaseView) => `/api/cases/${view.id}/escalations-to-crime`;
const record = { occurredOn: '2026-11-20', policeCaseNo: '保公莲刑字〔2026〕123号', description: '调解结束后双方再次发生冲突，一方持械伤人，公安机关已立案侦查。' };

describe('R-T5 民转刑 recorded for a mediated case', () => {
  let mediated: CaseView;
  let red: CaseView;

  beforeAll(async () => {
    mediated = await mediatingCase(office, intakeBody({ disputeType: 'neighbour' }));
    // A red-risk case is reported to the county police, who may then read it (R-V4).
    red = await registerCase(village, intakeBody({ riskLevel: 'red', disputeType: 'marriage-family' }));
  });

  it('R-S1 a village committee may not record it; another township does not see the case', async () => {
    t.clock.set('2026-11-25T09:00:00+08:00');
    expect((await village.post(url(red)).send(record)).status).toBe(403);
    expect((await (await t.as('130606003-jo')).post(url(mediated)).send(record)).status).toBe(404);
  });

  it('a date in the future or before the case was accepted is a field error, and nothing is stored', async () => {
    for (const occurredOn of ['2026-11-26', '2026-11-09']) {
      const res = await office.post(url(mediated)).send({ ...record, occurredOn });
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.details.fields)).toEqual(['occurredOn']);
    }
    const bad = await office.post(url(mediated)).send({ ...record, occurredOn: '2026-02-30', extra: 1 });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.details.fields).sort()).toEqual(['extra', 'occurredOn']);
    expect(await query('SELECT id FROM crime_escalations')).toEqual([]);
  });

  it('the justice office records it: stored, audited, listed with the case', async () => {
    const res = await office.post(url(mediated)).send(record);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ caseId: mediated.id, occurredOn: '2026-11-20', recordedBy: { unitCode: OFFICE } });
    const rows = await query('SELECT case_id, occurred_on, police_case_no, recorded_unit_code FROM crime_escalations');
    expect(rows).toEqual([{ case_id: mediated.id, occurred_on: '2026-11-20', police_case_no: record.policeCaseNo, recorded_unit_code: OFFICE }]);
    const audit = await query(`SELECT actor_unit_code FROM audit_records WHERE action = 'case.escalation-to-crime' AND target_id = ?`, mediated.id);
    expect(audit).toEqual([{ actor_unit_code: OFFICE }]);
    const list = await office.get(url(mediated));
    expect(list.body.items).toEqual([expect.objectContaining({ description: record.description })]);
  });

  it('the county police, told of the red-risk case, record it too', async () => {
    const res = await (await t.as(POLICE)).post(url(red)).send({ occurredOn: '2026-11-24', description: '夫妻纠纷升级为故意伤害。' });
    expect(res.status).toBe(201);
    expect((await village.get(url(red))).body.items).toEqual([expect.objectContaining({ recordedBy: expect.objectContaining({ unitCode: POLICE }) })]);
  });

  it('R-T5 the month\'s prevention score of the township counts both; a township without any keeps its share', async () => {
    const report = (await office.get(monthlyUrl(OFFICE, '2026-11'))).body;
    expect(report.evaluation.version).toBe('v2');
    expect(report.evaluation.prevention.inputs).toEqual(expect.objectContaining({ mediated: 2, escalationsToCrime: 2 }));
    // No flags, no relapse, 民转刑 this month: 100 × (0 + 0.3 × 1 + 0) = 30.
    expect(report.evaluation.prevention.score).toBe(30);
    const other = (await (await t.as('130606003-jo')).get(monthlyUrl('130606003-jo', '2026-11'))).body;
    expect(other.evaluation.prevention.inputs.escalationsToCrime).toBe(0);
    const october = (await office.get(monthlyUrl(OFFICE, '2026-10'))).body;
    expect(october.evaluation.prevention.inputs.escalationsToCrime).toBe(0);
  });
});
