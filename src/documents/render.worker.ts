// Runs in a worker thread (piscina): draws the PDF and writes it, so the HTTP thread never renders.
// The typefaces load when the worker starts, once per thread.
import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { setPriority } from 'node:os';
import { dirname } from 'node:path';
import { workerData } from 'piscina';
import { renderDocument, typefaces } from '../../templates';
import type { RenderResult, RenderTask } from './render-task';

typefaces();

// Rendering yields the CPU to the HTTP thread: on Linux the nice value is per thread, so this
// lowers only this worker. Case reads stay fast while letters render (bench/documents).
try {
  setPriority(0, Number((workerData as { nice?: number } | undefined)?.nice ?? 10));
} catch {
  /* not permitted here: render at normal priority */
}

const countPages = (bytes: Buffer) => bytes.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;

export default async function render(task: RenderTask): Promise<RenderResult> {
  if (task.warmUp) {
    const { templateVersion } = await renderDocument(task.data);
    return { sha256: '', size: 0, pages: 0, templateVersion };
  }
  const { bytes, templateVersion } = await renderDocument(task.data, task.templateVersion);
  const result: RenderResult = {
    sha256: createHash('sha256').update(bytes).digest('hex'),
    size: bytes.length,
    pages: countPages(bytes),
    templateVersion,
  };
  if (task.returnBytes) return { ...result, bytes };
  // Written whole or not at all: a crash mid-write never leaves a torn file under the final name.
  await mkdir(dirname(task.file), { recursive: true });
  const temp = `${task.file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temp, bytes);
  await rename(temp, task.file);
  return result;
}
