// Scale-out on PostgreSQL: three app processes on one database start together (migrations and the
// demo seed run once), share sessions, and under concurrent load keep the invariants — every
// acknowledged transition stored, one history row per version, one winner per conflicting pair,
// an intact audit chain. Runs only in the PostgreSQL suite (npm run test:pg).
import { execSync } from 'node:child_process';
import { Client } from 'pg';
import { api, login, startServer, type BenchServer } from '../../bench/support/server';
import { intakeBody } from '../factories/parties';
import { testPostgresUrl } from '../support/test-app';

const schema = `scale_${process.pid}_${Date.now().toString(36)}`;
const env = {
  DATABASE_URL: testPostgresUrl,
  DATABASE_SCHEMA: schema,
  JWT_SECRET: 'scale-out-jwt-secret-0123456789abcdefghijkl',
  SANDIAO_DATA_KEY: Buffer.alloc(32, 5).toString('base64'),
  RATE_LIMIT_PER_MINUTE: '1000000',
  LOGIN_RATE_LIMIT_PER_MINUTE: '1000000',
};
let servers: BenchServer[] = [];
let pg: Client;

beforeAll(async () => {
  execSync('npm run build --silent', { stdio: 'ignore' });
  pg = new Client({ connectionString: testPostgresUrl });
  await pg.connect();
  await pg.query(`CREATE SCHEMA ${schema}`);
  servers = await Promise.all([0, 1, 2].map(() => startServer(env)));
}, 120_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await pg.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await pg.end();
});

const q = async (sql: string, params: unknown[] = []) => (await pg.query(sql, params)).rows;

it('three instances started together migrated and seeded once', async () => {
  await pg.query(`SET search_path TO ${schema}`);
  const migrations = await q('SELECT name FROM migrations');
  expect(new Set(migrations.map((m) => m.name)).size).toBe(migrations.length);
  const [{ n }] = await q(`SELECT COUNT(*)::int AS n FROM users WHERE username = '130606002-jo'`);
  expect(n).toBe(1);
});

it('keeps every invariant under concurrent load spread over the three instances', async () => {
  await pg.query(`SET search_path TO ${schema}`);
  // A token from one instance works on the others (shared secret, sessions in the database).
  const token = await login(servers[0].url, '130606002-jo');
  const cases: string[] = [];
  for (let i = 0; i < 12; i++) {
    const server = servers[i % 3];
    const view = await api(server.url, token, 'POST', '/api/cases', intakeBody());
    for (const party of view.parties) await api(servers[(i + 1) % 3].url, token, 'POST', `/api/cases/${view.id}/events`, { type: 'RECORD_CONSENT', partyId: party.id, consent: 'given' });
    await api(servers[(i + 2) % 3].url, token, 'POST', `/api/cases/${view.id}/events`, { type: 'NOTIFY_RIGHTS' });
    await api(server.url, token, 'POST', `/api/cases/${view.id}/events`, { type: 'START_MEDIATION' });
    cases.push(view.id);
  }

  const acknowledged: { caseId: string; version: number }[] = [];
  const statuses: number[] = [];
  const client = async (n: number) => {
    for (let i = 0; i < 40; i++) {
      const server = servers[(n + i) % 3];
      const caseId = cases[(n * 7 + i) % cases.length];
      const res = await fetch(`${server.url}/api/cases/${caseId}/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'LOG_SESSION', summary: `客户端${n}第${i}次` }),
      });
      statuses.push(res.status);
      if (res.ok) acknowledged.push({ caseId, version: ((await res.json()) as { version: number }).version });
    }
  };
  // Conflicting pairs sent to different instances at once: exactly one of each pair wins.
  const duel = async (caseId: string) => {
    const send = (server: BenchServer, body: object) =>
      fetch(`${server.url}/api/cases/${caseId}/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then((r) => r.status);
    return Promise.all([
      send(servers[0], { type: 'DECLARE_FAILED', note: '并发' }),
      send(servers[1], { type: 'REACH_AGREEMENT', form: 'oral', terms: '互谅', performanceMethod: '即时', createsObligations: false, writtenRequested: false }),
    ]);
  };
  const [duels] = await Promise.all([Promise.all(cases.slice(0, 4).map(duel)), ...Array.from({ length: 9 }, (_, n) => client(n))]);

  expect(statuses.filter((s) => s >= 500)).toEqual([]);
  for (const pair of duels) expect(pair.sort()).toEqual([200, 409]);
  for (const { caseId, version } of acknowledged) {
    expect(await q('SELECT 1 FROM case_transitions WHERE case_id = $1 AND version = $2', [caseId, version])).toHaveLength(1);
  }
  const gaps = await q(
    `SELECT c.id FROM cases c JOIN case_transitions t ON t.case_id = c.id
     GROUP BY c.id, c.version HAVING COUNT(*) != c.version OR MAX(t.version) != c.version`,
  );
  expect(gaps).toEqual([]);
  const auditor = await login(servers[2].url, 'auditor');
  const verify = await api(servers[1].url, auditor, 'GET', '/api/audit/verify');
  expect(verify).toEqual({ records: expect.any(Number), intact: true });
}, 180_000);
