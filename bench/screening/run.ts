// bench/screening — what a screening round costs the single writer, against ordinary intakes measured
// in the same run, and how fast the red-risk alert list answers a county and a city that see many
// alerts, against the case list of the same caller. Runs the built server (dist/) in a child process.
// Usage: npm run build && node -r @swc-node/register bench/screening/run.ts [-- --rounds 6 --alerts 300]
import { intakeBody } from '../../test/factories/parties';
import { api, login, machineLine, startServer } from '../support/server';

const arg = (name: string, fallback: number) => Number(process.argv[process.argv.indexOf(`--${name}`) + 1]) || fallback;
const rounds = arg('rounds', 6);
const alertCases = arg('alerts', 300);

const finding = (riskLevel = 'yellow') => {
  const { source: _s, ...dispute } = intakeBody({ riskLevel });
  return dispute;
};
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

/** The villages of 莲池区's townships, which take turns so each round is a new (unit, period). */
async function villages(url: string, token: string): Promise<string[]> {
  const tree = await api(url, token, 'GET', '/api/orgs/tree?root=130606&depth=2');
  const codes: string[] = [];
  const walk = (node: { units: { code: string; tier: string; kind: string }[]; children?: unknown[] }) => {
    for (const u of node.units) if (u.kind === 'MC' && u.tier === 'village') codes.push(u.code);
    for (const c of (node.children ?? []) as (typeof node)[]) walk(c);
  };
  walk(tree);
  return codes;
}

async function timeReads(url: string, token: string, path: string, n: number) {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    await api(url, token, 'GET', path);
    times.push(ms(t0));
  }
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

async function main() {
  console.log(`machine: ${machineLine()}`);
  console.log(`date: ${new Date().toISOString()}`);
  const server = await startServer({ RATE_LIMIT_PER_MINUTE: '100000000', LOGIN_RATE_LIMIT_PER_MINUTE: '100000000' });
  try {
    const admin = await login(server.url, 'admin');
    const codes = await villages(server.url, admin);
    const office = await login(server.url, '130606002-jo');

    // Baseline: ordinary intakes, one request each, measured in this run.
    for (let i = 0; i < 5; i++) await api(server.url, office, 'POST', '/api/cases', intakeBody()); // warm-up
    const n = 40;
    let t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) await api(server.url, office, 'POST', '/api/cases', intakeBody());
    const intakeMs = ms(t0) / n;
    console.log(`baseline intake: ${intakeMs.toFixed(1)} ms per case (${n} cases, one request each)`);

    // Screening rounds: a zero report, then 10 and 50 finds, each in one transaction.
    const results: Record<number, number[]> = { 0: [], 10: [], 50: [] };
    let v = 0;
    for (let r = 0; r < rounds; r++) {
      for (const size of [0, 10, 50]) {
        const token = await login(server.url, codes[v++ % codes.length]);
        t0 = process.hrtime.bigint();
        const res = await api(server.url, token, 'POST', '/api/screening/rounds', {
          period: `2026-${String(1 + (r % 10)).padStart(2, '0')}`,
          findings: Array.from({ length: size }, () => finding()),
        });
        if (!res.id) throw new Error(`round failed: ${JSON.stringify(res)}`);
        results[size].push(ms(t0));
      }
    }
    for (const size of [0, 10, 50]) {
      const p50 = percentile(results[size], 50);
      const perCase = size ? ` = ${(p50 / size).toFixed(1)} ms per found case, ${(p50 / size / intakeMs).toFixed(2)}× an intake` : '';
      console.log(`screening round with ${size} finds: p50 ${p50.toFixed(0)} ms, max ${Math.max(...results[size]).toFixed(0)} ms${perCase}`);
    }

    // Red-risk alerts: many reports in the county, read by the county and the city bureau.
    const village = await login(server.url, codes[0]);
    for (let i = 0; i < alertCases; i++) await api(server.url, village, 'POST', '/api/cases', { ...finding('red'), source: 'own-initiative' });
    for (const reader of ['130606-jb', '130600-jb']) {
      const token = await login(server.url, reader);
      await timeReads(server.url, token, '/api/alerts', 20); // warm-up
      const alerts = await timeReads(server.url, token, '/api/alerts?pageSize=20', 200);
      const cases = await timeReads(server.url, token, '/api/cases?pageSize=20', 200);
      console.log(
        `${reader} GET /api/alerts (${alertCases}+ reports): p50 ${alerts.p50.toFixed(1)} ms, p99 ${alerts.p99.toFixed(1)} ms; ` +
          `GET /api/cases same page size: p50 ${cases.p50.toFixed(1)} ms, p99 ${cases.p99.toFixed(1)} ms; ratio p99 ${(alerts.p99 / cases.p99).toFixed(2)}`,
      );
    }
  } finally {
    await server.stop();
  }
}

void main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
