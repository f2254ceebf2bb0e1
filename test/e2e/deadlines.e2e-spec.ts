// Legal clocks through HTTP (domain §9): a people's-mediation clock runs out and the case fails
// exactly once; reminders land once in the handling unit's inbox; overdue lists for a unit and
// its parents; a clock whose case moved on is stopped, not retried. The clock is injected and
// sweeps run when the test says so (POST /api/deadlines/sweep, or the sweeper itself).
import { verifyAuditChain } from '../../src/audit/audit-verifier';
import { ClockSweeper } from '../../src/deadlines/clock-sweeper';
import { intakeBody } from '../factories/parties';
import { clockOf, mediatingCase, registerCase, send, type CaseView } from '../support/case-driver';
import { dbQuery } from '../support/db-query';
import { startTestApp, type AuthedAgent, type TestApp } from '../support/test-app';

let t: TestApp;
let office: AuthedAgent;
let admin: AuthedAgent;
const officeCode = '130606002-jo';

beforeAll(async () => {
  t = await startTestApp({ now: '2026-11-02T09:00:00+08:00' });
  office = await t.as(officeCode);
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

describe('R-P6 R-D1 a 30-day people\'s-mediation clock runs out', () => {
  let view: CaseView;

  it('R-D4 START_MEDIATION stores the absolute due time and its basis', async () => {
    view = await mediatingAt('2026-11-02T09:00:00+08:00');
    expect(view.deadlines).toEqual([
      expect.objectContaining({ kind: 'peoples-mediation', status: 'running', dueAt: '2026-12-03T00:00:00.000+08:00' }),
    ]);
    const basis = clockOf(view).basis;
    expect(basis).toMatchObject({ rule: 'R-D4', dayKind: 'calendar', days: 30, from: '2026-11-02', lastDay: '2026-12-02', skipped: [] });
    expect(basis.explanation).toContain('期限于2026年12月2日24时（北京时间）届满');
  });

  it('R-D1 nothing fires a second before the end of the last day', async () => {
    t.clock.set('2026-12-02T23:59:59+08:00');
    await sweep();
    const res = await office.get(`/api/cases/${view.id}`);
    expect(res.body.state).toBe('peoples.mediating');
  });

  it('R-P6 at the due time the sweep sends CLOCK_EXPIRED and the case fails with reason expired', async () => {
    t.clock.set('2026-12-03T00:00:00+08:00');
    const res = await admin.post('/api/deadlines/sweep');
    expect(res.status).toBe(200);
    expect(res.body.fired).toBeGreaterThanOrEqual(1);

    const after = (await office.get(`/api/cases/${view.id}`)).body;
    expect(after.state).toBe('peoples.failed');
    expect(after.mediation.failure).toMatchObject({ reason: 'expired' });
    expect(after.segments[0].outcome).toBe('expired');
    expect(after.deadlines[0]).toMatchObject({ status: 'fired', overdue: false });
  });

  it('R-D1 fires exactly once: later sweeps find nothing, history holds one expiry by the system', async () => {
    t.clock.set('2026-12-05T10:00:00+08:00');
    await sweep();
    await sweep();
    const history = (await office.get(`/api/cases/${view.id}/history`)).body as { event: string; actor: { username: string; unitCode: string } }[];
    const expiries = history.filter((h) => h.event === 'CLOCK_EXPIRED');
    expect(expiries).toHaveLength(1);
    expect(expiries[0].actor).toEqual({ username: 'system', unitCode: officeCode });
    const [clock] = await query('SELECT status, fired_at FROM clocks WHERE case_id = ?', view.id);
    expect(clock.status).toBe('fired');
    expect(clock.fired_at).toBe('2026-12-02T16:00:00.000Z');
  });

  it('R-D1 only the system may send CLOCK_EXPIRED', async () => {
    const other = await mediatingAt('2026-12-05T10:00:00+08:00');
    const res = await office.post(`/api/cases/${other.id}/events`).send({ type: 'CLOCK_EXPIRED', clock: 'peoples-mediation' });
    expect(res.status).toBe(400); // not an event a client can send at all
    await send(office, other.id, { type: 'DECLARE_FAILED' });
  });
});

describe('R-D3 a reminder lands once in the handling unit\'s inbox, 3 days before expiry', () => {
  let view: CaseView;

  it('is not there 3 days + 1 hour before', async () => {
    view = await mediatingAt('2027-01-04T09:00:00+08:00');
    expect(view.deadlines[0].dueAt).toBe('2027-02-04T00:00:00.000+08:00');
    t.clock.set('2027-01-31T23:00:00+08:00');
    await sweep();
    const inbox = (await office.get('/api/inbox')).body;
    expect(inbox.items.filter((m: { caseId: string }) => m.caseId === view.id)).toEqual([]);
  });

  it('arrives at the reminder time, once however often the sweeper runs', async () => {
    t.clock.set('2027-02-01T00:00:00+08:00');
    const first = await sweep();
    expect(first.reminded).toBe(1);
    await sweep();
    t.clock.set('2027-02-02T09:00:00+08:00');
    await sweep();
    const inbox = (await office.get('/api/inbox?unread=true')).body;
    const mine = inbox.items.filter((m: { caseId: string }) => m.caseId === view.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ kind: 'deadline-reminder', readAt: null });
    expect(mine[0].subject).toBe(`期限提醒：案件${view.caseNo}的调解期限将于2027年2月3日届满`);
    expect(mine[0].body).toContain('起算当日不计入');
    expect(inbox.unread).toBeGreaterThanOrEqual(1);
  });

  it('is the handling unit\'s alone, and marking it read is kept', async () => {
    const neighbour = await t.as('130606001-jo');
    const theirs = (await neighbour.get('/api/inbox')).body;
    expect(theirs.items.some((m: { caseId: string }) => m.caseId === view.id)).toBe(false);

    const [message] = (await office.get('/api/inbox?unread=true')).body.items.filter((m: { caseId: string }) => m.caseId === view.id);
    expect((await neighbour.post(`/api/inbox/${message.id}/read`)).status).toBe(404);
    const read = await office.post(`/api/inbox/${message.id}/read`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: message.id, readBy: officeCode, readAt: '2027-02-02T09:00:00.000+08:00' });
    const unread = (await office.get('/api/inbox?unread=true')).body.items;
    expect(unread.some((m: { id: string }) => m.id === message.id)).toBe(false);
  });

  it('R-D3 an extension moves the due time and earns a new reminder', async () => {
    const extended = await send(office, view.id, { type: 'EXTEND', consentingPartyIds: view.parties.map((p) => p.id) });
    expect(extended.deadlines[0].dueAt).toBe('2027-03-06T00:00:00.000+08:00');
    expect(clockOf(extended).basis.extensions).toEqual([expect.objectContaining({ days: 30, from: '2027-02-03', lastDay: '2027-03-05' })]);
    t.clock.set('2027-03-03T00:00:00+08:00');
    await sweep();
    const all = (await office.get('/api/inbox')).body.items.filter((m: { caseId: string }) => m.caseId === view.id);
    expect(all.map((m: { subject: string }) => m.subject)).toEqual([expect.stringContaining('将于2027年3月5日届满'), expect.stringContaining('将于2027年2月3日届满')]);
    await send(office, view.id, { type: 'DECLARE_FAILED' });
  });
});

describe('R-D3 overdue cases are listed for their unit and its parents', () => {
  let view: CaseView;

  beforeAll(async () => {
    view = await mediatingAt('2027-04-06T09:00:00+08:00');
    // Overdue as soon as the due time has passed, whether or not a sweep has run yet.
    t.clock.set('2027-05-09T10:00:00+08:00');
  });

  const listed = async (agent: AuthedAgent, unit?: string) => {
    const res = await agent.get(`/api/deadlines/overdue${unit ? `?unit=${unit}` : ''}`);
    expect(res.status).toBe(200);
    return res.body;
  };

  it('the handling justice office sees it, with the days overdue and the basis', async () => {
    const list = await listed(office);
    const item = list.items.find((i: { caseId: string }) => i.caseId === view.id);
    expect(item).toMatchObject({
      caseNo: view.caseNo,
      state: 'peoples.mediating',
      handlingUnit: { code: officeCode },
      clock: { kind: 'peoples-mediation', label: '调解期限', dueAt: '2027-05-07T00:00:00.000+08:00', lastDay: '2027-05-06' },
      overdueDays: 3,
    });
    expect(item.basis).toContain('2027年5月6日');
  });

  it('the county bureau and the city bureau see it as their township\'s, counted by unit', async () => {
    for (const parent of ['130606-jb', '130600-jb']) {
      const list = await listed(await t.as(parent));
      expect(list.items.map((i: { caseId: string }) => i.caseId)).toContain(view.id);
      expect(list.byUnit).toContainEqual(expect.objectContaining({ unit: expect.objectContaining({ code: officeCode }) }));
    }
    const county = await listed(await t.as('130606-jb'), officeCode);
    expect(county.unit.code).toBe(officeCode);
    expect(county.items.map((i: { caseId: string }) => i.caseId)).toContain(view.id);
  });

  it('another county does not, and may not ask for this one', async () => {
    const other = await t.as('130602-jb');
    expect((await listed(other)).items.map((i: { caseId: string }) => i.caseId)).not.toContain(view.id);
    const res = await other.get('/api/deadlines/overdue?unit=130606-jb');
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN');
    expect((await office.get('/api/deadlines/overdue?unit=130606-jb')).status).toBe(403);
  });

  it('the case list filter overdue=true agrees', async () => {
    const res = await office.get('/api/cases?overdue=true');
    expect(res.body.items.map((i: { id: string }) => i.id)).toContain(view.id);
  });

  it('once swept the case has failed and is no longer overdue', async () => {
    await sweep();
    const list = await listed(office);
    expect(list.items.map((i: { caseId: string }) => i.caseId)).not.toContain(view.id);
    expect((await office.get(`/api/cases/${view.id}`)).body.state).toBe('peoples.failed');
  });
});

describe('R-D1 a due clock whose case no longer accepts the expiry is stopped with the reason, not retried', () => {
  it('stops it once and leaves the case as it was', async () => {
    t.clock.set('2027-06-01T09:00:00+08:00');
    const registered = await registerCase(office, intakeBody());
    // R-P3: a party refuses, the case is concluded at once.
    const view = await send(office, registered.id, { type: 'RECORD_CONSENT', partyId: registered.parties[0].id, consent: 'refused' });
    expect(view.state).toBe('closed');
    // As if a track had forgotten to stop its clock: a running, due clock on a concluded case.
    await t.db.write(({ em }) =>
      em.query(
        t.db.isPostgres
          ? `INSERT INTO clocks (id, case_id, kind, unit_code, started_at, due_at, status, basis) VALUES ($1, $2, 'peoples-mediation', $3, $4, $5, 'running', $6)`
          : `INSERT INTO clocks (id, case_id, kind, unit_code, started_at, due_at, status, basis) VALUES (?, ?, 'peoples-mediation', ?, ?, ?, 'running', ?)`,
        ['00000000-0000-7000-8000-000000000001', view.id, officeCode, '2027-05-01T00:00:00.000Z', '2027-05-31T16:00:00.000Z', JSON.stringify({ rule: 'R-D4', lastDay: '2027-05-31' })],
      ),
    );
    const report = await sweep();
    expect(report).toMatchObject({ stopped: 1, failed: 0 });
    const [clock] = await query('SELECT status, stopped_reason, attempts FROM clocks WHERE case_id = ?', view.id);
    expect(clock.status).toBe('stopped');
    expect(clock.stopped_reason).toContain('不再接受届满事件');
    expect(Number(clock.attempts)).toBe(0);
    expect((await sweep()).stopped).toBe(0);

    const after = (await office.get(`/api/cases/${view.id}`)).body;
    expect(after).toMatchObject({ state: 'closed', version: view.version });
    expect(after.deadlines[0].basis.stopped.reason).toContain('不再接受届满事件');
    const audit = await query(`SELECT action FROM audit_records WHERE target_id = ? AND action = 'clock.stopped'`, view.id);
    expect(audit).toHaveLength(1);
  });
});

describe('R-D1 a clock that cannot fire is retried with back-off and holds no other clock back', () => {
  it('fires the healthy one, retries the broken one later, and fires it once repaired', async () => {
    const broken = await mediatingAt('2027-07-05T09:00:00+08:00');
    const healthy = await mediatingAt('2027-07-05T09:00:00+08:00');
    // A snapshot no registered statechart version can read: restoring it throws, not a refusal.
    await t.db.write(({ em }) => em.query(t.db.isPostgres ? 'UPDATE cases SET machine_version = $1 WHERE id = $2' : 'UPDATE cases SET machine_version = ? WHERE id = ?', ['999', broken.id]));

    t.clock.set('2027-08-05T00:00:00+08:00');
    const first = await sweep();
    expect(first).toMatchObject({ fired: 1, failed: 1 });
    expect((await office.get(`/api/cases/${healthy.id}`)).body.state).toBe('peoples.failed');
    const [clock] = await query('SELECT status, attempts, next_attempt_at, last_error FROM clocks WHERE case_id = ?', broken.id);
    expect(clock).toMatchObject({ status: 'running', next_attempt_at: '2027-08-04T16:01:00.000Z' });
    expect(Number(clock.attempts)).toBe(1);
    expect(clock.last_error).toContain('999');

    expect((await sweep()).failed).toBe(0); // not before its retry time
    t.clock.set('2027-08-05T00:01:00+08:00');
    expect((await sweep()).failed).toBe(1);
    const [again] = await query('SELECT attempts, next_attempt_at FROM clocks WHERE case_id = ?', broken.id);
    expect([Number(again.attempts), again.next_attempt_at]).toEqual([2, '2027-08-04T16:03:00.000Z']);

    await t.db.write(({ em }) => em.query(t.db.isPostgres ? 'UPDATE cases SET machine_version = $1 WHERE id = $2' : 'UPDATE cases SET machine_version = ? WHERE id = ?', ['1', broken.id]));
    t.clock.set('2027-08-05T00:03:00+08:00');
    expect((await sweep()).fired).toBe(1);
    expect((await office.get(`/api/cases/${broken.id}`)).body.state).toBe('peoples.failed');
  });
});

describe('R-D1 R-S3 R-T1 a round of expiries written together keeps the record whole', () => {
  it('fires 12 clocks of two offices in one round: one expiry each, segments ended, audit chain intact, summary equals a recount', async () => {
    // The round goes in chunks of 5 clocks, each chunk's rows written (5 to a statement) before the
    // next chunk is read: 12 clocks, three chunks, three appends to the audit chain in one transaction.
    const flushRows = t.config.deadlines.sweepFlushRows;
    t.config.deadlines.sweepFlushRows = 5;
    const neighbour = await t.as('130606003-jo');
    t.clock.set('2027-09-01T09:00:00+08:00');
    const cases: { view: CaseView; by: AuthedAgent }[] = [];
    for (let i = 0; i < 12; i++) {
      const by = i % 3 ? office : neighbour;
      cases.push({ view: await mediatingCase(by, intakeBody()), by });
    }

    t.clock.set('2027-10-10T09:00:00+08:00');
    const report = await sweep().finally(() => (t.config.deadlines.sweepFlushRows = flushRows));
    expect(report).toMatchObject({ fired: 12, stopped: 0, failed: 0 });

    for (const { view, by } of cases) {
      const history = (await by.get(`/api/cases/${view.id}/history`)).body as { event: string; version: number }[];
      expect(history.filter((h) => h.event === 'CLOCK_EXPIRED').map((h) => h.version)).toEqual([view.version + 1]);
      expect(history.map((h) => h.version)).toEqual(Array.from({ length: view.version + 1 }, (_, i) => i + 1));
    }
    const ids = cases.map((c) => c.view.id);
    const marks = ids.map(() => '?').join(', ');
    const segments = await query(`SELECT outcome, ended_at FROM case_segments WHERE case_id IN (${marks})`, ...ids);
    expect(segments.map((s) => [s.outcome, s.ended_at])).toEqual(ids.map(() => ['expired', '2027-10-10T01:00:00.000Z']));
    const audits = await query(`SELECT COUNT(*) AS n FROM audit_records WHERE action = 'case.CLOCK_EXPIRED' AND target_id IN (${marks})`, ...ids);
    expect(Number(audits[0].n)).toBe(12);
    expect(await verifyAuditChain(t.db.reader)).toMatchObject({ intact: true });

    // The summary rows this round wrote equal a recount from the record. (An earlier test of this
    // file plants a clock by hand on a concluded case in 2027-06, which the recount sees and no
    // transition ever recorded; that month is not this test's.)
    const recount = await admin.post('/api/statistics/recompute');
    expect(recount.body.items.filter((d: { month: string }) => d.month >= '2027-09')).toEqual([]);
  });
});

describe('R-D1 rounds cut short in the middle of a chunk', () => {
  it('fire every clock exactly once: the clocks a round claimed and did not reach go to the next', async () => {
    const { sweepFlushRows, sweepRoundMs } = t.config.deadlines;
    // Chunks of 3; each round ends after its first clock (1 ms is over before the second starts).
    Object.assign(t.config.deadlines, { sweepFlushRows: 3, sweepRoundMs: 1 });
    t.clock.set('2028-03-01T09:00:00+08:00');
    const views: CaseView[] = [];
    for (let i = 0; i < 7; i++) views.push(await mediatingCase(office, intakeBody()));

    t.clock.set('2028-04-10T09:00:00+08:00');
    const report = await sweep().finally(() => Object.assign(t.config.deadlines, { sweepFlushRows, sweepRoundMs }));
    expect(report).toMatchObject({ fired: 7, stopped: 0, failed: 0 });
    for (const view of views) {
      const history = (await office.get(`/api/cases/${view.id}/history`)).body as { event: string; version: number }[];
      expect(history.filter((h) => h.event === 'CLOCK_EXPIRED').map((h) => h.version)).toEqual([view.version + 1]);
    }
    const ids = views.map((v) => v.id);
    const fired = await query(`SELECT COUNT(*) AS n FROM clocks WHERE status = 'fired' AND case_id IN (${ids.map(() => '?').join(', ')})`, ...ids);
    expect(Number(fired[0].n)).toBe(7);
    expect(await verifyAuditChain(t.db.reader)).toMatchObject({ intact: true });
    expect((await sweep()).fired).toBe(0);
  });
});

describe('R-D1 running a sweep by hand is for administrators', () => {
  it('refuses a justice office', async () => {
    const res = await office.post('/api/deadlines/sweep');
    expect(res.status).toBe(403);
  });
});
