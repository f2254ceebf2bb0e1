// A dispute from intake through people's mediation to a written agreement, follow-up and close
// (domain §4), checked through the API and in the stored rows.
import { intakeBody } from '../factories/parties';
import { clockOf, prepareMediation, registerCase, send, type CaseView } from '../support/case-driver';
import { dbQuery } from '../support/db-query';
import { startTestApp, type AuthedAgent, type TestApp } from '../support/test-app';

let t: TestApp;
let committee: AuthedAgent;
const village = '130606002001-mc';

beforeAll(async () => {
  t = await startTestApp({ now: '2026-11-02T09:00:00+08:00' });
  committee = await t.as(village);
});
afterAll(() => t.close());

const query = (sql: string, ...params: unknown[]) => dbQuery(t)(sql, ...params);

describe('R-P1…R-P7 intake → consent → rights notice → mediation → written agreement → follow-up → close', () => {
  let view: CaseView;

  it('R-P1 registration creates the case at the accepting committee with its registration form', async () => {
    view = await registerCase(committee, intakeBody());
    expect(view.state).toBe('peoples.registered');
    expect(view.version).toBe(1);
    expect(view.caseNo).toMatch(/^\(2026\).+调字第1号$/);
    expect(view.handlingUnit.code).toBe(village);
    expect(view.segments).toEqual([expect.objectContaining({ track: 'peoples', unit: expect.objectContaining({ code: village }) })]);
    const docs = await query('SELECT kind, status FROM documents WHERE case_id = ?', view.id);
    expect(docs).toEqual([expect.objectContaining({ kind: 'registration-form' })]);
  });

  it('R-P3/R-P4 mediation cannot start before every consent and the rights notice', async () => {
    const early = await committee.post(`/api/cases/${view.id}/events`).send({ type: 'START_MEDIATION' });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('TRANSITION_NOT_ALLOWED');
    expect(early.body.details.rules.map((r: { rule: string }) => r.rule)).toEqual(['R-P3', 'R-P4']);
    expect(early.body.details.allowedEvents).toContain('RECORD_CONSENT');

    view = await prepareMediation(committee, view);
    expect(view.mediation.rightsNotified).toBe(true);
    expect(Object.values(view.mediation.consents)).toEqual(['given', 'given']);
    expect(view.allowedEvents).toContain('START_MEDIATION');
  });

  it('R-P6 starting mediation starts the 30-day clock from acceptance', async () => {
    view = await send(committee, view.id, { type: 'START_MEDIATION' });
    expect(view.state).toBe('peoples.mediating');
    expect(view.deadlines).toEqual([
      expect.objectContaining({ kind: 'peoples-mediation', status: 'running', dueAt: '2026-12-03T00:00:00.000+08:00' }),
    ]);
  });

  it('R-P7 an agreement creating obligations must be written', async () => {
    const oral = await committee.post(`/api/cases/${view.id}/events`).send({
      type: 'REACH_AGREEMENT',
      form: 'oral',
      terms: '被申请人于十日内改建排水沟。',
      performanceMethod: '自行改建',
      createsObligations: true,
      writtenRequested: false,
    });
    expect(oral.status).toBe(409);
    expect(oral.body.details.rules).toEqual([expect.objectContaining({ rule: 'R-P7' })]);
  });

  it('R-P7 a written agreement takes effect once both parties and the mediator signed and the committee sealed', async () => {
    view = await send(committee, view.id, {
      type: 'REACH_AGREEMENT',
      form: 'written',
      terms: '一、被申请人于2026年11月15日前将排水沟改向东侧；二、被申请人赔偿申请人损失人民币叁仟元。',
      performanceMethod: '现金一次性支付',
      performancePlace: '和平社区居委会',
      performanceDeadline: '2026-11-15',
      amount: '3000',
      createsObligations: true,
      writtenRequested: true,
    });
    expect(view.state).toBe('peoples.signing');
    const [first, second] = view.parties;
    view = await send(committee, view.id, { type: 'SIGN_AGREEMENT', signer: first.id });
    const twice = await committee.post(`/api/cases/${view.id}/events`).send({ type: 'SIGN_AGREEMENT', signer: first.id });
    expect(twice.status).toBe(409);
    view = await send(committee, view.id, { type: 'SEAL_AGREEMENT' });
    view = await send(committee, view.id, { type: 'SIGN_AGREEMENT', signer: second.id });
    expect(view.state).toBe('peoples.signing');
    view = await send(committee, view.id, { type: 'SIGN_AGREEMENT', signer: 'mediator' });
    expect(view.state).toBe('peoples.agreed');
    expect(view.mediation.agreement).toEqual(expect.objectContaining({ form: 'written', sealed: true, amount: '3000.00' }));
    expect(view.segments[0]).toEqual(expect.objectContaining({ outcome: 'agreement' }));
    const stopped = clockOf(view, 'peoples-mediation');
    expect(stopped.status).toBe('stopped');
    // When and why it stopped, in Beijing time like every time the API writes.
    expect(stopped.basis.stopped).toEqual({ at: expect.stringMatching(/^2026-.*\+08:00$/), reason: expect.any(String) });
    // R-L6: the parties' 30 days to apply for judicial confirmation now run, as a clock (R-D4).
    expect(clockOf(view, 'confirmation-window')).toMatchObject({ status: 'running', basis: expect.objectContaining({ dayKind: 'calendar', days: 30 }) });
  });

  it('R-P7 the case is closed only after a follow-up', async () => {
    const early = await committee.post(`/api/cases/${view.id}/events`).send({ type: 'CLOSE' });
    expect(early.status).toBe(409);
    expect(early.body.details.rules).toEqual([expect.objectContaining({ rule: 'R-P7', message: expect.stringContaining('回访') })]);

    t.clock.advanceDays(14);
    view = await send(committee, view.id, { type: 'RECORD_FOLLOW_UP', performance: 'performed', note: '电话回访，双方均表示协议已履行完毕。' });
    view = await send(committee, view.id, { type: 'CLOSE' });
    expect(view.state).toBe('closed');
    expect(view.status).toBe('closed');
    expect(view.outcome).toBe('agreement');
    expect(view.allowedEvents).toEqual([]);
  });

  it('keeps every transition, its audit row and the documents it issued', async () => {
    const history = (await committee.get(`/api/cases/${view.id}/history`)).body;
    expect(history.map((h: { version: number }) => h.version)).toEqual(history.map((_: unknown, i: number) => i + 1));
    expect(history[0]).toEqual(expect.objectContaining({ event: 'REGISTER', from: null, to: 'peoples.registered' }));
    expect(history.at(-1)).toEqual(expect.objectContaining({ event: 'CLOSE', from: 'peoples.agreed', to: 'closed', version: view.version }));
    expect(history.at(-1).actor).toEqual({ username: village, unitCode: village });

    const audits = await query(`SELECT action FROM audit_records WHERE target_id = ? AND action LIKE 'case.%' ORDER BY seq`, view.id);
    expect(audits.map((a: { action: string }) => a.action)).toEqual(history.map((h: { event: string }) => `case.${h.event}`));

    const docs = await query('SELECT kind, number FROM documents WHERE case_id = ? ORDER BY number', view.id);
    expect(docs.map((d: { kind: string }) => d.kind).sort()).toEqual(
      ['case-file-cover', 'follow-up-record', 'mediation-agreement', 'registration-form', 'rights-notice'].sort(),
    );
    const [caseRow] = await query('SELECT state, version, concluded_at, outcome FROM cases WHERE id = ?', view.id);
    expect(caseRow).toEqual(expect.objectContaining({ state: 'closed', version: view.version, outcome: 'agreement' }));
    expect(caseRow.concluded_at).toBe('2026-11-16T01:00:00.000Z');
  });
});

describe('R-P3 a party who refuses mediation ends the case as refused', () => {
  it('closes with the termination letter', async () => {
    const view = await registerCase(committee, intakeBody());
    const closed = await send(committee, view.id, { type: 'RECORD_CONSENT', partyId: view.parties[1].id, consent: 'refused' });
    expect(closed.state).toBe('closed');
    expect(closed.outcome).toBe('refused');
    const docs = await query('SELECT kind FROM documents WHERE case_id = ? ORDER BY kind', view.id);
    expect(docs.map((d: { kind: string }) => d.kind)).toEqual(['case-file-cover', 'registration-form', 'termination']);
  });
});

describe('R-P5 a village committee escalates a cross-village dispute to its township committee', () => {
  it('moves the case to the township committee and keeps its history', async () => {
    const view = await registerCase(committee, intakeBody());
    const wrong = await committee.post(`/api/cases/${view.id}/events`).send({ type: 'ESCALATE', targetUnitCode: '130606001-mc', reason: '跨村纠纷' });
    expect(wrong.status).toBe(409);
    expect(wrong.body.details.rules).toEqual([expect.objectContaining({ rule: 'R-P5' })]);

    const escalated = await send(committee, view.id, { type: 'ESCALATE', targetUnitCode: '130606002-mc', reason: '涉及两个社区，情况复杂' });
    expect(escalated.handlingUnit.code).toBe('130606002-mc');
    expect(escalated.segments.map((s) => [s.unit.code, s.outcome])).toEqual([
      [village, 'escalated'],
      ['130606002-mc', null],
    ]);
    // The village committee still reads the case it started, but may no longer act on it.
    const read = await committee.get(`/api/cases/${view.id}`);
    expect(read.status).toBe(200);
    expect(read.body.allowedEvents).toEqual([]);
    const township = await t.as('130606002-mc');
    expect((await township.get(`/api/cases/${view.id}/history`)).body.map((h: { event: string }) => h.event)).toEqual(['REGISTER', 'ESCALATE']);
  });
});
