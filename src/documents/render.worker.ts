// Runs in a worker thread (piscina): draws the PDF and writes it, so the HTTP thread never renders.
// The typefaces load when the worker starts, once per thread.
import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { renderDocument, typefaces } from '../../templates';
import type { RenderResult, RenderTask } from './render-task';

typefaces();

const countPages = (bytes: Buffer) => bytes.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;

export default async function render(task: RenderTask): Promise<RenderResult> {
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
