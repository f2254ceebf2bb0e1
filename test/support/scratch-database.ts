// A migrated SQLite database of its own in a temporary folder, for tests below the HTTP layer.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from '../../src/database/database';

export interface ScratchDatabase {
  db: Database;
  dataDir: string;
  dispose(): Promise<void>;
}

export async function openScratchDatabase(name: string): Promise<ScratchDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), `sandiao-${name}-`));
  const db = await Database.open({ dataDir });
  return {
    db,
    dataDir,
    dispose: async () => {
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
