// Shutting down (a deploy, SIGTERM) while the render threads are drawing letters: the letters
// already being drawn are finished and written, not cut off. Cutting a thread off mid-letter is
// also what aborted a whole CI run: Node 20 crashes when a worker is terminated while pdfkit
// creates a zlib stream.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RenderPool } from '../../../src/documents/render-pool';
import { pdfText } from '../templates/pdf-text';
import { samples } from '../templates/samples';

describe('render pool closing while letters are being drawn', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'sandiao-render-pool-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finishes the letters the threads had started and writes them whole', async () => {
    const pool = new RenderPool(2, 0);
    await pool.warm();
    const letters = ['guidance-notice', 'registration-form'].map((kind) => {
      const file = join(dir, `${kind}.pdf`);
      return { kind, file, done: pool.render({ data: samples[kind], file }) };
    });
    await pool.close();

    for (const { kind, file, done } of letters) {
      const result = await done;
      expect(result.pages).toBeGreaterThan(0);
      expect(existsSync(file)).toBe(true);
      const { flat } = await pdfText(readFileSync(file));
      expect(flat).toContain(samples[kind].content.title);
    }
  });
});
