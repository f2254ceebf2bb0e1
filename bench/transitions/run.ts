// bench/transitions — persisted transitions per second through HTTP (10 concurrent clients,
// SQLite WAL, every acknowledged commit fsynced) and p99 latency, beside the raw better-sqlite3 rate for the same
// write pattern measured in the same run. Usage: npm run bench:transitions [-- --seconds 15]
import autocannon from 'autocannon';
import { intakeBody } from '../../test/factories/parties';
import { rawBaseline } from './raw-baseline';
import { api, login, machineLine, startServer } from '../support/server';

const seconds = Number(process.argv[process.argv.indexOf('--seconds') + 1]) || 15;
const connections = 10;
const caseCount = 200;

async function prepareCases(url: string, token: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < caseCount; i++) {
    const view = await api(url, token, 'POST', '/api/cases', intakeBody());
    for (const party of view.parties) {
      await api(url, token, 'POST', `/api/cases/${view.id}/events`, { type: 'RECORD_CONSENT', partyId: party.id, consent: 'given' });
    }
    await api(url, token, 'POST', `/api/cases/${view.id}/events`, { type: 'NOTIFY_RIGHTS' });
    await api(url, token, 'POST', `/api/cases/${view.id}/events`, { type: 'START_MEDIATION' });
    ids.push(view.id);
  }
  return ids;
}

async function main() {
  console.log(`machine: ${machineLine()}`);
  const server = await startServer();
  try {
    const token = await login(server.url, '130606002-jo');
    process.stdout.write(`preparing ${caseCount} cases in peoples.mediating… `);
    const ids = await prepareCases(server.url, token);
    console.log('done');
    let n = 0;
    const result = await autocannon({
      url: server.url,
      connections,
      duration: seconds,
      requests: [
        {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          // LOG_SESSION is accepted again and again in peoples.mediating: each one is a full
          // persisted transition (snapshot, version, history row, audit row, segments check).
          setupRequest: (req: any) => ({
            ...req,
            path: `/api/cases/${ids[n++ % ids.length]}/events`,
            body: JSON.stringify({ type: 'LOG_SESSION', summary: '第二次调解：双方就赔偿金额交换意见。' }),
          }),
        },
      ],
    });
    const ok = result['2xx'];
    const perSecond = ok / seconds;
    const p99 = result.latency.p99;
    const errors = result.non2xx + result.errors;
    console.log(`http: ${ok} transitions in ${seconds}s = ${perSecond.toFixed(0)}/s, latency p50 ${result.latency.p50} ms, p99 ${p99} ms, non-2xx/errors ${errors}`);

    const raw = rawBaseline(seconds);
    console.log(`raw better-sqlite3, one transaction per transition: ${raw.perTransaction.toFixed(0)}/s`);
    console.log(`raw better-sqlite3, 10 transitions per transaction: ${raw.grouped.toFixed(0)}/s`);
    console.log(`ratio http / raw (per-transaction): ${(perSecond / raw.perTransaction).toFixed(2)}`);
    console.log(`targets: ≥ 1000/s ${perSecond >= 1000 ? 'met' : 'MISSED'}, p99 < 50 ms ${p99 < 50 ? 'met' : 'MISSED'}`);
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
