// Working-day clocks and the holiday calendar as data (R-D2, R-D4): a people's-mediation clock
// counted in working days across Spring Festival 2026 shows why it ends when it does; an
// administrator loads a later year's notice (validated, audited) and clocks counted without it
// are counted again.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ClockSweeper } from '../../src/deadlines/clock-sweeper';
import { intakeBody } from '../factories/parties';
import { clockOf, mediatingCase, send, type CaseView } from '../support/case-driver';
import { dbQuery } from '../support/db-query';
import { startTestApp, type AuthedAgent, type TestApp } from '../support/test-app';

let t: TestApp;
let office: AuthedAgent;
let admin: AuthedAgent;

beforeAll(async () => {
  t = await startTestApp({ now: '2026-02-10T10:00:00+08:00', env: { MEDIATION_DAY_KIND: 'working' } });
  office = await t.as('130606002-jo');
  admin = await t.as('admin');
});
afterAll(() => t.close());

const query = (sql: string, ...params: unknown[]) => dbQuery(t)(sql, ...params);
const sweep = () => t.app.get(ClockSweeper).sweepNow();

/** A case in peoples.mediating whose 30-day clock counts from `at`. */
async function mediatingAt(at: string): Promise<CaseView> {
  t.clock.set(at);
  return mediatingCase(office, intakeBody());
}

describe('R-D2 R-D4 30 working days across Spring Festival 2026', () => {
  let view: CaseView;

  it('end on 2026-03-30, and the case says which days were skipped and why', async () => {
    view = await mediatingAt('2026-02-10T10:00:00+08:00');
    const clock = clockOf(view);
    expect(clock.dueAt).toBe('2026-03-31T00:00:00.000+08:00');
    expect(clock.basis).toMatchObject({ rule: 'R-D4', dayKind: 'working', days: 30, from: '2026-02-10', lastDay: '2026-03-30', calendarMissing: [] });
    expect(clock.basis.skipped).toContainEqual({ from: '2026-02-15', to: '2026-02-23', days: 9, reason: 'holiday', name: '春节' });
    expect(clock.basis.makeUpWorkdays).toEqual([
      { date: '2026-02-14', name: '春节调休' },
      { date: '2026-02-28', name: '春节调休' },
    ]);
    expect(clock.basis.explanation).toContain('春节 2026年2月15日至2026年2月23日（9天）');
    expect(clock.basis.explanation).toContain('计入调休上班日：2026年2月14日（春节调休）、2026年2月28日（春节调休）');
  });

  it('the trial count gives the same answer without starting a clock', async () => {
    const res = await office.get('/api/deadlines/period?from=2026-02-10&days=30&dayKind=working');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ lastDay: '2026-03-30', dueAt: '2026-03-31T00:00:00.000+08:00' });
    expect(res.body.explanation).toBe(clockOf(view).basis.explanation);
  });

  it('R-P6 it runs out at midnight after the last working day, not before', async () => {
    t.clock.set('2026-03-30T23:59:00+08:00');
    await sweep();
    expect((await office.get(`/api/cases/${view.id}`)).body.state).toBe('peoples.mediating');
    t.clock.set('2026-03-31T00:00:00+08:00');
    await sweep();
    const after = (await office.get(`/api/cases/${view.id}`)).body;
    expect(after.state).toBe('peoples.failed');
    expect(after.mediation.failure.reason).toBe('expired');
  });
});

describe('R-D2 the shipped calendar is the 2025 and 2026 State Council notices', () => {
  it('lists both years with their source', async () => {
    const res = await office.get('/api/deadlines/calendar');
    expect(res.body.items.map((y: { year: number }) => y.year)).toEqual([2025, 2026]);
    expect(res.body.items[0].source).toContain('国办发明电〔2024〕12号');
  });

  it('holds exactly the rows of reference-data/cn-holidays-2025-2026.csv', async () => {
    const csv = readFileSync(join(__dirname, '../../reference-data/cn-holidays-2025-2026.csv'), 'utf8').trim().split('\n').slice(1);
    const loaded = [...(await office.get('/api/deadlines/calendar/2025')).body.days, ...(await office.get('/api/deadlines/calendar/2026')).body.days];
    expect(loaded.map((d: { date: string; kind: string; name: string }) => `${d.date},${d.kind},${d.name}`)).toEqual(csv);
  });
});

describe('R-D2 an administrator loads a later year', () => {
  const notice2027 = {
    year: 2027,
    // Test data, not the real notice (unpublished when this was written).
    source: '测试用：2027年部分节假日安排',
    days: [
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2027-01-02', kind: 'holiday', name: '元旦' },
      { date: '2027-01-03', kind: 'holiday', name: '元旦' },
    ],
  };
  let view: CaseView;

  it('a working-day clock reaching into an unloaded year says so', async () => {
    view = await mediatingAt('2026-12-20T10:00:00+08:00');
    const { basis } = clockOf(view);
    expect(basis.calendarMissing).toEqual([2027]);
    expect(basis.lastDay).toBe('2027-01-29');
    expect(basis.explanation).toContain('尚未录入2027年的节假日安排');
  });

  it('only an administrator may load a year', async () => {
    const res = await office.post('/api/deadlines/calendar').send(notice2027);
    expect(res.status).toBe(403);
  });

  it.each([
    ['a make-up workday on a weekday', { days: [...notice2027.days, { date: '2027-02-03', kind: 'workday', name: '春节调休' }] }, 'days[3].kind'],
    ['a day the 2026 notice settled otherwise', { days: [...notice2027.days, { date: '2026-10-10', kind: 'holiday', name: '国庆节' }] }, 'days[3].date'],
    ['a spill-over that would make a loaded 2026 weekday a holiday', { days: [...notice2027.days, { date: '2026-12-31', kind: 'holiday', name: '元旦' }] }, 'days[3].date'],
    ['an unknown kind', { days: [{ date: '2027-01-01', kind: 'rest', name: '元旦' }] }, 'days.0.kind'],
  ])('refuses %s with a field error', async (_name, change, field) => {
    const res = await admin.post('/api/deadlines/calendar').send({ ...notice2027, ...change });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(res.body.details.fields)).toContain(field);
  });

  it('refuses a year already loaded', async () => {
    const res = await admin.post('/api/deadlines/calendar').send({ ...notice2027, year: 2026, days: [{ date: '2026-01-01', kind: 'holiday', name: '元旦' }] });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('DUPLICATE');
  });

  it('loads a valid year, audited, and counts the waiting clock again', async () => {
    t.clock.set('2026-12-28T09:00:00+08:00');
    const res = await admin.post('/api/deadlines/calendar').send(notice2027);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ year: 2027, holidays: 3, workdays: 0, recountedClocks: 1 });

    const { basis, dueAt } = (await office.get(`/api/cases/${view.id}`)).body.deadlines[0];
    expect(basis.calendarMissing).toEqual([]);
    // 2027-01-01 (a Friday) is now a holiday: the 30th working day moves from 01-29 to 02-01.
    expect(basis.lastDay).toBe('2027-02-01');
    expect(dueAt).toBe('2027-02-02T00:00:00.000+08:00');
    expect(basis.recomputed).toEqual([{ at: '2026-12-28T09:00:00.000+08:00', reason: '录入2027年节假日安排后重新计算', previousLastDay: '2027-01-29' }]);

    const audit = await query(`SELECT actor_username, detail FROM audit_records WHERE action = 'calendar.year-loaded'`);
    expect(audit).toHaveLength(1);
    expect(audit[0].actor_username).toBe('admin');
    expect(JSON.parse(audit[0].detail)).toMatchObject({ year: 2027, recountedClocks: 1 });
    expect((await office.get('/api/deadlines/calendar')).body.items.map((y: { year: number }) => y.year)).toEqual([2025, 2026, 2027]);
  });

  it('new clocks use the loaded year at once', async () => {
    const res = await office.get('/api/deadlines/period?from=2026-12-31&days=1&dayKind=calendar');
    expect(res.body).toMatchObject({ lastDay: '2027-01-04', calendarMissing: [] });
    expect(res.body.skipped).toEqual([{ from: '2027-01-01', to: '2027-01-03', days: 3, reason: 'holiday', name: '元旦' }]);
  });
});

describe('R-L6 R-D4 the 30-day confirmation window ending on National Day runs to the first working day after', () => {
  const oralAgreement = { type: 'REACH_AGREEMENT', form: 'oral', terms: '双方和解。', performanceMethod: '当场履行', createsObligations: false, writtenRequested: false };
  const apply = (view: CaseView) => ({ type: 'APPLY_FOR_CONFIRMATION', courtUnitCode: '130606-ct', applicantPartyIds: view.parties.map((p) => p.id), subject: 'civil-rights' });
  const agreedOn = async (at: string) => {
    const view = await mediatingAt('2026-09-01T10:00:00+08:00');
    t.clock.set(at);
    return send(office, view.id, oralAgreement);
  };
  let early: CaseView;
  let late: CaseView;

  it('an agreement in force on 2026-09-02 opens the window as a clock: day 30 is 10-02 (国庆节), so it ends with 10-08', async () => {
    early = await agreedOn('2026-09-02T15:00:00+08:00');
    late = await agreedOn('2026-09-02T15:00:00+08:00');
    const window = clockOf(early, 'confirmation-window');
    expect(window).toMatchObject({ status: 'running', dueAt: '2026-10-09T00:00:00.000+08:00', overdue: false });
    expect(window.basis).toMatchObject({ rule: 'R-D4', dayKind: 'calendar', days: 30, from: '2026-09-02', lastDay: '2026-10-08' });
    expect(window.basis.explanation).toContain('国庆节');
    // The parties' period, not a task of the office: no reminder.
    const [row] = await query('SELECT remind_at FROM clocks WHERE case_id = ? AND kind = ?', early.id, 'confirmation-window');
    expect(row.remind_at).toBeNull();
  });

  it('on 2026-10-08 — after the old count\'s last day, within the rolled-over one — the parties may still apply', async () => {
    t.clock.set('2026-10-08T16:00:00+08:00');
    await sweep();
    const view = await send(office, early.id, apply(early));
    expect(view.state).toBe('confirmation.applied');
  });

  it('once the window\'s clock has fired at the end of 10-08 the application is refused with R-L6, the agreement stands', async () => {
    t.clock.set('2026-10-09T00:00:00+08:00');
    // Past due, not yet swept: the parties' period never makes the office overdue (R-D3 lists units' tasks).
    expect(clockOf((await office.get(`/api/cases/${late.id}`)).body, 'confirmation-window')).toMatchObject({ status: 'running', overdue: false });
    const overdue = await office.get('/api/deadlines/overdue');
    expect(overdue.body.items.map((i: { caseId: string }) => i.caseId)).not.toContain(late.id);
    expect((await office.get('/api/cases?overdue=true')).body.items.map((c: { id: string }) => c.id)).not.toContain(late.id);
    const report = await sweep();
    expect(report.fired).toBeGreaterThanOrEqual(1);
    const res = await office.post(`/api/cases/${late.id}/events`).send(apply(late));
    expect(res.status).toBe(409);
    expect(res.body.details.rules).toEqual([expect.objectContaining({ rule: 'R-L6', message: expect.stringContaining('30日内') })]);
    const view = (await office.get(`/api/cases/${late.id}`)).body as CaseView;
    expect(view.state).toBe('peoples.agreed');
    expect(view.mediation.agreement).toMatchObject({ confirmationWindow: 'closed' });
    expect(clockOf(view, 'confirmation-window')).toMatchObject({ status: 'fired' });
  });
});
