import 'reflect-metadata';
import { createApp } from './app.factory';
import { nestLogLevels, printsAt } from './common/log-level';
import { setUpFieldCipher } from './common/crypto/data-key';
import { loadConfig } from './config/app.config';
import { Database } from './database/database';
import { seedDemoCases } from './seed/demo-cases';
import { seedDemo } from './seed/demo-seed';

async function main() {
  const started = Date.now();
  const config = loadConfig();
  const log = (line: string) => {
    if (printsAt(config.logLevel, 'log')) console.log(`[sandiao] ${line}`);
  };
  const warn = (line: string) => {
    if (printsAt(config.logLevel, 'warn')) console.warn(`[sandiao] ${line}`);
  };
  let freshDemo = false;
  if (config.mode === 'demo') {
    warn(`演示模式（demo mode）：演示账号的密码为 ${process.env.SANDIAO_DEMO_PASSWORD ? 'SANDIAO_DEMO_PASSWORD 的值' : 'sandiao-demo'}，请勿用于生产。`);
    setUpFieldCipher(config);
    const db = await Database.open({ databaseUrl: config.databaseUrl, databaseSchema: config.databaseSchema, dataDir: config.dataDir });
    const report = await seedDemo(db, config.demoPassword, log);
    if (!report.skipped) log(`空数据库已填充演示数据（${report.units} 个单位）。`);
    freshDemo = !report.skipped && config.demoCases;
    await db.close();
  }
  const app = await createApp({ config }, nestLogLevels(config.logLevel));
  await app.listen(config.port, config.host);
  if (freshDemo) {
    // Injected requests take the same pipeline (guards, validation, statechart, documents) as a
    // client's. A demo without its cases is still a working server: say what failed, keep serving.
    await seedDemoCases(app, config.demoPassword, log).catch((error) => warn(`演示案件未能全部生成：${error instanceof Error ? error.message : error}`));
  }
  log(`已启动：http://localhost:${config.port}/api （文档 /api/docs），数据库：${config.databaseUrl ? 'PostgreSQL' : `SQLite ${config.dataDir}`}，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`);
}

main().catch((error) => {
  console.error('[sandiao] 启动失败：', error instanceof Error ? error.message : error);
  process.exit(1);
});
