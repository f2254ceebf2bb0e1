// R-D1: a legal clock lives in the database, not in a process. The app that scheduled it is shut
// down; another, started later on the same database, fires it — once. And the sweeper's own
// polling (no test hand on it) fires a clock that fell due while no app was running.
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createApp } from '../../src/app.factory';
import { ManualClock } from '../../src/common/time/clock';
import type { AppConfig } from '../../src/config/app.config';
import { Database } from '../../src/database/database';
import { ClockSweeper } from '../../src/deadlines/clock-sweeper';
import { seedDemo } from '../../src/seed/demo-seed';
import { intakeBody } from '../factories/parties';
import { mediatingCase } from '../support/case-driver';
import { demoPassword, testConfig, type AuthedAgent } from '../support/test-app';

interface Instance {
  app: NestFastifyApplication;
  clock: ManualClock;
  as(username: string): Promise<AuthedAgent>;
}

/** The real app on an existing database, as a restart would bring it up. */
async function boot(config: AppConfig, now: string): Promise<Instance> {
  const clock = new ManualClock(new Date(now));
  const app = await createApp({ config, clock }, ['error']);
  const http = request(app.getHttpServer());
  const as = async (username: string): Promise<AuthedAgent> => {
    const login = await http.post('/api/auth/login').send({ username, password: demoPassword });
    const bearer = `Bearer ${login.body.accessToken}`;
    const verb = (method: 'get' | 'post' | 'put' | 'patch' | 'delete') => (url: string) => http[method](url).set('Authorization', bearer);
    return { get: verb('get'), post: verb('post'), put: verb('put'), patch: verb('patch'), delete: verb('delete') };
  };
  return { app, clock, as };
}

let config: AppConfig;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ config, cleanup } = await testConfig());
  const db = await Database.open({ databaseUrl: config.databaseUrl, databaseSchema: config.databaseSchema, dataDir: config.dataDir });
  await seedDemo(db, demoPassword);
  await db.close();
});
afterAll(() => cleanup());

const expiries = (history: { event: string }[]) => history.filter((h) => h.event === 'CLOCK_EXPIRED').length;

describe('R-D1 a clock survives a restart and fires once', () => {
  let caseId: string;

  it('is scheduled by one app, which then shuts down', async () => {
    const first = await boot(config, '2026-11-02T09:00:00+08:00');
    const office = await first.as('130606002-jo');
    const started = await mediatingCase(office, intakeBody());
    expect(started.deadlines[0]).toMatchObject({ status: 'running', dueAt: '2026-12-03T00:00:00.000+08:00' });
    caseId = started.id;
    await first.app.close();
  });

  it('fires in an app started after the due time, once however often it sweeps', async () => {
    const second = await boot(config, '2026-12-04T08:00:00+08:00');
    try {
      const sweeper = second.app.get(ClockSweeper);
      expect((await sweeper.sweepNow()).fired).toBe(1);
      expect((await sweeper.sweepNow()).fired).toBe(0);
      const office = await second.as('130606002-jo');
      const view = (await office.get(`/api/cases/${caseId}`)).body;
      expect(view.state).toBe('peoples.failed');
      expect(view.mediation.failure.reason).toBe('expired');
      expect(expiries((await office.get(`/api/cases/${caseId}/history`)).body)).toBe(1);
    } finally {
      await second.app.close();
    }
  });

  it('a third start finds nothing left to fire', async () => {
    const third = await boot(config, '2026-12-10T08:00:00+08:00');
    try {
      expect((await third.app.get(ClockSweeper).sweepNow()).fired).toBe(0);
      const office = await third.as('130606002-jo');
      expect(expiries((await office.get(`/api/cases/${caseId}/history`)).body)).toBe(1);
    } finally {
      await third.app.close();
    }
  });
});

describe('R-D1 the sweeper polls the table by itself', () => {
  it('fires a clock that fell due while no app was running, without being asked', async () => {
    const scheduler = await boot(config, '2027-03-01T09:00:00+08:00');
    const office = await scheduler.as('130606002-jo');
    const view = await mediatingCase(office, intakeBody());
    await scheduler.app.close();

    const polling = await boot({ ...config, deadlines: { ...config.deadlines, sweepIntervalMs: 50 } }, '2027-04-15T09:00:00+08:00');
    try {
      const agent = await polling.as('130606002-jo');
      let state = '';
      for (let i = 0; i < 100 && state !== 'peoples.failed'; i++) {
        await new Promise((r) => setTimeout(r, 50));
        state = (await agent.get(`/api/cases/${view.id}`)).body.state;
      }
      expect(state).toBe('peoples.failed');
      expect(expiries((await agent.get(`/api/cases/${view.id}/history`)).body)).toBe(1);
    } finally {
      await polling.app.close();
    }
  });
});

describe('R-D1 a mass sweep on SQLite checkpoints the WAL off the main thread, and hands checkpoints back', () => {
  it('fires every clock of several full rounds and restores automatic checkpoints', async () => {
    const app = await boot({ ...config, deadlines: { ...config.deadlines, sweepBatch: 2 } }, '2027-05-03T09:00:00+08:00');
    try {
      const office = await app.as('130606002-jo');
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push((await mediatingCase(office, intakeBody())).id);
      app.clock.set('2027-07-01T09:00:00+08:00');
      expect((await app.app.get(ClockSweeper).sweepNow()).fired).toBe(5);
      for (const id of ids) expect((await office.get(`/api/cases/${id}`)).body.state).toBe('peoples.failed');
      const db = app.app.get(Database);
      if (!db.isPostgres) {
        expect(db.sqliteWriter.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
      }
    } finally {
      await app.app.close();
    }
  });
});
