// bench/documents — PDF letters per second with the worker pool (2 threads on this 2-core machine),
// cold start of the first letter, bytes per page, and case-read p99 while letters render beside the
// same p99 with nothing rendering. Runs the built server (dist/) in a child process.
// Usage: npm run bench:documents [-- --letters 400]
import Database from 'better-sqlite3';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { RenderPool } from '../../src/documents/render-pool';
import { intakeBody, person } from '../../test/factories/parties';
import { api, login, machineLine, startServer } from '../support/server';

const arg = (name: string, fallback: number) => Number(process.argv[process.argv.indexOf(`--${name}`) + 1]) || fallback;
const letters = arg('letters', 400);
// The second batch is larger so that rendering outlasts the read measurement.
const backlogLetters = arg('backlog', 600);
const readSeconds = arg('seconds', 6);
const office = '130606002-jo';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function registerCases(url: string, token: string, n: number, tag: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const body = intakeBody({ parties: [person(`申${tag}${i}`, 'applicant', 'male', '1970-01-01', i % 400), person(`被${tag}${i}`, 'respondent', 'female', '1971-01-01', (i + 1) % 400)] });
    ids.push((await api(url, token, 'POST', '/api/cases', body)).id);
  }
  return ids;
}

/** Issues a guidance notice on every case, `parallel` requests at a time. */
async function issueGuidance(url: string, token: string, ids: string[], parallel = 8): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < ids.length) {
        const id = ids[next++];
        await api(url, token, 'POST', `/api/cases/${id}/events`, { type: 'ISSUE_GUIDANCE', route: 'administrative', targetUnitCode: '130606-ag-police' });
      }
    }),
  );
}

async function main() {
  console.log(`machine: ${machineLine()}`);
  // The API rate limits would throttle the load generator, not the server.
  const server = await startServer({
    DOCUMENTS_RENDER_THREADS: '2',
    DOCUMENTS_POLL_INTERVAL_MS: '500',
    RATE_LIMIT_PER_MINUTE: '100000000',
    LOGIN_RATE_LIMIT_PER_MINUTE: '100000000',
  });
  const db = new Database(join(server.dataDir, 'sandiao.sqlite'), { readonly: true, fileMustExist: true });
  const pending = db.prepare(`SELECT COUNT(*) AS n FROM documents WHERE status = 'pending'`);
  const waitRendered = async () => {
    while ((pending.get() as { n: number }).n > 0) await sleep(5);
  };
  try {
    const token = await login(server.url, office);

    // Cold start: the first document after the server came up, from commit to file.
    const t0 = performance.now();
    const [first] = await registerCases(server.url, token, 1, 'cold');
    const committed = performance.now();
    await waitRendered();
    const cold = performance.now() - committed;
    console.log(`cold start: first document ready ${cold.toFixed(0)} ms after its commit (${(performance.now() - t0).toFixed(0)} ms including the HTTP request); case ${first}`);

    // Throughput: letters issued through HTTP, rendered by the pool.
    process.stdout.write(`preparing ${letters + backlogLetters} cases… `);
    const batchA = await registerCases(server.url, token, letters, 'a');
    const batchB = await registerCases(server.url, token, backlogLetters, 'b');
    await waitRendered();
    console.log('done');
    const start = performance.now();
    await issueGuidance(server.url, token, batchA);
    const issued = performance.now();
    await waitRendered();
    const seconds = (performance.now() - start) / 1000;
    console.log(`throughput: ${letters} guidance notices issued in ${((issued - start) / 1000).toFixed(2)} s, all rendered after ${seconds.toFixed(2)} s = ${(letters / seconds).toFixed(1)} letters/s`);
    const sizes = db.prepare(`SELECT SUM(size) AS bytes, SUM(pages) AS pages, COUNT(*) AS n FROM documents WHERE kind = 'guidance-notice' AND status = 'ready'`).get() as { bytes: number; pages: number; n: number };
    console.log(`size: ${sizes.n} letters, ${sizes.pages} pages, ${(sizes.bytes / sizes.n / 1024).toFixed(1)} KB per letter, ${(sizes.bytes / sizes.pages / 1024).toFixed(1)} KB per page`);

    // Case reads: idle, then while the second batch renders. The batch is issued first, so the reads
    // compete with rendering only, not with the issuing transitions.
    const read = (duration: number) =>
      autocannon({ url: `${server.url}/api/cases/${first}`, connections: 4, duration, headers: { authorization: `Bearer ${token}` } });
    const idle = await read(readSeconds);
    const renderStart = performance.now();
    await issueGuidance(server.url, token, batchB);
    const backlog = (pending.get() as { n: number }).n;
    const readFor = Math.max(1, Math.min(readSeconds, Math.floor(backlog / 70)));
    const busy = await read(readFor);
    const stillPending = (pending.get() as { n: number }).n;
    await waitRendered();
    console.log(`second batch: ${backlogLetters} letters issued in ${((performance.now() - renderStart) / 1000).toFixed(2)} s; ${backlog} still to render when the reads began`);
    const ratio = busy.latency.p99 / Math.max(1, idle.latency.p99);
    console.log(`case reads idle: ${idle.requests.average.toFixed(0)} req/s, p50 ${idle.latency.p50} ms, p99 ${idle.latency.p99} ms`);
    console.log(`case reads while rendering (${readFor} s): ${busy.requests.average.toFixed(0)} req/s, p50 ${busy.latency.p50} ms, p99 ${busy.latency.p99} ms (${stillPending} letters still pending when the reads ended)`);
    console.log(`read p99 under load / idle = ${ratio.toFixed(2)}×`);
    // The pool alone: the stored letters drawn again by two render threads, nothing else running.
    const rows = db.prepare(`SELECT id, kind, number, issued_at AS issuedAt, issued_by AS issuedBy, content FROM documents WHERE kind = 'guidance-notice'`).all() as any[];
    const out = mkdtempSync(join(tmpdir(), 'sandiao-bench-pdf-'));
    const pool = new RenderPool(2);
    await pool.warm();
    const poolStart = performance.now();
    const cpuStart = process.cpuUsage();
    await Promise.all(rows.map((r) => pool.render({ data: { ...r, content: JSON.parse(r.content) }, file: join(out, `${r.id}.pdf`) })));
    const poolRate = rows.length / ((performance.now() - poolStart) / 1000);
    // CPU time of this process (the render threads; the main thread only waits): what a letter costs
    // whatever else the machine is doing, and so what two dedicated cores can render.
    const cpu = process.cpuUsage(cpuStart);
    const cpuMsPerLetter = (cpu.user + cpu.system) / 1000 / rows.length;
    await pool.close();
    rmSync(out, { recursive: true, force: true });
    console.log(`pool alone: ${rows.length} letters by 2 render threads = ${poolRate.toFixed(1)} letters/s wall clock; ${cpuMsPerLetter.toFixed(1)} ms CPU per letter = ${(2000 / cpuMsPerLetter).toFixed(0)} letters/s on 2 free cores`);
    console.log(`machine load average during the run: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    console.log(
      `targets: pool ≥40 letters/s ${poolRate >= 40 ? 'met' : 'MISSED'} (end to end incl. HTTP issue ${(letters / seconds).toFixed(1)}/s);`,
    );
    console.log(
      `targets: first ≤500 ms ${cold <= 500 ? 'met' : 'MISSED'}; ≤40 KB/page ${sizes.bytes / sizes.pages <= 40 * 1024 ? 'met' : 'MISSED'}; p99 ≤2× ${ratio <= 2 ? 'met' : 'MISSED'}`,
    );
  } finally {
    db.close();
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
