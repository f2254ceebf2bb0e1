// bench/case-list — the case list (GET /api/cases) on the 1,000,000 generated cases of
// bench/statistics, as a village committee, a township office, a county and the city bureau see it:
// page 1, page 100, a filter (red risk) and a name search, each p50 / p99 over repeated requests,
// beside the same count and page read straight through better-sqlite3 in the same run, written
// the two plain ways (from the visible set; walking the cases by date), and the better of the two.
// Needs bench/statistics' generated database: bench/out/statistics-1000000 on SQLite, or with --pg
// the schema bench_statistics_1000000 at SANDIAO_BENCH_PG_URL (npm run bench:statistics makes both).
// Usage: npm run bench:case-list [-- --runs 20 --pg]
import Sqlite from 'better-sqlite3';
import { Client } from 'pg';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import type { Actor } from '../../workflows/case';
import { visibleCaseIds, visibleCases } from '../../src/cases/jurisdiction';
import { login, machineLine, startServer } from '../support/server';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 20;
const onPostgres = process.argv.includes('--pg');
const dataDir = resolve('bench', 'out', 'statistics-1000000');
const pgUrl = process.env.SANDIAO_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const pgSchema = 'bench_statistics_1000000';

/** A statement through the raw driver, `?` placeholders on both databases. */
type RawQuery = (text: string, params: unknown[]) => Promise<{ id: string }[]>;

async function rawDriver(): Promise<{ query: RawQuery; close: () => Promise<void> }> {
  if (onPostgres) {
    const pg = new Client({ connectionString: pgUrl, options: `-c search_path=${pgSchema}` });
    await pg.connect();
    const numbered = (text: string) => {
      let n = 0;
      return text.replace(/\?/g, () => `$${++n}`);
    };
    return { query: async (text, params) => (await pg.query(numbered(text), params)).rows, close: async () => void (await pg.end()) };
  }
  const db = new Sqlite(join(dataDir, 'sandiao.sqlite'), { readonly: true });
  return { query: async (text, params) => db.prepare(text).all(...params) as { id: string }[], close: async () => void db.close() };
}

// Who lists, and the unit facts their jurisdiction follows from (src/cases/jurisdiction.ts).
const callers: { username: string; actor: Actor }[] = [
  ['130606002001-mc', 'MC', 'village', '130606002001', 'village-mediator'],
  ['130606002-jo', 'JO', 'township', '130606002', 'justice-officer'],
  ['130606-jb', 'JB', 'county', '130606', 'county-statistician'],
  ['130600-jb', 'JB', 'city', '130600', 'city-bureau'],
].map(([code, kind, tier, divisionCode, role]) => ({
  username: code,
  actor: { username: code, unit: { code, kind, tier, divisionCode, name: code }, roles: [role] } as unknown as Actor,
}));

const lists: [label: string, query: string][] = [
  ['page 1', ''],
  ['page 100', '&page=100'],
  ['red risk', '&risk=red'],
  ['name search 张', `&q=${encodeURIComponent('张')}`],
];

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];
const ms = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e6;

/**
 * The raw driver's part of one page, written the two plain ways: from the visible set (count it,
 * sort it), or walking the cases by date and probing each one's access (count by the same probe).
 * Then the page's case rows with their parties.
 */
async function rawPage(query: RawQuery, actor: Actor, offset: number, way: 'set' | 'walk'): Promise<void> {
  const ids = visibleCaseIds(actor);
  const probe = visibleCases(actor);
  const [scope, params] = way === 'set' ? [`c.id IN (${ids.sql})`, ids.params] : [probe.sql, probe.params];
  if (way === 'set') await query(`SELECT COUNT(*) AS n FROM (${ids.sql}) v`, ids.params);
  else await query(`SELECT COUNT(*) AS n FROM cases c WHERE ${scope}`, params);
  const page = await query(`SELECT c.* FROM cases c WHERE ${scope} ORDER BY c.accepted_at DESC, c.id DESC LIMIT 20 OFFSET ?`, [...params, offset]);
  if (page.length) await query(`SELECT * FROM parties WHERE case_id IN (${page.map(() => '?').join(', ')}) ORDER BY seq`, page.map((c) => c.id));
}

async function rawMedian(query: RawQuery, actor: Actor, offset: number, way: 'set' | 'walk'): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 4; i++) {
    const started = process.hrtime.bigint();
    await rawPage(query, actor, offset, way);
    if (i > 0) times.push(ms(started));
  }
  return percentile(times, 50);
}

async function main() {
  if (!onPostgres && !existsSync(join(dataDir, 'sandiao.sqlite'))) {
    console.error(`缺少 ${dataDir}：请先运行 npm run bench:statistics（或 seed:volume）生成 1,000,000 件案件。`);
    process.exit(1);
  }
  console.log(`${onPostgres ? 'PostgreSQL' : 'SQLite'}; machine: ${machineLine()}; ${new Date().toISOString()}; load ${loadavg()[0].toFixed(1)}; ${runs} requests each`);
  const database: Record<string, string> = onPostgres ? { DATABASE_URL: pgUrl, DATABASE_SCHEMA: pgSchema, DATA_DIR: resolve('bench', 'out', 'statistics-pg') } : { DATA_DIR: dataDir };
  const server = await startServer({ ...database, DEADLINE_SWEEP_INTERVAL_MS: '0' });
  const raw = await rawDriver();
  try {
    console.log('| caller | list | HTTP p50 / p99 | total | raw driver p50, count + page, same run: from the set / walking by date |\n|---|---|---|---|---|');
    for (const { username, actor } of callers) {
      const token = await login(server.url, username);
      for (const [label, query] of lists) {
        const times: number[] = [];
        let total = 0;
        for (let i = 0; i < runs + 2; i++) {
          const started = process.hrtime.bigint();
          const res = await fetch(`${server.url}/api/cases?pageSize=20${query}`, { headers: { authorization: `Bearer ${token}` } });
          const body = (await res.json()) as { total: number };
          if (res.status !== 200) throw new Error(`${username} ${query}: ${res.status} ${JSON.stringify(body)}`);
          if (i >= 2) times.push(ms(started));
          total = body.total;
        }
        let rawText = '—';
        if (!query || query.startsWith('&page=')) {
          const offset = query ? 99 * 20 : 0;
          const [set, walk] = [await rawMedian(raw.query, actor, offset, 'set'), await rawMedian(raw.query, actor, offset, 'walk')];
          const best = Math.min(set, walk);
          rawText = `set ${set.toFixed(1)} / walk ${walk.toFixed(1)} ms; HTTP ÷ best ${(percentile(times, 50) / best).toFixed(2)}×`;
        }
        console.log(`| ${username} | ${label} | ${percentile(times, 50).toFixed(1)} / ${percentile(times, 99).toFixed(1)} ms | ${total} | ${rawText} |`);
      }
    }
  } finally {
    await raw.close();
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
