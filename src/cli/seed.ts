// npm run seed — the demo organisations and accounts on the configured database.
import 'reflect-metadata';
import { loadConfig } from '../config/app.config';
import { Database } from '../database/database';
import { seedDemo } from '../seed/demo-seed';

async function main() {
  const config = loadConfig();
  const db = await Database.open({ databaseUrl: config.databaseUrl, databaseSchema: config.databaseSchema, dataDir: config.dataDir });
  try {
    const report = await seedDemo(db, config.demoPassword, (line) => console.log(line));
    console.log(report.skipped ? `数据库中已有 ${report.units} 个单位，未重复填充。` : '演示数据已填充。');
  } finally {
    await db.close();
  }
}

main().catch((error) => {
  console.error('填充失败：', error instanceof Error ? error.message : error);
  process.exit(1);
});
