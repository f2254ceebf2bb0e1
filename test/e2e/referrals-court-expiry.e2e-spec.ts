// R-L3 through HTTP: a court referral's 30 working days (configured) run over the 2026 Spring
// Festival; the sweeper fires the period once, and the case goes back to the court for filing review.
import { ClockSweeper } from '../../src/deadlines/clock-sweeper';
import { send, type CaseView } from '../support/case-driver';
import { documentsOf, pdfTextOf } from '../support/case-documents';
import { dbQuery } from '../support/db-query';
import { startTestApp, type AuthedAgent, type TestApp } from '../support/test-app';
import { filingBody } from '../factories/referrals';

let t: TestApp;
let court: AuthedAgent;
let office: AuthedAgent;
const officeCode = '130606002-jo';

beforeAll(async () => {
  t = await startTestApp({ now: '2026-02-04T09:00:00+08:00', env: { COURT_REFERRAL_DAY_KIND: 'working' } });
  [court, office] = await Promise.all([t.as('130606-ct'), t.as(officeCode)]);
});
afterAll(() => t.close());

const query = (sql: string, ...params: unknown[]) => dbQuery(t)(sql, ...params);
const sweep = () => t.app.get(ClockSweeper).sweepNow();

describe('R-L3 R-D2 R-D4 thirty working days from a hand-over just before the Spring Festival', () => {
  let view: CaseView;

  it('R-L3 the period counts from the hand-over in working days: the festival is skipped, make-up workdays count', async () => {
    const res = await court.post('/api/court-referrals').send(filingBody());
    expect(res.status).toBe(201);
    view = res.body;
    for (const p of view.parties) await send(court, view.id, { type: 'RECORD_CONSENT', partyId: p.id, consent: 'given' });
    await send(court, view.id, { type: 'DEFER_FILING' });
    t.clock.set('2026-02-05T10:00:00+08:00');
    view = await send(court, view.id, { type: 'HAND_OVER', targetUnitCode: officeCode, basis: 'dispute-place' });

    const [period] = view.deadlines as (CaseView['deadlines'][number] & { basis: any; unit: { code: string } })[];
    expect(period).toMatchObject({ kind: 'peoples-mediation', status: 'running', unit: { code: officeCode }, dueAt: '2026-03-26T00:00:00.000+08:00' });
    expect(period.basis).toMatchObject({ dayKind: 'working', days: 30, from: '2026-02-05', lastDay: '2026-03-25' });
    expect(period.basis.skipped).toContainEqual({ from: '2026-02-15', to: '2026-02-23', days: 9, reason: 'holiday', name: '春节' });
    expect(period.basis.makeUpWorkdays).toEqual([
      { date: '2026-02-14', name: '春节调休' },
      { date: '2026-02-28', name: '春节调休' },
    ]);
    // What the case shows a user (R-D2): why the due date is 25 March.
    expect(period.basis.explanation).toContain('春节 2026年2月15日至2026年2月23日（9天）');
    expect(period.basis.explanation).toContain('第30个工作日为2026年3月25日');
  });

  it('R-L3 the office accepts and mediates; the one period keeps running from hand-over', async () => {
    t.clock.set('2026-02-06T09:00:00+08:00');
    await send(office, view.id, { type: 'ACCEPT_REFERRAL' });
    await send(office, view.id, { type: 'NOTIFY_RIGHTS' });
    view = await send(office, view.id, { type: 'START_MEDIATION' });
    expect(view.deadlines).toEqual([expect.objectContaining({ status: 'running', dueAt: '2026-03-26T00:00:00.000+08:00' })]);
  });

  it('R-D1 nothing fires before the end of the 30th working day', async () => {
    t.clock.set('2026-03-25T23:59:59+08:00');
    await sweep();
    expect((await office.get(`/api/cases/${view.id}`)).body.state).toBe('peoples.mediating');
  });

  it('R-L3 R-D1 the sweeper fires the period once: mediation failed, expired', async () => {
    t.clock.set('2026-03-26T00:00:00+08:00');
    const first = await sweep();
    const second = await sweep();
    expect(first.fired).toBeGreaterThanOrEqual(1);
    expect(second.fired).toBe(0);
    view = (await office.get(`/api/cases/${view.id}`)).body;
    expect(view).toMatchObject({ state: 'peoples.failed', mediation: { failure: { reason: 'expired' } } });
    expect(view.deadlines).toEqual([expect.objectContaining({ status: 'fired' })]);
    const expiries = await query(`SELECT actor_username FROM case_transitions WHERE case_id = ? AND event = 'CLOCK_EXPIRED'`, view.id);
    expect(expiries).toHaveLength(1);
  });

  it('R-L3 R-L4 the result letter reports the expiry and the court reviews the filing', async () => {
    view = await send(office, view.id, { type: 'REPORT_COURT_RESULT' });
    expect(view).toMatchObject({ state: 'court.filingReview', handlingUnit: { code: '130606-ct' } });
    expect(view.referral.court).toMatchObject({ filing: 'review', result: { outcome: 'expired' }, review: { reason: 'mediation-failed' } });
    const letter = (await documentsOf(t, court, view.id)).find((d) => d.kind === 'court-result-letter')!;
    expect(await pdfTextOf(court, letter.id)).toContain('届满');
    const filed = await send(court, view.id, { type: 'REGISTER_FILING' });
    expect(filed.state).toBe('judicial.accepted');
  });
});
