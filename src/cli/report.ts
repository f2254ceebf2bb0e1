// npm run report -- --unit 130600-jb --month 2026-10 --format xlsx [--out data/reports]
// Monthly statistics reports to files, as an operator (system administrator) sees them: the
// frozen copy when submitted, else the live draft. --month may be a range (2026-01..2026-10) and
// --format a list (xlsx,csv,pdf); a progress bar counts the files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SingleBar } from 'cli-progress';
import type { Actor } from '../../workflows/case';
import { SystemClock } from '../common/time/clock';
import type { ExportFormat } from '../statistics/exports/export.worker';
import { isMonth, monthsBetween } from '../statistics/month';
import { StatisticsService } from '../statistics/statistics.service';
import { fail, flags, openDatabase } from './open-database';

const operator: Actor = {
  username: 'report-cli',
  unit: { code: '130600-jb', name: '保定市司法局', kind: 'JB', tier: 'city', divisionCode: '130600' },
  roles: ['system-admin'],
};

async function main() {
  const args = flags();
  if (!args.unit || !args.month) fail('用法：npm run report -- --unit 130600-jb --month 2026-10 [--format xlsx,csv,pdf] [--out 目录]');
  const [from, to = from] = args.month.split('..');
  if (!isMonth(from) || !isMonth(to) || from > to) fail('--month 应为 YYYY-MM 或 YYYY-MM..YYYY-MM');
  const formats = (args.format ?? 'xlsx').split(',') as ExportFormat[];
  if (!formats.every((f) => ['xlsx', 'csv', 'pdf'].includes(f))) fail('--format 可选 xlsx、csv、pdf（可用逗号分隔多个）');
  const out = resolve(args.out ?? join('data', 'reports'));
  mkdirSync(out, { recursive: true });

  const { db } = await openDatabase();
  const statistics = new StatisticsService(db, new SystemClock(), { append: async () => {} });
  const months = monthsBetween(from, to);
  const bar = new SingleBar({ format: '生成报表 [{bar}] {value}/{total} {file}', hideCursor: true, noTTYOutput: true, notTTYSchedule: 5_000 });
  bar.start(months.length * formats.length, 0, { file: '' });
  try {
    for (const month of months) {
      for (const format of formats) {
        const file = await statistics.export(operator, args.unit, month, format);
        writeFileSync(join(out, file.filename), file.body);
        bar.increment({ file: file.filename });
      }
    }
  } finally {
    bar.stop();
    await statistics.onApplicationShutdown();
    await db.close();
  }
  console.log(`已写入 ${months.length * formats.length} 个文件到 ${out}`);
}

main().catch((error) => fail(`生成报表失败：${error instanceof Error ? error.message : error}`));
