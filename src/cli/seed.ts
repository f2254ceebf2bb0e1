// npm run seed — the demo organisations and accounts on the configured database.
import { seedDemo } from '../seed/demo-seed';
import { fail, openDatabase } from './open-database';

async function main() {
  const { db, config } = await openDatabase();
  try {
    const report = await seedDemo(db, config.demoPassword, (line) => console.log(line));
    console.log(report.skipped ? `数据库中已有 ${report.units} 个单位，未重复填充。` : '演示数据已填充。');
  } finally {
    await db.close();
  }
}

main().catch((error) => fail(`填充失败：${error instanceof Error ? error.message : error}`));
