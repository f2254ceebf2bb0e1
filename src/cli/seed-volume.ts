// npm run seed:volume -- --cases 1000000 [--until 2026-10] [--years 10] [--seed 42]
// Demo volume: realistic cases over the Baoding tree and ten years, written in bulk (see
// src/statistics/volume/). Refuses a database that already has cases unless --append.
import { SingleBar } from 'cli-progress';
import { sql } from '../database/sql';
import { seedDemo } from '../seed/demo-seed';
import { isMonth, previousMonth, shanghaiMonth } from '../statistics/month';
import { generateVolume, volumeInputs, volumeWriter, type VolumeUnit } from '../statistics/volume/volume-generator';
import { fail, flags, openDatabase } from './open-database';

async function main() {
  const args = flags();
  const cases = Number(args.cases ?? 10_000);
  const until = args.until ?? previousMonth(shanghaiMonth(new Date()));
  const years = Number(args.years ?? 10);
  if (!Number.isInteger(cases) || cases < 1) fail('--cases 应为正整数');
  if (!isMonth(until)) fail('--until 应为月份 YYYY-MM');

  const { db, config } = await openDatabase();
  let units: VolumeUnit[];
  let sequences: Map<string, number>;
  let fresh: boolean;
  try {
    await seedDemo(db, config.demoPassword, (line) => console.log(line));
    const [{ n }] = await sql<{ n: number | string }>(db.reader, 'SELECT COUNT(*) AS n FROM cases');
    if (Number(n) > 0 && args.append !== 'true') fail(`数据库中已有 ${n} 件案件；追加请加 --append`);
    fresh = Number(n) === 0;
    ({ units, sequences } = await volumeInputs(db.reader));
  } finally {
    await db.close();
  }

  const writer = await volumeWriter(config);
  // On a fresh database the indexes are built once at the end rather than row by row.
  if (fresh) await writer.deferIndexes();
  const bar = new SingleBar({ format: '生成案件 [{bar}] {percentage}% | {value}/{total} | {rate} 件/秒 | 剩余 {eta_formatted}', hideCursor: true, noTTYOutput: true, notTTYSchedule: 10_000 });
  const started = Date.now();
  bar.start(cases, 0, { rate: 0 });
  const report = await generateVolume(writer, units, sequences, {
    cases,
    until,
    years,
    seed: Number(args.seed ?? 20_161_101),
    onProgress: (done) => {
      if (done % 2_000 === 0 || done === cases) bar.update(done, { rate: Math.round(done / ((Date.now() - started) / 1000 || 1)) });
    },
  });
  bar.stop();
  console.log('正在建立索引并更新查询统计信息（百万件约需数分钟）…');
  await writer.close();
  const seconds = (Date.now() - started) / 1000;
  console.log(`已生成 ${report.cases} 件案件（${report.months} 个月，截至 ${until}），用时 ${seconds.toFixed(1)} 秒：`);
  for (const [table, count] of Object.entries(report.rows)) console.log(`  ${table}: ${count} 行`);
  console.log('统计汇总已按各案件的流转写入；可用 npm run statistics:recompute 核对。');
}

main().catch((error) => fail(`生成失败：${error instanceof Error ? error.stack : error}`));
