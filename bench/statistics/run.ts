// bench/statistics — on 1,000,000 generated cases (npm run seed:volume), on SQLite and on
// PostgreSQL: one month's city-wide roll-up, a full recompute (the recount of the whole record
// compared with the incremental summary), each beside a plain GROUP BY over the same rows measured
// in the same run; then the API's latency while the server runs that recompute.
// Usage: npm run bench:statistics [-- --cases 1000000 --db sqlite,postgres --month 2026-06]
// The generated databases are kept (bench/out/statistics-<cases>/, PostgreSQL schema
// bench_statistics_<cases>) and reused by later runs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { SystemClock } from '../../src/common/time/clock';
import { Database } from '../../src/database/database';
import { recount, verifySummary } from '../../src/statistics/recount';
import { StatisticsService } from '../../src/statistics/statistics.service';
import { api, login, machineLine, startServer } from '../support/server';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const cases = Number(arg('cases', '1000000'));
const dialects = arg('db', 'sqlite,postgres').split(',') as ('sqlite' | 'postgres')[];
const month = arg('month', '2026-06');
const pgUrl = process.env.SANDIAO_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `bench_statistics_${cases}`;
const dataDir = resolve('bench', 'out', `statistics-${cases}`);

type Settings = { databaseUrl?: string; databaseSchema?: string; dataDir: string };
const settingsOf = (dialect: 'sqlite' | 'postgres'): Settings =>
  dialect === 'sqlite' ? { dataDir } : { databaseUrl: pgUrl, databaseSchema: schema, dataDir: resolve('bench', 'out', 'statistics-pg') };
const envOf = (s: Settings): Record<string, string> => ({
  DATA_DIR: s.dataDir,
  ...(s.databaseUrl ? { DATABASE_URL: s.databaseUrl, DATABASE_SCHEMA: s.databaseSchema! } : {}),
  LOG_LEVEL: 'error',
  // The generated cases' open clocks fall due by the real date: a sweep beside the measurements
  // would fire thousands of them and take the CPU the recompute is timed on.
  DEADLINE_SWEEP_INTERVAL_MS: '0',
});

async function time<T>(work: () => Promise<T>): Promise<[number, T]> {
  const started = process.hrtime.bigint();
  const value = await work();
  return [Number(process.hrtime.bigint() - started) / 1e6, value];
}

async function median(runs: number, work: () => Promise<unknown>): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) ms.push((await time(work))[0]);
  return ms.sort((a, b) => a - b)[Math.floor(ms.length / 2)];
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];

/** The generated database of this size, generated once (a while: 15 million rows) and kept. */
async function ensureVolume(dialect: 'sqlite' | 'postgres'): Promise<void> {
  const settings = settingsOf(dialect);
  let present = 0;
  if (dialect === 'sqlite') {
    if (existsSync(join(dataDir, 'sandiao.sqlite'))) {
      const db = await Database.open(settings, { migrate: true });
      present = Number((await db.reader.query('SELECT COUNT(*) AS n FROM cases'))[0].n);
      await db.close();
    }
    if (present !== cases) {
      rmSync(dataDir, { recursive: true, force: true });
      mkdirSync(dataDir, { recursive: true });
    }
  } else {
    const pg = new Client({ connectionString: pgUrl });
    await pg.connect();
    const exists = (await pg.query('SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name = $2', [schema, 'cases'])).rowCount;
    present = exists ? Number((await pg.query(`SELECT COUNT(*) AS n FROM ${schema}.cases`)).rows[0].n) : 0;
    if (present !== cases) await pg.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
    await pg.end();
  }
  if (present === cases) return console.log(`${dialect}: reusing ${cases} generated cases`);
  console.log(`${dialect}: generating ${cases} cases (npm run seed:volume)…`);
  const result = spawnSync(process.execPath, ['dist/src/cli/seed-volume.js', '--cases', String(cases), '--until', '2026-10'], {
    env: { ...process.env, ...envOf(settings) },
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('seed:volume failed');
}

async function measure(dialect: 'sqlite' | 'postgres') {
  await ensureVolume(dialect);
  const db = await Database.open(settingsOf(dialect));
  const statistics = new StatisticsService(db, new SystemClock(), { append: async () => {} });
  const reader = statistics.reader;
  const rows: [string, string, string][] = [];
  try {
    const [segments] = await reader.query<{ n: string }>('SELECT COUNT(*) AS n FROM case_segments');
    const [transitions] = await reader.query<{ n: string }>('SELECT COUNT(*) AS n FROM case_transitions');
    console.log(`${dialect}: ${cases} cases, ${segments.n} segments, ${transitions.n} transitions; load ${loadavg()[0].toFixed(1)}`);
    const target = await statistics.reports.target('130600-jb');
    const now = new Date('2026-11-15T09:00:00+08:00');

    // Warm the page cache, the workers and the org tree once; then measure.
    await statistics.reports.live(target, month, now);
    await verifySummary(reader);

    const plainAll = await median(3, () => reader.query('SELECT unit_code, substr(started_at, 1, 7) AS m, COUNT(*) AS n FROM case_segments GROUP BY unit_code, substr(started_at, 1, 7)'));
    const recompute = await median(3, async () => {
      const differences = await verifySummary(reader);
      if (differences.length) throw new Error(`summary differs from the recount in ${differences.length} places`);
    });
    rows.push(['full recompute (recount of the record, compared with the summary)', `${(recompute / 1000).toFixed(2)} s`, `plain GROUP BY unit, month over case_segments: ${(plainAll / 1000).toFixed(2)} s → ${(recompute / plainAll).toFixed(1)}×`]);

    const monthSql = `SELECT unit_code, COUNT(*) AS n FROM case_segments WHERE started_at >= ? AND started_at < ? GROUP BY unit_code`;
    const bounds = ['2026-05-31T16:00:00.000Z', '2026-06-30T16:00:00.000Z'];
    const plainMonth = await median(5, () => reader.query(monthSql, bounds));
    const rollup = await median(5, () => statistics.reports.live(target, month, now));
    rows.push([`month roll-up, city 130600-jb ${month} (live draft, all ~4,500 divisions)`, `${rollup.toFixed(0)} ms`, `plain GROUP BY unit over the month's segments: ${plainMonth.toFixed(0)} ms → ${(rollup / plainMonth).toFixed(2)}×`]);
    const org = await statistics.reports.orgs.snapshot();
    const fromRecord = await median(3, () => recount(reader, { month, unitCodes: [...org.units.keys()] }));
    rows.push([`same month recounted from the record (as-of path)`, `${fromRecord.toFixed(0)} ms`, `${(fromRecord / plainMonth).toFixed(2)}× the plain GROUP BY`]);
  } finally {
    await statistics.onApplicationShutdown();
    await db.close();
  }

  // The API while the server recomputes: /api/health every 20 ms, idle and during the recompute.
  const server = await startServer(envOf(settingsOf(dialect)));
  try {
    const [admin, city] = await Promise.all([login(server.url, 'admin'), login(server.url, '130600-jb')]);
    const ping = async () => (await time(() => fetch(`${server.url}/api/health`).then((r) => r.arrayBuffer())))[0];
    await api(server.url, city, 'GET', `/api/statistics/monthly/130600-jb/${month}`);
    const overHttp = await median(5, () => api(server.url, city, 'GET', `/api/statistics/monthly/130600-jb/${month}`));
    rows.push(['month roll-up over HTTP (GET /api/statistics/monthly/130600-jb/…)', `${overHttp.toFixed(0)} ms`, '']);
    const idle: number[] = [];
    for (let i = 0; i < 100; i++) idle.push(await ping());
    const during: number[] = [];
    let done = false;
    const recomputing = time(() => api(server.url, admin, 'POST', '/api/statistics/recompute')).finally(() => (done = true));
    while (!done) {
      during.push(await ping());
      await new Promise((r) => setTimeout(r, 20));
    }
    const [httpRecompute, answer] = await recomputing;
    rows.push(['full recompute over HTTP (POST /api/statistics/recompute)', `${(httpRecompute / 1000).toFixed(2)} s, consistent: ${answer.consistent}`, '']);
    rows.push([
      `GET /api/health while it runs (${during.length} requests)`,
      `p50 ${percentile(during, 50).toFixed(1)} ms, p99 ${percentile(during, 99).toFixed(1)} ms, max ${Math.max(...during).toFixed(1)} ms`,
      `idle, same run: p50 ${percentile(idle, 50).toFixed(1)} ms, p99 ${percentile(idle, 99).toFixed(1)} ms`,
    ]);
  } finally {
    await server.stop();
  }
  return rows;
}

async function main() {
  console.log(`machine: ${machineLine()}; ${new Date().toISOString()}`);
  for (const dialect of dialects) {
    const rows = await measure(dialect);
    console.log(`\n${dialect} (load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')})\n| measure | figure | baseline in the same run |\n|---|---|---|`);
    for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
