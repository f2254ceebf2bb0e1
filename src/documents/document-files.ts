// Where a document's PDF lives under `documentsDir` (default data/documents/), derived from the
// stored row alone so any instance — or `documents:verify` — finds it.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import type { DocumentData } from '../../templates';
import type { DocumentRecord } from './document.entity';

export const relativePath = (row: Pick<DocumentRecord, 'id' | 'issuedAt'>) =>
  `${row.issuedAt.slice(0, 4)}/${row.issuedAt.slice(5, 7)}/${row.id}.pdf`;

export function absolutePath(documentsDir: string, stored: string): string {
  const full = isAbsolute(stored) ? stored : join(documentsDir, stored);
  // A stored path never leaves the documents folder.
  if (relative(documentsDir, full).startsWith('..')) throw new Error(`文书路径越界：${stored}`);
  return full;
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export async function fileHash(path: string): Promise<string | null> {
  try {
    return sha256(await readFile(path));
  } catch {
    return null;
  }
}

/** The stored facts a template draws from. */
export const renderInput = (row: DocumentRecord): DocumentData => ({
  id: row.id,
  kind: row.kind,
  number: row.number,
  issuedAt: row.issuedAt,
  issuedBy: row.issuedBy,
  content: row.content,
});
