// npm run documents:verify [-- --rerender]
// Checks every stored document file against the SHA-256 recorded when it was rendered (R-F2); with
// --rerender also draws each one again from its stored data and template version and compares bytes.
import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import { renderDocument } from '../../../templates';
import { loadConfig } from '../../config/app.config';
import { Database } from '../../database/database';
import { DocumentRecord } from '../document.entity';
import { absolutePath, renderInput, sha256 } from '../document-files';

async function main() {
  const rerender = process.argv.includes('--rerender');
  const config = loadConfig();
  const db = await Database.open({ databaseUrl: config.databaseUrl, databaseSchema: config.databaseSchema, dataDir: config.dataDir }, { migrate: false });
  const problems: string[] = [];
  let checked = 0;
  try {
    const counts = await db.reader.query(`SELECT status, COUNT(*) AS n FROM documents GROUP BY status`);
    const rows = await db.reader.find(DocumentRecord, { where: { status: 'ready' }, order: { issuedAt: 'ASC' } });
    for (const row of rows) {
      checked++;
      let bytes: Buffer;
      try {
        bytes = await readFile(absolutePath(config.documentsDir, row.path!));
      } catch {
        problems.push(`${row.number}：文件缺失（${row.path}）`);
        continue;
      }
      if (sha256(bytes) !== row.sha256) {
        problems.push(`${row.number}：文件内容与登记的哈希值不符（${row.path}）`);
        continue;
      }
      if (rerender) {
        const again = await renderDocument(renderInput(row), row.templateVersion ?? undefined);
        if (!again.bytes.equals(bytes)) problems.push(`${row.number}：按第 ${row.templateVersion} 版模板重新生成的内容与存档不同`);
      }
    }
    const summary = counts.map((c: { status: string; n: number | string }) => `${c.status} ${c.n}`).join('，');
    console.log(`[documents:verify] 文书目录 ${config.documentsDir}；状态：${summary || '无文书'}`);
    console.log(`[documents:verify] 已核对 ${checked} 件${rerender ? '（含重新生成比对）' : ''}，问题 ${problems.length} 件`);
    for (const p of problems) console.log(`  ✗ ${p}`);
  } finally {
    await db.close();
  }
  process.exit(problems.length ? 1 : 0);
}

main().catch((error) => {
  console.error('[documents:verify] 失败：', error instanceof Error ? error.message : error);
  process.exit(2);
});
