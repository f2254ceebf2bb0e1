// Monthly statistics through the API: figures derived from the record with the month rules of
// R-T2, the tiers of R-T3/R-O1, the submission chain of R-T4, exports (R-T6), and the recount that
// proves the incremental summary right.
import { monthlyUrl, intake, settleOrally, settleInWriting, terminate } from '../support/statistics-driver';
import { startTestApp, type AuthedAgent, type TestApp } from '../support/test-app';
import { StatisticsService } from '../../src/statistics/statistics.service';
import { rebuildSummary, verifySummary } from '../../src/statistics/recount';
import { sql } from '../../src/database/sql';

let t: TestApp;
let villageA: AuthedAgent;
let villageB: AuthedAgent;
const [A, B] = ['130606002001-mc', '130606002002-mc'];

beforeAll(async () => {
  t = await startTestApp({ now: '2026-10-05T09:00:00+08:00' });
  [villageA, villageB] = await Promise.all([t.as(A), t.as(B)]);
});
afterAll(() => t.close());

describe('R-T1/R-T2 a village report is derived from its cases', () => {
  it('counts acceptance in the month accepted and conclusion in the month concluded', async () => {
    await settleInWriting(villageA, await intake(villageA), '3000');
    t.clock.set('2026-10-31T23:30:00+08:00');
    const late = await intake(villageA, { disputeType: 'marriage-family', source: 'hotline-12345', workOrderNo: 'WO-2026-0001' });
    t.clock.set('2026-11-02T10:00:00+08:00');
    await terminate(villageA, late);
    await settleOrally(villageB, await intake(villageB, { acceptedAt: '2026-10-31T23:59:59+08:00' }), '800');
    await intake(villageB, { acceptedAt: '2026-11-01T00:00:00+08:00' });

    const october = (await villageA.get(monthlyUrl(A, '2026-10'))).body;
    expect(october.figures).toEqual(expect.objectContaining({ mediated: 2, succeeded: 1, failed: 0, agreementsWritten: 1, amountFen: 300000 }));
    expect(october.figures['type.marriage-family']).toBe(1);
    expect(october.figures['source.hotline-12345']).toBe(1);
    const november = (await villageA.get(monthlyUrl(A, '2026-11'))).body;
    expect(november.figures).toEqual(expect.objectContaining({ mediated: 0, failed: 1 }));
    const b = (await villageB.get(monthlyUrl(B, '2026-10'))).body;
    expect(b.figures).toEqual(expect.objectContaining({ mediated: 1, succeeded: 0 }));
    expect((await villageB.get(monthlyUrl(B, '2026-11'))).body.figures).toEqual(
      expect.objectContaining({ mediated: 1, succeeded: 1, agreementsOral: 1, amountFen: 80000, followUps: 1, performed: 1 }),
    );
  });

  it('the incremental summary equals a full recount of the record, and a tampered summary is found and repaired', async () => {
    const service = t.app.get(StatisticsService);
    expect(await verifySummary(service.reader)).toEqual([]);
    await t.db.write(({ em }) => sql(em, `UPDATE statistics_monthly SET mediated = mediated + 5 WHERE unit_code = ? AND month = '2026-10'`, [A]));
    expect(await verifySummary(service.reader)).toEqual([
      { month: '2026-10', unitCode: A, track: 'peoples', measure: 'mediated', summary: 7, recount: 2 },
    ]);
    await t.db.write(({ em }) => rebuildSummary(em, service.reader));
    expect(await verifySummary(service.reader)).toEqual([]);
    expect((await villageA.get(monthlyUrl(A, '2026-10'))).body.figures.mediated).toBe(2);
  });
});
