// The operator's document check (`npm run documents:verify [-- --rerender]`, R-F2) run as a process
// against the files and rows the application wrote: it counts its progress, passes an intact archive,
// and names each letter whose file is missing or altered — and, with --rerender, each whose stored
// facts no longer draw the archived bytes.
import { appendFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from '../../src/database/sql';
import { intakeBody } from '../factories/parties';
import { registerCase } from '../support/case-driver';
import { documentsOf } from '../support/case-documents';
import { dbQuery } from '../support/db-query';
import { runCommand, startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ now: '2026-11-02T09:00:00+08:00' });
});
afterAll(() => t.close());

const verify = (...args: string[]) => runCommand(t.config, 'src/documents/cli/verify.ts', ...args);

describe('R-F2 the document check proves every archived letter against its recorded hash', () => {
  let letters: { id: string; number: string; path: string }[];

  it('passes an intact archive, counting every letter, with and without drawing them again', async () => {
    const committee = await t.as('130606002001-mc');
    for (let i = 0; i < 4; i++) {
      const view = await registerCase(committee, intakeBody());
      expect((await documentsOf(t, committee, view.id)).map((d) => d.status)).toEqual(['ready']);
    }
    letters = await dbQuery(t)(`SELECT id, number, path FROM documents WHERE status = 'ready' ORDER BY issued_at, id`);
    expect(letters).toHaveLength(4);

    const plain = verify();
    expect(plain.output).toMatch(/核对文书 \[=+\] 4\/4 件/);
    expect(plain.output).toContain('已核对 4 件，问题 0 件');
    expect(plain.status).toBe(0);

    const again = verify('--rerender');
    expect(again.output).toContain('已核对 4 件（含重新生成比对），问题 0 件');
    expect(again.status).toBe(0);
  });

  it('names a missing file and an altered one, and with --rerender a letter whose stored facts were changed or whose template is unknown', async () => {
    const [missing, altered, edited, unknown] = letters;
    rmSync(join(t.config.documentsDir, missing.path));
    appendFileSync(join(t.config.documentsDir, altered.path), '\n%');
    const [{ content }] = await dbQuery(t)('SELECT content FROM documents WHERE id = ?', edited.id);
    const changed = String(content).replace('张建国', '赵建国');
    expect(changed).not.toBe(String(content));
    await t.db.write(({ em }) => sql(em, 'UPDATE documents SET content = ? WHERE id = ?', [changed, edited.id]));
    await t.db.write(({ em }) => sql(em, `UPDATE documents SET template_version = '99' WHERE id = ?`, [unknown.id]));

    const plain = verify();
    expect(plain.output).toContain('已核对 4 件，问题 2 件');
    expect(plain.output).toContain(`✗ ${missing.number}：文件缺失（${missing.path}）`);
    expect(plain.output).toContain(`✗ ${altered.number}：文件内容与登记的哈希值不符（${altered.path}）`);
    expect(plain.output).not.toContain(edited.number);
    expect(plain.output).not.toContain(unknown.number);
    expect(plain.status).toBe(1);

    const again = verify('--rerender');
    expect(again.output).toContain('已核对 4 件（含重新生成比对），问题 4 件');
    expect(again.output).toContain(`✗ ${edited.number}：按第 1 版模板重新生成的内容与存档不同`);
    expect(again.output).toContain(`✗ ${unknown.number}：无法重新生成（`);
    expect(again.status).toBe(1);
  });
});
