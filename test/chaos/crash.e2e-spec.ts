// Crash safety: kill the server with SIGKILL under write load, again and again. After every
// restart the database passes its integrity check, every acknowledged transition is there, each
// case's history has exactly one row per version, the audit chain verifies, and pending documents
// and due clocks complete. CHAOS_ROUNDS (default 3 in CI; 20 for the full run, see docs/hardening.md).
import Sqlite from 'better-sqlite3';
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyAuditChain } from '../../src/audit/audit-verifier';
import { setUpFieldCipher } from '../../src/common/crypto/data-key';
import { loadConfig } from '../../src/config/app.config';
import { Database } from '../../src/database/database';
import { api, login, startServer, type BenchServer } from '../../bench/support/server';
import { intakeBody } from '../factories/parties';

const rounds = Number(process.env.CHAOS_ROUNDS ?? 3);
const env = {
  JWT_SECRET: 'chaos-jwt-secret-0123456789abcdefghijklmnopq',
  SANDIAO_DATA_KEY: Buffer.alloc(32, 9).toString('base64'),
  RATE_LIMIT_PER_MINUTE: '1000000',
  LOGIN_RATE_LIMIT_PER_MINUTE: '1000000',
  DEADLINE_SWEEP_INTERVAL_MS: '200',
  // A render cut off by the kill is retried once its lease runs out; keep that short here.
  DOCUMENTS_LEASE_MS: '2000',
  DOCUMENTS_POLL_INTERVAL_MS: '500',
};
const dataDir = mkdtempSync(join(tmpdir(), 'sandiao-chaos-'));
const sqlitePath = join(dataDir, 'sandiao.sqlite');
const acknowledged: { caseId: string; version: number }[] = [];
let caseIds: string[] = [];

beforeAll(() => {
  execSync('npm run build --silent', { stdio: 'ignore' });
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function preparedCases(server: BenchServer, token: string, count: number) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const view = await api(server.url, token, 'POST', '/api/cases', intakeBody());
    for (const party of view.parties) {
      await api(server.url, token, 'POST', `/api/cases/${view.id}/events`, { type: 'RECORD_CONSENT', partyId: party.id, consent: 'given' });
    }
    await api(server.url, token, 'POST', `/api/cases/${view.id}/events`, { type: 'NOTIFY_RIGHTS' });
    await api(server.url, token, 'POST', `/api/cases/${view.id}/events`, { type: 'START_MEDIATION' });
    ids.push(view.id);
  }
  return ids;
}

/** Eight clients send events and register cases until the server dies; only 200 answers count. */
async function loadUntilKilled(server: BenchServer, token: string, killAfterMs: number) {
  let alive = true;
  const client = async (n: number) => {
    for (let i = 0; alive; i++) {
      try {
        if ((n + i) % 7 === 0) {
          const view = await api(server.url, token, 'POST', '/api/cases', intakeBody());
          acknowledged.push({ caseId: view.id, version: view.version });
        } else {
          const caseId = caseIds[(n * 31 + i) % caseIds.length];
          const view = await api(server.url, token, 'POST', `/api/cases/${caseId}/events`, { type: 'LOG_SESSION', summary: `第${i}次` });
          acknowledged.push({ caseId, version: view.version });
        }
      } catch {
        // refused or cut off by the kill: not acknowledged
      }
    }
  };
  const clients = Array.from({ length: 8 }, (_, n) => client(n));
  await new Promise((r) => setTimeout(r, killAfterMs));
  server.process.kill('SIGKILL');
  await new Promise((r) => server.process.once('exit', r));
  alive = false;
  await Promise.all(clients);
}

function checkDatabase() {
  const db = new Sqlite(sqlitePath, { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const has = db.prepare('SELECT 1 FROM case_transitions WHERE case_id = ? AND version = ?');
    const missing = acknowledged.filter((a) => !has.get(a.caseId, a.version));
    expect(missing).toEqual([]);
    const gaps = db
      .prepare(
        `SELECT c.id, c.version, COUNT(t.id) AS rows_, MAX(t.version) AS top FROM cases c
         LEFT JOIN case_transitions t ON t.case_id = c.id GROUP BY c.id HAVING rows_ != c.version OR top != c.version`,
      )
      .all();
    expect(gaps).toEqual([]);
  } finally {
    db.close();
  }
}

async function auditChainIntact() {
  const config = loadConfig({ ...env, DATA_DIR: dataDir } as NodeJS.ProcessEnv);
  setUpFieldCipher(config);
  const db = await Database.open({ dataDir }, { migrate: false });
  try {
    return await verifyAuditChain(db.reader);
  } finally {
    await db.close();
  }
}

it(`survives ${rounds} SIGKILLs under write load without losing an acknowledged transition`, async () => {
  for (let round = 1; round <= rounds; round++) {
    const server = await startServer({ ...env, DATA_DIR: dataDir });
    const token = await login(server.url, '130606002-jo');
    if (round === 1) caseIds = await preparedCases(server, token, 20);
    await loadUntilKilled(server, token, 300 + ((round * 137) % 500));
    checkDatabase();
    expect((await auditChainIntact()).intact).toBe(true);
  }
  expect(acknowledged.length).toBeGreaterThan(rounds * 10);

  // Time passes while the server is down: two running legal clocks fall due.
  const db = new Sqlite(sqlitePath);
  const due = db.prepare(`SELECT id, case_id FROM clocks WHERE status = 'running' LIMIT 2`).all() as { id: string; case_id: string }[];
  db.prepare(`UPDATE clocks SET due_at = ? WHERE id IN (${due.map(() => '?').join(',')})`).run(new Date(Date.now() - 1000).toISOString(), ...due.map((d) => d.id));
  db.close();

  // One more start: pending documents render and the due clocks fire, each exactly once.
  const server = await startServer({ ...env, DATA_DIR: dataDir });
  try {
    const deadline = Date.now() + 60_000;
    let pending = -1;
    let fired = 0;
    while (Date.now() < deadline) {
      const check = new Sqlite(sqlitePath, { readonly: true });
      pending = (check.prepare(`SELECT COUNT(*) AS n FROM documents WHERE status != 'ready'`).get() as { n: number }).n;
      fired = (check.prepare(`SELECT COUNT(*) AS n FROM clocks WHERE status = 'fired' AND id IN (${due.map(() => '?').join(',')})`).get(...due.map((d) => d.id)) as { n: number }).n;
      check.close();
      if (pending === 0 && fired === due.length) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const statuses = new Sqlite(sqlitePath, { readonly: true }).prepare(`SELECT status, attempts, last_error, next_attempt_at FROM documents WHERE status != 'ready' LIMIT 5`).all();
    expect({ pending, statuses }).toEqual({ pending: 0, statuses: [] });
    expect(fired).toBe(due.length);
    const final = new Sqlite(sqlitePath, { readonly: true });
    for (const { case_id } of due) {
      const expiries = final.prepare(`SELECT COUNT(*) AS n FROM case_transitions WHERE case_id = ? AND event = 'CLOCK_EXPIRED'`).get(case_id) as { n: number };
      expect(expiries.n).toBe(1);
    }
    final.close();
  } finally {
    await server.stop();
  }
  checkDatabase();
}, 300_000);
