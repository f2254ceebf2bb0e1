// DEADLINE_SWEEP_YIELD_MS (docs/deadlines.md): before each statement of a round's flush the sweeper
// lets the requests in flight finish — but only for so long, so a request that hangs (a slow
// download, a stuck client) can slow a mass expiry, never stop it.
import { RequestsInFlight } from '../../src/common/http/requests-in-flight';
import { ClockSweeper } from '../../src/deadlines/clock-sweeper';
import { intakeBody } from '../factories/parties';
import { mediatingCase } from '../support/case-driver';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ now: '2026-11-02T09:00:00+08:00', env: { DEADLINE_SWEEP_YIELD_MS: '20' } });
});
afterAll(() => t.close());

describe('R-D1 the sweep yields to requests in flight, within its limit', () => {
  it('fires every due clock while a request it waits for never finishes', async () => {
    const office = await t.as('130606002-jo');
    const cases = [await mediatingCase(office, intakeBody()), await mediatingCase(office, intakeBody())];
    t.clock.set('2026-12-03T00:00:00+08:00');
    const inFlight = t.app.get(RequestsInFlight);
    inFlight.started(); // answered never
    try {
      const report = await t.app.get(ClockSweeper).sweepNow();
      expect(report).toMatchObject({ fired: 2, failed: 0 });
    } finally {
      inFlight.finished();
    }
    for (const view of cases) expect((await office.get(`/api/cases/${view.id}`)).body.state).toBe('peoples.failed');
  });
});
