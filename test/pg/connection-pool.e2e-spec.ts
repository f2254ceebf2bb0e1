// An app instance's PostgreSQL pool (PostgreSQL only, run by `npm run test:pg`): opened in full at
// start and kept open through idle spells, so a burst of requests — or a mass clock sweep — never
// waits for the database to fork a backend (bench/RESULTS.md: 10–50 ms each under load).
import { Client } from 'pg';
import { POSTGRES_POOL_SIZE } from '../../src/database/data-source-options';
import { Database } from '../../src/database/database';
import { testConfig, testPostgresUrl } from '../support/test-app';

/** The backends named after the app that started since `since`, as a separate client sees them. */
async function appBackends(since: Date): Promise<number[]> {
  const pg = new Client({ connectionString: testPostgresUrl });
  await pg.connect();
  try {
    const { rows } = await pg.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE application_name = 'sandiao' AND backend_start >= $1 ORDER BY pid`,
      [since],
    );
    return rows.map((r) => r.pid);
  } finally {
    await pg.end();
  }
}

describe('the PostgreSQL connection pool of an app instance', () => {
  it(`opens its ${POSTGRES_POOL_SIZE} connections at start and keeps the same ones through an idle spell`, async () => {
    const { config, cleanup } = await testConfig();
    const since = new Date(Date.now() - 1000);
    const db = await Database.open({ databaseUrl: config.databaseUrl, databaseSchema: config.databaseSchema, dataDir: config.dataDir });
    try {
      const opened = await appBackends(since);
      expect(opened).toHaveLength(POSTGRES_POOL_SIZE);
      // node-postgres closes a connection idle for 10 s unless the pool is at its minimum.
      await new Promise((resolve) => setTimeout(resolve, 11_000));
      expect(await appBackends(since)).toEqual(opened);
    } finally {
      await db.close();
      await cleanup();
    }
    expect(await appBackends(since)).toEqual([]);
  }, 30_000);
});
