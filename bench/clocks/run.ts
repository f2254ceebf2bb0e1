// bench/clocks — how long the sweeper takes to fire 10,000 clocks due at once (target: all within
// 10 s), the server's event-loop delay meanwhile, and case-read latency at a steady request rate
// with nothing to sweep beside the same reads while the sweep runs (target: p99 at most 2×).
// Runs the built server (dist/) in a child process, on SQLite (the default deployment) or, with
// --pg, on a fresh schema of the PostgreSQL at SANDIAO_TEST_PG_URL (default 127.0.0.1:5432/test).
// Usage: npm run bench:clocks [-- --clocks 10000 --rate 100 --seconds 8 --pg [--analyze]]
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { intakeBody } from '../../test/factories/parties';
import { api, login, machineLine, startServer } from '../support/server';
import { cloneDueCases, cloneDueCasesPg } from './clone-cases';

const arg = (name: string, fallback: number) => Number(process.argv[process.argv.indexOf(`--${name}`) + 1]) || fallback;
const clocks = arg('clocks', 10_000);
const rate = arg('rate', 100);
const idleSeconds = arg('seconds', 8);
const office = '130606002-jo';
const onPostgres = process.argv.includes('--pg');
const analyze = process.argv.includes('--analyze');
const pgUrl = process.env.SANDIAO_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `bench_clocks_${process.pid}`;

async function onPg(statement: string): Promise<void> {
  const { Client } = await import('pg');
  const pg = new Client({ connectionString: pgUrl });
  await pg.connect();
  await pg.query(statement).finally(() => pg.end());
}

/** How many clocks have fired and how many expiries were recorded, read straight from the database. */
async function countFired(dataDir: string): Promise<{ fired: number; expiries: number; cases: number }> {
  const firedSql = `SELECT COUNT(*) AS n FROM clocks WHERE status = 'fired'`;
  const expirySql = `SELECT COUNT(*) AS n, COUNT(DISTINCT case_id) AS cases FROM case_transitions WHERE event = 'CLOCK_EXPIRED'`;
  if (onPostgres) {
    const { Client } = await import('pg');
    const pg = new Client({ connectionString: pgUrl, options: `-c search_path=${schema}` });
    await pg.connect();
    try {
      const fired = (await pg.query(firedSql)).rows[0];
      const expiries = (await pg.query(expirySql)).rows[0];
      return { fired: Number(fired.n), expiries: Number(expiries.n), cases: Number(expiries.cases) };
    } finally {
      await pg.end();
    }
  }
  const { default: Sqlite } = await import('better-sqlite3');
  const db = new Sqlite(join(dataDir, 'sandiao.sqlite'), { readonly: true });
  const fired = db.prepare(firedSql).get() as { n: number };
  const expiries = db.prepare(expirySql).get() as { n: number; cases: number };
  db.close();
  return { fired: fired.n, expiries: expiries.n, cases: expiries.cases };
}

/**
 * CPU time of every PostgreSQL process on this machine so far (Linux /proc; undefined elsewhere):
 * the database's backends share the cores with the server, so their work counts as the sweep's.
 */
function postgresCpuMs(): number | undefined {
  if (!existsSync('/proc/self/stat')) return undefined;
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // ended meanwhile
    }
    // pid (comm) state ppid … utime stime: fields 14 and 15, counted after the closing parenthesis.
    const close = stat.lastIndexOf(')');
    if (!stat.slice(stat.indexOf('(') + 1, close).startsWith('postgres')) continue;
    const fields = stat.slice(close + 2).split(' ');
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

interface Sample {
  at: number;
  ms: number;
  status: number;
}

/**
 * Open-loop reads: one GET every 1000/rate ms whether or not earlier ones answered, so a stalled
 * server shows up as latency instead of as fewer requests (what autocannon's closed loop hides).
 */
function steadyReads(url: string, token: string, ids: string[], until: () => boolean): Promise<Sample[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const samples: Sample[] = [];
  const { hostname, port } = new URL(url);
  let n = 0;
  let inFlight = 0;
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      if (until()) {
        clearInterval(timer);
        const wait = setInterval(() => inFlight === 0 && (clearInterval(wait), agent.destroy(), resolve(samples)), 5);
        return;
      }
      const at = performance.now();
      inFlight += 1;
      const req = request({ hostname, port, agent, path: `/api/cases/${ids[n++ % ids.length]}`, headers: { authorization: `Bearer ${token}` } }, (res) => {
        res.resume();
        res.on('end', () => {
          samples.push({ at, ms: performance.now() - at, status: res.statusCode ?? 0 });
          inFlight -= 1;
        });
      });
      req.on('error', () => {
        samples.push({ at, ms: performance.now() - at, status: 0 });
        inFlight -= 1;
      });
      req.end();
    }, 1000 / rate);
  });
}

function percentile(samples: Sample[], p: number): number {
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
}

const fmt = (ms: number) => ms.toFixed(1);

async function main() {
  console.log(`machine: ${machineLine()}`);
  console.log(`date: ${new Date().toISOString()}`);
  // Polling off: the sweep runs when the bench says so (POST /api/deadlines/sweep), over every clock at once.
  const dataDir = mkdtempSync(join(tmpdir(), 'sandiao-bench-clocks-'));
  // Rate limits off: the steady reads come from one address.
  const env: Record<string, string> = { DEADLINE_SWEEP_INTERVAL_MS: '0', DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: '1000000', LOGIN_RATE_LIMIT_PER_MINUTE: '1000000' };
  if (onPostgres) {
    await onPg(`CREATE SCHEMA ${schema}`);
    Object.assign(env, { DATABASE_URL: pgUrl, DATABASE_SCHEMA: schema });
  }
  console.log(`database: ${onPostgres ? `PostgreSQL (${schema}${analyze ? ', statistics gathered after the copy' : ', no statistics after the copy'})` : 'SQLite (WAL, each acknowledged commit fsynced off the main thread)'}`);
  let server = await startServer(env);
  try {
    // One real case through HTTP, then copies of it straight into the database.
    const token = await login(server.url, office);
    const template = await api(server.url, token, 'POST', '/api/cases', intakeBody());
    for (const party of template.parties) {
      await api(server.url, token, 'POST', `/api/cases/${template.id}/events`, { type: 'RECORD_CONSENT', partyId: party.id, consent: 'given' });
    }
    await api(server.url, token, 'POST', `/api/cases/${template.id}/events`, { type: 'NOTIFY_RIGHTS' });
    await api(server.url, token, 'POST', `/api/cases/${template.id}/events`, { type: 'START_MEDIATION' });
    await server.stop();

    process.stdout.write(`copying ${clocks} mediating cases whose clocks are all due… `);
    const dueAt = new Date(Date.now() - 60_000).toISOString();
    let ids: string[];
    if (onPostgres) {
      ids = await cloneDueCasesPg(pgUrl, schema, template.id, clocks - 1, dueAt);
      // --analyze: planner statistics for the copies, as autovacuum gathers them within a minute or so;
      // without them the sweep meets a database fresh from a bulk import, and so do the reads.
      if (analyze) await onPg(`ANALYZE ${['cases', 'case_access', 'parties', 'clocks', 'prevention_flags'].map((t) => `${schema}.${t}`).join(', ')}`);
    } else {
      ids = cloneDueCases(dataDir, template.id, clocks - 1, dueAt);
      const { default: Sqlite } = await import('better-sqlite3');
      const db = new Sqlite(join(dataDir, 'sandiao.sqlite'));
      db.prepare('UPDATE clocks SET due_at = ? WHERE case_id = ?').run(dueAt, template.id);
      db.close();
    }
    console.log('done');

    server = await startServer(env);
    const reader = await login(server.url, office);
    const admin = await login(server.url, 'admin');
    const readIds = [template.id, ...ids.slice(0, 499)];

    const load = () => loadavg()[0].toFixed(1);
    console.log(`load average before: ${load()}`);
    // Warm-up, then the baseline: steady reads with nothing to sweep.
    await steadyReads(server.url, reader, readIds, ((end) => () => performance.now() > end)(performance.now() + 2000));
    const idleFor = (seconds: number) => ((end) => steadyReads(server.url, reader, readIds, () => performance.now() > end))(performance.now() + seconds * 1000);
    const idleBefore = await idleFor(idleSeconds);

    // The same reads while one sweep fires every clock.
    let sweeping = true;
    const during = steadyReads(server.url, reader, readIds, () => !sweeping);
    await new Promise((r) => setTimeout(r, 500));
    const started = performance.now();
    const pgCpuBefore = onPostgres ? postgresCpuMs() : undefined;
    const report = await api(server.url, admin, 'POST', '/api/deadlines/sweep');
    const wall = (performance.now() - started) / 1000;
    const pgCpu = pgCpuBefore === undefined ? undefined : postgresCpuMs()! - pgCpuBefore;
    sweeping = false;
    const busy = (await during).filter((s) => s.at >= started && s.at <= started + wall * 1000);
    // The baseline is measured before and after the sweep, so a burst from elsewhere on the machine
    // does not decide it alone.
    const idleAfter = await idleFor(idleSeconds);
    const idle = [...idleBefore, ...idleAfter];

    const check = await countFired(dataDir);

    console.log(`load average after: ${load()}`);
    const idleP99 = percentile(idle, 99);
    const busyP99 = percentile(busy, 99);
    const errors = [...idle, ...busy].filter((s) => s.status !== 200).length;
    console.log(`sweep: ${report.fired} clocks fired in ${(report.durationMs / 1000).toFixed(2)} s (HTTP round trip ${wall.toFixed(2)} s) = ${(report.fired / (report.durationMs / 1000)).toFixed(0)} clocks/s; stopped ${report.stopped}, failed ${report.failed}`);
    console.log(`server CPU during the sweep: ${(report.cpuMs / 1000).toFixed(2)} s = ${(report.cpuMs / report.fired).toFixed(2)} ms per clock (the reads served meanwhile included)`);
    if (pgCpu !== undefined) console.log(`PostgreSQL CPU during the sweep (all its processes, the reads' included): ${(pgCpu / 1000).toFixed(2)} s = ${(pgCpu / report.fired).toFixed(2)} ms per clock`);
    console.log(`check: ${check.fired} clocks fired in the database, ${check.expiries} CLOCK_EXPIRED transitions on ${check.cases} cases`);
    console.log(`event-loop delay during the sweep (server): p50 ${report.eventLoopDelayMs.p50} ms, p99 ${report.eventLoopDelayMs.p99} ms, max ${report.eventLoopDelayMs.max} ms`);
    console.log(`case reads at ${rate}/s, idle (before + after): ${idle.length} reads, p50 ${fmt(percentile(idle, 50))} ms, p99 ${fmt(idleP99)} ms (before ${fmt(percentile(idleBefore, 99))}, after ${fmt(percentile(idleAfter, 99))})`);
    console.log(`case reads at ${rate}/s, during the sweep: ${busy.length} reads, p50 ${fmt(percentile(busy, 50))} ms, p99 ${fmt(busyP99)} ms, max ${fmt(percentile(busy, 100))} ms`);
    console.log(`ratio p99 during / idle: ${(busyP99 / idleP99).toFixed(2)}; non-200 answers: ${errors}`);
    const inTime = report.fired === clocks && report.durationMs <= 10_000;
    console.log(`targets: all ${clocks} fired within 10 s ${inTime ? 'met' : 'MISSED'}, read p99 ≤ 2× idle ${busyP99 <= 2 * idleP99 ? 'met' : 'MISSED'}`);
  } finally {
    await server.stop().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
    if (onPostgres) await onPg(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
