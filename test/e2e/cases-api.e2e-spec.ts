// The case API's guarantees: jurisdiction (R-S1), validation with nothing stored (R-C1), racing
// events, optimistic versions, idempotency, duplicate work orders (R-C2), R-P2, masking (R-S2).
import { AuditService } from '../../src/audit/audit.service';
import { intakeBody, person } from '../factories/parties';
import { prepareMediation, registerCase, send } from '../support/case-driver';
import { dbQuery, dbRowsEventually } from '../support/db-query';
import { startTestApp, type AuthedAgent, type TestApp } from '../support/test-app';

let t: TestApp;
let office: AuthedAgent;
let query: ReturnType<typeof dbQuery>;

beforeAll(async () => {
  t = await startTestApp({ now: '2026-11-02T09:00:00+08:00' });
  office = await t.as('130606002-jo');
  query = dbQuery(t);
});
afterAll(() => t.close());

const count = async (table: string) => Number((await query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);

describe('R-S1 jurisdiction', () => {
  it('refuses a user of another township on read and on write, and logs the attempt', async () => {
    const view = await registerCase(office, intakeBody());
    const stranger = await t.as('130606001-jo');
    const read = await stranger.get(`/api/cases/${view.id}`);
    expect(read.status).toBe(404);
    expect(read.body.code).toBe('CASE_NOT_FOUND');
    const history = await stranger.get(`/api/cases/${view.id}/history`);
    expect(history.status).toBe(404);
    const write = await stranger.post(`/api/cases/${view.id}/events`).send({ type: 'NOTIFY_RIGHTS' });
    expect(write.status).toBe(404);
    expect((await stranger.get('/api/cases')).body.items.map((c: { id: string }) => c.id)).not.toContain(view.id);
    const [row] = await query('SELECT version FROM cases WHERE id = ?', view.id);
    expect(row.version).toBe(1);
    const denied = await dbRowsEventually(t)(2, `SELECT actor_username FROM audit_records WHERE action = 'case.access-denied' AND target_id = ?`, view.id);
    expect(denied.length).toBeGreaterThanOrEqual(2);
  });

  it('lets the county and city justice bureaus read their subtree but not act', async () => {
    const view = await registerCase(office, intakeBody());
    for (const username of ['130606-jb', '130600-jb']) {
      const bureau = await t.as(username);
      const read = await bureau.get(`/api/cases/${view.id}`);
      expect(read.status).toBe(200);
      expect(read.body.allowedEvents).toEqual([]);
      const act = await bureau.post(`/api/cases/${view.id}/events`).send({ type: 'NOTIFY_RIGHTS' });
      expect(act.status).toBe(403);
    }
    const otherCounty = await t.as('130602-jb');
    expect((await otherCounty.get(`/api/cases/${view.id}`)).status).toBe(404);
  });

  it('answers 401 without a token and with a forged one', async () => {
    expect((await t.http.get('/api/cases')).status).toBe(401);
    const forged = await t.http.get('/api/cases').set('Authorization', 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.');
    expect(forged.status).toBe(401);
    expect(forged.body).toEqual({ code: 'UNAUTHENTICATED', message: expect.any(String), details: {} });
  });
});

describe('R-C1 intake validation', () => {
  it('refuses a bad ID number with a field error and stores nothing', async () => {
    await t.app.get(AuditService).flushReads();
    const before = await Promise.all(['cases', 'parties', 'case_transitions', 'documents', 'audit_records'].map(count));
    const body = intakeBody();
    const badCheck = `${body.parties[0].idNumber.slice(0, 17)}${body.parties[0].idNumber[17] === '0' ? '1' : '0'}`;
    body.parties[0] = { ...body.parties[0], idNumber: badCheck };
    const res = await office.post('/api/cases').send(body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details.fields).toEqual({ 'parties.0.idNumber': ['身份证号码校验位错误，请核对'] });
    const after = await Promise.all(['cases', 'parties', 'case_transitions', 'documents', 'audit_records'].map(count));
    expect(after).toEqual(before);
  });

  it('refuses a gender that contradicts the ID number, an impossible birth date and an unknown field', async () => {
    const body = intakeBody({ nickname: 'x' });
    body.parties[1] = { ...person('王五', 'respondent', 'male', '1980-09-03', 3), gender: 'female' };
    body.parties.push({ ...person('赵六', 'respondent', 'male', '1980-09-03', 4), idNumber: '130606198002300015' });
    const res = await office.post('/api/cases').send(body);
    expect(res.status).toBe(400);
    expect(res.body.details.fields).toEqual({
      nickname: ['不允许的字段'],
      'parties.1.idNumber': [expect.stringContaining('性别不符')],
      'parties.2.idNumber': [expect.stringContaining('出生日期不存在')],
    });
  });

  it('checks an organisation party’s unified social credit code', async () => {
    const body = intakeBody();
    body.parties[1] = { role: 'respondent', kind: 'organisation', name: '保定某物业服务有限公司', creditCode: '91130606MA0CXXXX12', legalRepresentative: '孙某' } as never;
    const res = await office.post('/api/cases').send(body);
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.details.fields)).toEqual(['parties.1.creditCode']);
    body.parties[1] = { ...(body.parties[1] as object), creditCode: '91350100M000100Y43' } as never;
    expect((await office.post('/api/cases').send(body)).status).toBe(201);
  });

  it('answers malformed JSON and a non-object body with 400 in the shared shape', async () => {
    const token = await t.token('130606002-jo');
    const bad = await t.http.post('/api/cases').set('Authorization', `Bearer ${token}`).set('content-type', 'application/json').send('{"parties": [');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    const view = await registerCase(office, intakeBody());
    const array = await office.post(`/api/cases/${view.id}/events`).send([{ type: 'NOTIFY_RIGHTS' }]);
    expect(array.status).toBe(400);
    const unknownType = await office.post(`/api/cases/${view.id}/events`).send({ type: 'DANCE' });
    expect(unknownType.status).toBe(400);
    expect(Object.keys(unknownType.body.details.fields)).toEqual(['type']);
    const extra = await office.post(`/api/cases/${view.id}/events`).send({ type: 'NOTIFY_RIGHTS', actor: { roles: ['system'] } });
    expect(extra.status).toBe(400);
    expect(extra.body.details.fields).toEqual({ actor: ['不允许的字段'] });
    expect((await office.get('/api/cases/not-a-uuid')).status).toBe(400);
  });
});

describe('R-P2 prior acceptance by another organ', () => {
  it('refuses a dispute the police already accepted unless they referred it', async () => {
    const refused = await office.post('/api/cases').send(intakeBody({ priorAcceptance: { organ: 'police', referred: false } }));
    expect(refused.status).toBe(422);
    expect(refused.body).toEqual(expect.objectContaining({ code: 'RULE_VIOLATED', details: { rule: 'R-P2' } }));
    const referred = await office.post('/api/cases').send(intakeBody({ source: 'police-transfer', priorAcceptance: { organ: 'police', referred: true } }));
    expect(referred.status).toBe(201);
  });
});

describe('R-C2 hotline work orders', () => {
  it('answers a repeated intake of the same work order with the existing case', async () => {
    const body = intakeBody({ source: 'hotline-12345', workOrderNo: 'BD20261102-0031' });
    const first = await office.post('/api/cases').send(body);
    const again = await office.post('/api/cases').send(body);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect(await query('SELECT id FROM cases WHERE work_order_no = ?', 'BD20261102-0031')).toHaveLength(1);
    const missing = await office.post('/api/cases').send(intakeBody({ source: 'hotline-12348' }));
    expect(missing.body.details.fields).toEqual({ workOrderNo: ['必填'] });
  });

  it('creates one case when the same work order arrives twice at once', async () => {
    const body = intakeBody({ source: 'hotline-12348', workOrderNo: 'HB12348-7788' });
    const answers = await Promise.all([office.post('/api/cases').send(body), office.post('/api/cases').send(body)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
  });
});

describe('concurrency and retries', () => {
  it('two racing events on one case: one succeeds, the other gets 409', async () => {
    const view = await registerCase(office, intakeBody());
    await prepareMediation(office, view);
    const started = await send(office, view.id, { type: 'START_MEDIATION' });
    const agree = office.post(`/api/cases/${view.id}/events`).send({
      type: 'REACH_AGREEMENT', form: 'oral', terms: '互相谅解', performanceMethod: '即时', createsObligations: false, writtenRequested: false,
    });
    const fail = office.post(`/api/cases/${view.id}/events`).send({ type: 'DECLARE_FAILED' });
    const [a, b] = await Promise.all([agree, fail]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.code).toBe('TRANSITION_NOT_ALLOWED');
    const [row] = await query('SELECT version FROM cases WHERE id = ?', view.id);
    expect(row.version).toBe(started.version + 1);
    expect(await query('SELECT version FROM case_transitions WHERE case_id = ? AND version > ?', view.id, started.version)).toHaveLength(1);
  });

  it('If-Match: a stale version is refused with VERSION_CONFLICT and the current version', async () => {
    const view = await registerCase(office, intakeBody());
    const ok = await office.post(`/api/cases/${view.id}/events`).set('If-Match', String(view.version)).send({ type: 'NOTIFY_RIGHTS' });
    expect(ok.status).toBe(200);
    const stale = await office.post(`/api/cases/${view.id}/events`).set('If-Match', String(view.version)).send({ type: 'LOG_SESSION', summary: 'x' });
    expect(stale.status).toBe(409);
    expect(stale.body).toEqual({ code: 'VERSION_CONFLICT', message: expect.any(String), details: { currentVersion: view.version + 1 } });
    const racing = await Promise.all(
      [0, 1].map(() => office.post(`/api/cases/${view.id}/events`).set('If-Match', String(view.version + 1)).send({ type: 'RECORD_CONSENT', partyId: view.parties[0].id, consent: 'given' })),
    );
    expect(racing.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it('Idempotency-Key: a retried request gets the first answer and has no second effect', async () => {
    const view = await registerCase(office, intakeBody());
    const event = { type: 'RECORD_CONSENT', partyId: view.parties[0].id, consent: 'given' };
    const first = await office.post(`/api/cases/${view.id}/events`).set('Idempotency-Key', 'retry-1').send(event);
    const retry = await office.post(`/api/cases/${view.id}/events`).set('Idempotency-Key', 'retry-1').send(event);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect(await query('SELECT version FROM case_transitions WHERE case_id = ?', view.id)).toHaveLength(2);
    const reused = await office.post(`/api/cases/${view.id}/events`).set('Idempotency-Key', 'retry-1').send({ type: 'NOTIFY_RIGHTS' });
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });
});

describe('R-S2 personal data', () => {
  it('masks ID numbers and phones; the handling unit may reveal them, and each reveal is audited', async () => {
    const view = await registerCase(office, intakeBody());
    expect(view.parties[0].idNumber).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(view.parties[0].phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    const list = await office.get('/api/cases?pageSize=5');
    expect(list.body.items[0].parties[0].idNumber).toContain('********');
    const revealed = await office.get(`/api/cases/${view.id}?reveal=true`);
    expect(revealed.body.parties[0].idNumber).toBe(intakeBody().parties[0].idNumber);
    const bureau = await t.as('130606-jb');
    expect((await bureau.get(`/api/cases/${view.id}?reveal=true`)).status).toBe(403);
    const audits = await query(`SELECT actor_username FROM audit_records WHERE action = 'case.reveal-personal-data' AND target_id = ?`, view.id);
    expect(audits).toEqual([{ actor_username: '130606002-jo' }]);
  });
});

describe('listing', () => {
  it('filters by state, risk, dispute type, acceptance dates and text, and pages', async () => {
    const own = await t.as('130606003-jo');
    const a = await registerCase(own, intakeBody({ riskLevel: 'red', disputeType: 'private-lending', summary: '借款三万元到期未还' }));
    t.clock.advanceDays(3);
    const b = await registerCase(own, intakeBody({ riskLevel: 'blue' }));
    await prepareMediation(own, b);
    await send(own, b.id, { type: 'START_MEDIATION' });
    const ids = async (qs: string) => (await own.get(`/api/cases?${qs}`)).body.items.map((c: { id: string }) => c.id);
    expect(await ids('risk=red')).toEqual([a.id]);
    expect(await ids('state=peoples.mediating')).toEqual([b.id]);
    expect(await ids('track=peoples')).toEqual([b.id, a.id]);
    expect(await ids('disputeType=private-lending')).toEqual([a.id]);
    expect(await ids('accepted-from=2026-11-05')).toEqual([b.id]);
    expect(await ids('accepted-to=2026-11-02')).toEqual([a.id]);
    expect(await ids('q=借款')).toEqual([a.id]);
    expect(await ids('q=张建国')).toEqual([b.id, a.id]);
    const page = await own.get('/api/cases?pageSize=1&page=2');
    expect(page.body).toEqual(expect.objectContaining({ total: 2, page: 2, pageSize: 1 }));
    expect(page.body.items.map((c: { id: string }) => c.id)).toEqual([a.id]);
    const bad = await own.get('/api/cases?pageSize=1000&risk=purple');
    expect(Object.keys(bad.body.details.fields).sort()).toEqual(['pageSize', 'risk']);
  });
});
