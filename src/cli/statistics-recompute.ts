// npm run statistics:recompute [-- --repair]
// Counts every month's figures afresh from the record and compares them with the incremental
// summary (R-T1, R-T2). Differences are listed and the command fails; --repair rewrites the
// summary from the recount and checks again.
import { SingleBar } from 'cli-progress';
import { rebuildSummary, segmentFactLabels, verifySummary, type Difference } from '../statistics/recount';
import { statisticsReader, type StatisticsReader } from '../statistics/read-pool';
import { fail, flags, openDatabase } from './open-database';

/** The recount with a progress bar over its passes (a million cases take seconds). */
async function verifyWithProgress(reader: StatisticsReader): Promise<Difference[]> {
  const bar = new SingleBar({ format: '重算核对 [{bar}] {value}/{total} 项 {label}', hideCursor: true, noTTYOutput: true, notTTYSchedule: 5_000 });
  try {
    return await verifySummary(reader, (done, total, label) => {
      if (!done) bar.start(total, 0, { label: '' });
      else bar.update(done, { label: `${label}已核对` });
    });
  } finally {
    bar.stop();
  }
}

async function main() {
  const args = flags();
  const { db } = await openDatabase();
  const reader = statisticsReader(db);
  try {
    let started = Date.now();
    let differences = await verifyWithProgress(reader);
    console.log(`全量重算并核对完毕，用时 ${((Date.now() - started) / 1000).toFixed(2)} 秒：${differences.length ? `发现 ${differences.length} 处差异` : '汇总与重算结果一致'}。`);
    print(differences);
    if (differences.length && args.repair === 'true') {
      started = Date.now();
      const rows = await db.write(({ em }) => rebuildSummary(em, reader));
      differences = await verifyWithProgress(reader);
      console.log(`已按重算结果重写汇总表（${rows} 行，用时 ${((Date.now() - started) / 1000).toFixed(2)} 秒）；再次核对：${differences.length ? `仍有 ${differences.length} 处差异` : '一致'}。`);
    }
    if (differences.length) process.exitCode = 1;
  } finally {
    await reader.close();
    await db.close();
  }
}

function print(differences: Difference[]) {
  for (const d of differences.slice(0, 20)) {
    console.log(
      'caseId' in d
        ? `  案件 ${d.caseId} 第 ${d.seq} 段（${d.unitCode}）${segmentFactLabels[d.fact]}：记为 ${d.kept ?? '空'}，按案卷应为 ${d.record ?? '空'}`
        : `  ${d.month} ${d.unitCode} ${d.track} ${d.measure}：汇总 ${d.summary}，重算 ${d.recount}`,
    );
  }
  if (differences.length > 20) console.log(`  ……另有 ${differences.length - 20} 处`);
}

main().catch((error) => fail(`重算失败：${error instanceof Error ? error.message : error}`));
