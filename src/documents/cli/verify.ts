// npm run documents:verify [-- --rerender]
// Checks every stored document file against the SHA-256 recorded when it was rendered (R-F2); with
// --rerender also draws each one again from its stored data and template version (in the render
// threads, several at a time) and compares bytes. Ten years of letters are read a page at a time,
// with a progress bar.
import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import { SingleBar } from 'cli-progress';
import { loadConfig } from '../../config/app.config';
import { Database } from '../../database/database';
import { selectAs } from '../../database/hydrate';
import { sql } from '../../database/sql';
import { DocumentRecord } from '../document.entity';
import { absolutePath, renderInput, sha256 } from '../document-files';
import { documentsSettings } from '../documents.settings';
import { RenderPool } from '../render-pool';

const PAGE = 200;

async function main() {
  const rerender = process.argv.includes('--rerender');
  const config = loadConfig();
  const db = await Database.open({ databaseUrl: config.databaseUrl, databaseSchema: config.databaseSchema, dataDir: config.dataDir }, { migrate: false });
  const settings = documentsSettings();
  const pool = rerender ? new RenderPool(settings.threads, settings.nice) : undefined;
  const bar = new SingleBar({ format: '核对文书 [{bar}] {value}/{total} 件', hideCursor: true, noTTYOutput: true, notTTYSchedule: 5_000 });
  const problems: string[] = [];
  let checked = 0;
  try {
    const counts = await sql<{ status: string; n: number | string }>(db.reader, `SELECT status, COUNT(*) AS n FROM documents GROUP BY status ORDER BY status`);
    bar.start(Number(counts.find((c) => c.status === 'ready')?.n ?? 0), 0);
    for await (const page of readyDocuments(db)) {
      // In order within the page, so the report lists problems in issue order.
      const found = await Promise.all(page.map((row) => check(row, config.documentsDir, pool)));
      problems.push(...found.filter((p): p is string => p !== null));
      checked += page.length;
      bar.update(checked);
    }
    bar.stop();
    const summary = counts.map((c) => `${c.status} ${c.n}`).join('，');
    console.log(`[documents:verify] 文书目录 ${config.documentsDir}；状态：${summary || '无文书'}`);
    console.log(`[documents:verify] 已核对 ${checked} 件${rerender ? '（含重新生成比对）' : ''}，问题 ${problems.length} 件`);
    for (const p of problems) console.log(`  ✗ ${p}`);
  } finally {
    bar.stop();
    await pool?.close();
    await db.close();
  }
  process.exit(problems.length ? 1 : 0);
}

/** The ready documents in issue order, a page at a time (keyset, so memory stays flat). */
async function* readyDocuments(db: Database): AsyncGenerator<DocumentRecord[]> {
  let after: Pick<DocumentRecord, 'issuedAt' | 'id'> | undefined;
  for (;;) {
    const page = await selectAs(
      db.reader,
      DocumentRecord,
      `SELECT * FROM documents WHERE status = 'ready' ${after ? 'AND (issued_at > ? OR (issued_at = ? AND id > ?))' : ''}
       ORDER BY issued_at, id LIMIT ?`,
      after ? [after.issuedAt, after.issuedAt, after.id, PAGE] : [PAGE],
    );
    if (!page.length) return;
    yield page;
    after = page[page.length - 1];
  }
}

/** What is wrong with one document's file, or null. */
async function check(row: DocumentRecord, documentsDir: string, pool?: RenderPool): Promise<string | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(absolutePath(documentsDir, row.path!));
  } catch {
    return `${row.number}：文件缺失（${row.path}）`;
  }
  if (sha256(bytes) !== row.sha256) return `${row.number}：文件内容与登记的哈希值不符（${row.path}）`;
  if (!pool) return null;
  try {
    const again = await pool.render({ data: renderInput(row), file: '', templateVersion: row.templateVersion ?? undefined, returnBytes: true });
    return Buffer.from(again.bytes!).equals(bytes) ? null : `${row.number}：按第 ${row.templateVersion} 版模板重新生成的内容与存档不同`;
  } catch (error) {
    return `${row.number}：无法重新生成（${error instanceof Error ? error.message : error}）`;
  }
}

main().catch((error) => {
  console.error('[documents:verify] 失败：', error instanceof Error ? error.message : error);
  process.exit(2);
});
