// R-T1 超期办结数 (R-D1): a people's mediation concluded after its 30-day clock fell due counts as
// overdue in the month it concluded — in the incremental summary the transition writes and in the
// recount from the record alike. The sweeper is off in tests, so the due clock is still running when
// the mediator concludes: lateness comes from the clock's due time, not from an expiry.
import { StatisticsService } from '../../src/statistics/statistics.service';
import { verifySummary } from '../../src/statistics/recount';
import { prepareMediation, send, type CaseView } from '../support/case-driver';
import { dbQuery } from '../support/db-query';
import { intake, monthlyUrl } from '../support/statistics-driver';
import { startTestApp, type AuthedAgent, type TestApp } from '../support/test-app';

const VILLAGE = '130606002001-mc';
let t: TestApp;
let village: AuthedAgent;

beforeAll(async () => {
  t = await startTestApp({ now: '2026-09-01T09:00:00+08:00' });
  village = await t.as(VILLAGE);
});
afterAll(() => t.close());

async function startMediation(view: CaseView) {
  await prepareMediation(village, view);
  await send(village, view.id, { type: 'START_MEDIATION' });
}

const settleOrally = (view: CaseView) =>
  send(village, view.id, {
    type: 'REACH_AGREEMENT',
    form: 'oral',
    terms: '双方互谅互让，被申请人赔礼道歉。',
    performanceMethod: '当场履行',
    amount: '500',
    createsObligations: false,
    writtenRequested: false,
  });

const figuresOf = async (month: string) => {
  const res = await village.get(monthlyUrl(VILLAGE, month));
  expect(res.status).toBe(200);
  return res.body.figures as Record<string, number>;
};

describe('R-T1 overdue conclusions are counted from the legal clock', () => {
  it('counts an agreement reached after the clock fell due as overdue, and one within the period not', async () => {
    const timely = await intake(village);
    const late = await intake(village);
    await startMediation(timely);
    await startMediation(late);
    t.clock.set('2026-09-20T10:00:00+08:00');
    await settleOrally(timely);
    // The 30 days from 1 September ran out on 1 October; the sweeper has not fired the clock.
    t.clock.set('2026-10-12T10:00:00+08:00');
    await settleOrally(late);

    const [clock] = await dbQuery(t)(`SELECT status, due_at FROM clocks WHERE case_id = ? AND kind = 'peoples-mediation'`, late.id);
    expect(clock.status).not.toBe('fired');
    expect(clock.due_at < new Date('2026-10-12T02:00:00Z').toISOString()).toBe(true);
    const segments = await dbQuery(t)('SELECT case_id, concluded_month, overdue FROM case_segments WHERE case_id IN (?, ?) ORDER BY concluded_month', timely.id, late.id);
    expect(segments).toEqual([
      { case_id: timely.id, concluded_month: '2026-09', overdue: 0 },
      { case_id: late.id, concluded_month: '2026-10', overdue: 1 },
    ]);

    expect(await figuresOf('2026-09')).toEqual(expect.objectContaining({ succeeded: 1, overdue: 0 }));
    expect(await figuresOf('2026-10')).toEqual(expect.objectContaining({ succeeded: 1, overdue: 1 }));
    expect(await verifySummary(t.app.get(StatisticsService).reader)).toEqual([]);
  });
});
