// Rendering survives its process (R-F2 "never silently lost"): a render killed mid-way leaves the
// row pending and the next start renders it; an orderly stop finishes what it claimed; a render that
// keeps failing ends `failed` with the reason; R-F1 numbers stay gap-free when 100 guidance notices
// are issued at once.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { createApp } from '../../src/app.factory';
import { ManualClock } from '../../src/common/time/clock';
import type { AppConfig } from '../../src/config/app.config';
import { Database } from '../../src/database/database';
import { sql } from '../../src/database/sql';
import { DocumentGenerator } from '../../src/documents/document-generator';
import { fileHash } from '../../src/documents/document-files';
import { seedDemo } from '../../src/seed/demo-seed';
import { intakeBody, person } from '../factories/parties';
import { registerCase } from '../support/case-driver';
import { freePort, healthy } from '../support/free-port';
import { api, login } from '../../bench/support/server';
import { commandEnv, demoPassword, testConfig } from '../support/test-app';

const village = '130606002001-mc';
const justiceOffice = '130606002-jo';

/** The real application on `config`'s database, which outlives it (unlike startTestApp). */
async function boot(config: AppConfig, now: string) {
  const clock = new ManualClock(new Date(now));
  const app = await createApp({ config, clock }, ['error']);
  const http = request(app.getHttpServer());
  const as = async (username: string) => {
    const login = await http.post('/api/auth/login').send({ username, password: demoPassword });
    const bearer = `Bearer ${login.body.accessToken}`;
    return {
      get: (url: string) => http.get(url).set('Authorization', bearer),
      post: (url: string) => http.post(url).set('Authorization', bearer),
      put: (url: string) => http.put(url).set('Authorization', bearer),
      patch: (url: string) => http.patch(url).set('Authorization', bearer),
      delete: (url: string) => http.delete(url).set('Authorization', bearer),
    };
  };
  const db = app.get(Database);
  const rows = async (sql: string, ...params: unknown[]) => {
    let n = 0;
    return (await db.reader.query(db.isPostgres ? sql.replace(/\?/g, () => `$${++n}`) : sql, params)) as any[];
  };
  return { app, clock, as, rows, generator: app.get(DocumentGenerator) };
}

async function freshDatabase(env: Record<string, string> = {}) {
  const { config, cleanup } = await testConfig(env);
  const db = await Database.open({ databaseUrl: config.databaseUrl, databaseSchema: config.databaseSchema, dataDir: config.dataDir });
  await seedDemo(db, demoPassword);
  await db.close();
  return { config, cleanup };
}

async function until<T>(probe: () => Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

// A long summary makes a multi-page registration form: its render is still running when we act.
const longIntake = () => intakeBody({ summary: '双方因宅基地界址、排水沟走向及院墙高度发生争执，多次协商未果。'.repeat(100) });

/** The server as `npm start` runs it, in its own process, on `config`'s database. */
async function serverProcess(config: AppConfig, env: Record<string, string> = {}) {
  const port = await freePort();
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
    env: { ...process.env, ...commandEnv(config), PORT: String(port), HOST: '127.0.0.1', SANDIAO_DEMO_CASES: 'false', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await until(() => healthy(url), 60_000);
  return { url, child };
}

describe('R-F2 a render cut off by a crash is recovered on restart; an orderly stop finishes it', () => {
  it('leaves claimed rows pending when the process is killed mid-render, and the next start renders them', async () => {
    const { config, cleanup } = await freshDatabase();
    const db = await Database.open({ databaseUrl: config.databaseUrl, databaseSchema: config.databaseSchema, dataDir: config.dataDir }, { migrate: false });
    const rows = (caseIds: string[]) =>
      sql<{ id: string; attempts: number | string; status: string; sha256: string | null; path: string | null }>(
        db.reader,
        `SELECT id, attempts, status, sha256, path FROM documents WHERE case_id IN (${caseIds.map(() => '?').join(', ')})`,
        caseIds,
      );
    // One render thread takes four rows per claim: while it draws one, the others wait claimed.
    const { url, child } = await serverProcess(config, { DOCUMENTS_RENDER_THREADS: '1' });
    try {
      const token = await login(url, village);
      const cases = await Promise.all(Array.from({ length: 8 }, () => api(url, token, 'POST', '/api/cases', longIntake())));
      const caseIds = cases.map((c) => c.id as string);
      await until(async () => (await rows(caseIds)).filter((r) => Number(r.attempts) === 1 && r.status === 'pending').length >= 2);
      child.kill('SIGKILL'); // the process dies with its render thread
      await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.once('exit', r)));
      const cutOff = (await rows(caseIds)).filter((r) => Number(r.attempts) === 1 && r.status === 'pending');
      expect(cutOff.length).toBeGreaterThan(0);

      // The lease (2 minutes) has run out when the next instance starts.
      const second = await boot(config, new Date(Date.now() + 5 * 60_000).toISOString());
      try {
        await second.generator.settle();
        const after = new Map((await rows(caseIds)).map((r) => [r.id, r]));
        expect([...after.values()].map((r) => r.status)).toEqual(caseIds.map(() => 'ready'));
        for (const { id } of cutOff) {
          const row = after.get(id)!;
          expect(Number(row.attempts)).toBe(2);
          expect(await fileHash(join(config.documentsDir, row.path!))).toBe(row.sha256);
        }
      } finally {
        await second.app.close();
      }
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await db.close();
      await cleanup();
    }
  });

  it('an orderly shutdown mid-render finishes the letter and records it before the database closes', async () => {
    const { config, cleanup } = await freshDatabase();
    try {
      const first = await boot(config, '2026-11-02T09:00:00+08:00');
      const view = await registerCase(await first.as(village), longIntake());
      const claimed = await until(async () => {
        const [row] = await first.rows(`SELECT id, attempts, status FROM documents WHERE case_id = ?`, view.id);
        return Number(row.attempts) === 1 && row;
      });
      expect(claimed.status).toBe('pending');
      await first.app.close(); // as on SIGTERM: Nest's shutdown hooks

      const db = await Database.open({ databaseUrl: config.databaseUrl, databaseSchema: config.databaseSchema, dataDir: config.dataDir }, { migrate: false });
      try {
        const [row] = await sql<{ status: string; attempts: number | string; sha256: string; path: string }>(
          db.reader,
          `SELECT status, attempts, sha256, path FROM documents WHERE id = ?`,
          [claimed.id],
        );
        expect(row).toEqual(expect.objectContaining({ status: 'ready' }));
        expect(Number(row.attempts)).toBe(1);
        expect(await fileHash(join(config.documentsDir, row.path))).toBe(row.sha256);
      } finally {
        await db.close();
      }
    } finally {
      await cleanup();
    }
  });
});

describe('R-F2 a document that cannot be rendered ends failed with the reason, after retries with back-off', () => {
  it('retries, then shows failed and why', async () => {
    const { config, cleanup } = await freshDatabase();
    // The documents folder is a file: every write fails (ENOTDIR).
    const blocked = join(config.dataDir, 'not-a-folder');
    writeFileSync(blocked, 'x');
    const previous = process.env.DOCUMENTS_MAX_ATTEMPTS;
    process.env.DOCUMENTS_MAX_ATTEMPTS = '3';
    const app = await boot({ ...config, documentsDir: blocked }, '2026-11-02T09:00:00+08:00');
    try {
      const agent = await app.as(village);
      const view = await registerCase(agent, intakeBody());
      const [{ id }] = await app.rows(`SELECT id FROM documents WHERE case_id = ?`, view.id);
      const state = () => app.rows(`SELECT status, attempts, next_attempt_at, last_error FROM documents WHERE id = ?`, id).then((r) => r[0]);
      const first = await until(async () => ((await state()).last_error ? state() : undefined));
      expect(first.status).toBe('pending');
      expect(Number(first.attempts)).toBe(1);
      // Back-off: the retry waits (5 s, then 10 s …) — nothing happens before it is due.
      expect(Date.parse(first.next_attempt_at)).toBe(app.clock.now().getTime() + 5_000);
      app.generator.kick();
      await new Promise((r) => setTimeout(r, 100));
      expect(Number((await state()).attempts)).toBe(1);
      for (const attempts of [2, 3]) {
        app.clock.advanceDays(1);
        app.generator.kick();
        await until(async () => Number((await state()).attempts) === attempts && (await state()).next_attempt_at !== null || (await state()).status === 'failed');
      }
      const last = await until(async () => ((await state()).status === 'failed' ? state() : undefined));
      expect(last.last_error).toMatch(/ENOTDIR|not a directory/);
      const listed = (await agent.get(`/api/cases/${view.id}/documents`)).body[0];
      expect(listed).toEqual(expect.objectContaining({ status: 'failed', lastError: expect.stringMatching(/ENOTDIR|not a directory/) }));
      const pdf = await agent.get(`/api/documents/${id}/pdf`);
      expect(pdf.status).toBe(409);
      expect(pdf.body.code).toBe('DOCUMENT_NOT_READY');
    } finally {
      process.env.DOCUMENTS_MAX_ATTEMPTS = previous;
      if (previous === undefined) delete process.env.DOCUMENTS_MAX_ATTEMPTS;
      await app.app.close();
      await cleanup();
    }
  });
});

describe('R-F1 100 guidance notices issued at once from one justice office', () => {
  it('get numbers 1…100 with no gap and no repeat, and all render', async () => {
    const { config, cleanup } = await freshDatabase();
    const app = await boot(config, '2026-11-02T09:00:00+08:00');
    try {
      const office = await app.as(justiceOffice);
      const cases: string[] = [];
      for (let i = 0; i < 100; i++) {
        const body = intakeBody({ parties: [person(`申请人${i}`, 'applicant', 'male', '1970-01-01', i % 400), person(`被申请人${i}`, 'respondent', 'female', '1971-01-01', (i + 1) % 400)] });
        cases.push((await registerCase(office, body)).id);
      }
      const answers = await Promise.all(
        cases.map((id) => office.post(`/api/cases/${id}/events`).send({ type: 'ISSUE_GUIDANCE', route: 'administrative', targetUnitCode: '130606-ag-police' })),
      );
      expect(answers.map((a) => a.status)).toEqual(cases.map(() => 200));
      const rows = await app.rows(`SELECT number FROM documents WHERE kind = 'guidance-notice' AND issuing_unit_code = ?`, justiceOffice);
      const numbers = rows.map((r) => Number(/第(\d+)号$/.exec(r.number)![1])).sort((a, b) => a - b);
      expect(numbers).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
      expect(new Set(rows.map((r) => r.number)).size).toBe(100);
      await app.generator.settle(60_000);
      const [{ n }] = await app.rows(`SELECT COUNT(*) AS n FROM documents WHERE kind = 'guidance-notice' AND status = 'ready'`);
      expect(Number(n)).toBe(100);
    } finally {
      await app.app.close();
      await cleanup();
    }
  });
});
