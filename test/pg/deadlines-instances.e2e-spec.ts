// R-D1 with several app instances (PostgreSQL only, run by `npm run test:pg`; SQLite deployments are one process by design):
// two apps on one database sweep at the same moment and every due clock fires exactly once —
// FOR UPDATE SKIP LOCKED keeps their claims apart, the status change commits with the event.
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createApp } from '../../src/app.factory';
import { ManualClock } from '../../src/common/time/clock';
import type { AppConfig } from '../../src/config/app.config';
import { Database } from '../../src/database/database';
import { sql } from '../../src/database/sql';
import { ClockSweeper } from '../../src/deadlines/clock-sweeper';
import { seedDemo } from '../../src/seed/demo-seed';
import { intakeBody } from '../factories/parties';
import { prepareMediation, registerCase, send } from '../support/case-driver';
import { demoPassword, testConfig, type AuthedAgent } from '../support/test-app';

const caseCount = 120;

async function agentFor(app: NestFastifyApplication, username: string): Promise<AuthedAgent> {
  const http = request(app.getHttpServer());
  const login = await http.post('/api/auth/login').send({ username, password: demoPassword });
  const bearer = `Bearer ${login.body.accessToken}`;
  const verb = (method: 'get' | 'post' | 'put' | 'patch' | 'delete') => (url: string) => http[method](url).set('Authorization', bearer);
  return { get: verb('get'), post: verb('post'), put: verb('put'), patch: verb('patch'), delete: verb('delete') };
}

describe('R-D1 two app instances on one PostgreSQL database', () => {
  let config: AppConfig;
  let cleanup: () => Promise<void>;
  const clock = new ManualClock(new Date('2026-11-02T09:00:00+08:00'));
  let apps: NestFastifyApplication[] = [];

  beforeAll(async () => {
    ({ config, cleanup } = await testConfig({ DEADLINE_SWEEP_BATCH: '7' }));
    const db = await Database.open({ databaseUrl: config.databaseUrl, databaseSchema: config.databaseSchema, dataDir: config.dataDir });
    await seedDemo(db, demoPassword);
    await db.close();
    // Same schema, same configuration, separate processes in all but name: own pools, own sweepers.
    apps = [await createApp({ config, clock }, ['error']), await createApp({ config, clock }, ['error'])];
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await cleanup();
  });

  it(`fire each of ${caseCount} clocks due at once exactly once`, async () => {
    const [a, b] = apps;
    // Cases are registered through both instances, as a load balancer would spread them.
    const offices = [await agentFor(a, '130606002-jo'), await agentFor(b, '130606002-jo')];
    const mediating = async (i: number) => {
      const office = offices[i % 2];
      const view = await prepareMediation(office, await registerCase(office, intakeBody()));
      await send(office, view.id, { type: 'START_MEDIATION' });
    };
    for (let i = 0; i < caseCount; i += 8) await Promise.all(Array.from({ length: 8 }, (_, j) => mediating(i + j)));

    clock.set('2026-12-03T00:00:00+08:00');
    const [ra, rb] = await Promise.all([a.get(ClockSweeper).sweepNow(), b.get(ClockSweeper).sweepNow()]);
    expect(ra.fired + rb.fired).toBe(caseCount);
    expect(ra.failed + rb.failed + ra.stopped + rb.stopped).toBe(0);
    // Both took part: the claims really were shared out, not serialised on one instance.
    expect(ra.fired).toBeGreaterThan(0);
    expect(rb.fired).toBeGreaterThan(0);

    const db = a.get(Database);
    const perCase = await sql<{ case_id: string; n: number | string }>(
      db.reader,
      `SELECT case_id, COUNT(*) AS n FROM case_transitions WHERE event = 'CLOCK_EXPIRED' GROUP BY case_id`,
    );
    expect(perCase).toHaveLength(caseCount);
    expect(perCase.every((r) => Number(r.n) === 1)).toBe(true);
    const statuses = await sql<{ status: string; n: number | string }>(db.reader, 'SELECT status, COUNT(*) AS n FROM clocks GROUP BY status');
    expect(statuses.map((s) => [s.status, Number(s.n)])).toEqual([['fired', caseCount]]);
    const states = await sql<{ state: string; n: number | string }>(db.reader, 'SELECT state, COUNT(*) AS n FROM cases GROUP BY state');
    expect(states.map((s) => [s.state, Number(s.n)])).toEqual([['peoples.failed', caseCount]]);

    const again = await Promise.all([a.get(ClockSweeper).sweepNow(), b.get(ClockSweeper).sweepNow()]);
    expect(again[0].fired + again[1].fired).toBe(0);
  }, 180_000);

  it('R-D1 leaves a clock whose case a request holds to a later sweep instead of waiting for it', async () => {
    const [a] = apps;
    const office = await agentFor(a, '130606002-jo');
    const held: string[] = [];
    for (let i = 0; i < 2; i++) {
      const view = await prepareMediation(office, await registerCase(office, intakeBody()));
      held.push((await send(office, view.id, { type: 'START_MEDIATION' })).id);
    }
    const [busy, free] = held;
    clock.set('2027-01-20T00:00:00+08:00');

    // A request in the middle of a transition on one case holds its row lock.
    const request = a.get(Database).writer.createQueryRunner();
    await request.startTransaction();
    try {
      await request.query('SELECT id FROM cases WHERE id = $1 FOR UPDATE', [busy]);
      const report = await a.get(ClockSweeper).sweepNow();
      expect(report.fired).toBe(1);
    } finally {
      await request.commitTransaction();
      await request.release();
    }
    const expired = async () =>
      (await sql<{ case_id: string }>(a.get(Database).reader, `SELECT case_id FROM case_transitions WHERE event = 'CLOCK_EXPIRED' AND case_id IN (?, ?)`, held)).map(
        (r) => r.case_id,
      );
    expect(await expired()).toEqual([free]);

    expect((await a.get(ClockSweeper).sweepNow()).fired).toBe(1);
    expect((await expired()).sort()).toEqual([...held].sort());
  }, 60_000);
});
