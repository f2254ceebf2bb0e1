// Prepared statements on PostgreSQL (PostgreSQL only, run by `npm run test:pg`): the case read and
// the clock sweeper's rounds are parsed and planned once per connection instead of on every call
// (a case read planned each time spent 0.39 ms planning against 0.17 ms executing — bench/RESULTS.md),
// they answer as before, and statements of open-ended shape (the filtered case list) are not kept.
import type { Pool, PoolClient } from 'pg';
import { POSTGRES_POOL_SIZE } from '../../src/database/data-source-options';
import { ClockSweeper } from '../../src/deadlines/clock-sweeper';
import { intakeBody } from '../factories/parties';
import { mediatingCase, registerCase } from '../support/case-driver';
import { startTestApp, type AuthedAgent, type TestApp } from '../support/test-app';

/** Every connection of the app's pool, each with the statements prepared on it. */
async function preparedPerConnection(t: TestApp): Promise<string[][]> {
  const pool = (t.db.writer.driver as unknown as { master: Pool }).master;
  // Held all at once, so that each connection is asked once.
  const clients: PoolClient[] = [];
  try {
    for (let i = 0; i < POSTGRES_POOL_SIZE; i++) clients.push(await pool.connect());
    const answers = await Promise.all(clients.map((c) => c.query<{ statement: string }>(`SELECT statement FROM pg_prepared_statements WHERE name LIKE 'sandiao\\_%'`)));
    return answers.map((a) => a.rows.map((r) => r.statement));
  } finally {
    for (const c of clients) c.release();
  }
}

/** The read of a case with its related rows, as `GET /api/cases/:id` runs it. */
const caseRead = (s: string) => s.startsWith('SELECT c.*,') && s.includes('related_parties');
const copies = (perConnection: string[][], which: (s: string) => boolean) => perConnection.map((list) => list.filter(which).length);

describe('statements prepared on PostgreSQL', () => {
  let t: TestApp;
  let office: AuthedAgent;

  beforeAll(async () => {
    t = await startTestApp();
    office = await t.as('130606002-jo');
  });
  afterAll(() => t.close());

  it('a case read is prepared at most once per connection and answers as the first read did', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await registerCase(office, intakeBody())).id);
    const first = new Map<string, unknown>();
    for (const id of ids) first.set(id, (await office.get(`/api/cases/${id}`).expect(200)).body);
    // Bursts, so that the reads spread over several connections of the pool.
    for (let round = 0; round < 5; round++) {
      const answers = await Promise.all(ids.flatMap((id) => Array.from({ length: 4 }, () => office.get(`/api/cases/${id}`))));
      for (const [i, res] of answers.entries()) {
        expect(res.status).toBe(200);
        expect(res.body).toEqual(first.get(ids[Math.floor(i / 4)]));
      }
    }
    // The list's filters make statements of open-ended shape: run as before, never kept.
    await office.get('/api/cases?q=张&pageSize=5').expect(200);

    const perConnection = await preparedPerConnection(t);
    const reads = copies(perConnection, caseRead);
    expect(Math.max(...reads)).toBe(1);
    expect(reads.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
    expect(perConnection.flat().filter((s) => s.includes('ORDER BY c.accepted_at DESC'))).toEqual([]);
  });

  it('R-D1 the sweeper prepares its rounds once per connection and fires each clock once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await mediatingCase(office, intakeBody())).id);
    t.clock.set('2026-12-20T00:00:00+08:00');
    const sweeper = t.app.get(ClockSweeper);
    expect((await sweeper.sweepNow()).fired).toBe(4);
    expect((await sweeper.sweepNow()).fired).toBe(0);
    for (const id of ids) {
      const view = (await office.get(`/api/cases/${id}`).expect(200)).body;
      expect(view.deadlines.find((d: { kind: string }) => d.kind === 'peoples-mediation')?.status).toBe('fired');
    }
    const claims = copies(await preparedPerConnection(t), (s) => s.includes('WITH claimed AS MATERIALIZED') && s.includes('FOR UPDATE OF c SKIP LOCKED'));
    expect(Math.max(...claims)).toBe(1);
  });
});
