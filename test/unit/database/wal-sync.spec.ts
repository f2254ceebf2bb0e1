// The SQLite writer commits without syncing on the main thread; the write queue flushes the WAL
// file on libuv's thread pool before it acknowledges a write (src/database/wal-sync.ts). These
// tests hold that order: nobody is told "saved" before the disk has it.
import { readlinkSync, writeFileSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from '../../../src/database/database';
import { sql } from '../../../src/database/sql';
import { WalSync } from '../../../src/database/wal-sync';
import { openScratchDatabase, type ScratchDatabase } from '../../support/scratch-database';

const pragmaOf = (db: Database, name: string) => db.sqliteWriter.pragma(name, { simple: true });

describe('a write on SQLite is acknowledged only after its WAL frames are on disk', () => {
  let scratch: ScratchDatabase;
  let db: Database;
  let dataDir: string;

  beforeEach(async () => {
    scratch = await openScratchDatabase('wal-sync');
    ({ db, dataDir } = scratch);
  });

  afterEach(async () => {
    jest.restoreAllMocks();
    await scratch.dispose();
  });

  it('commits, then fdatasyncs the -wal file, and only then resolves the write and runs its after-commit effects', async () => {
    // Which files get fdatasync'ed (Linux names an open descriptor's file under /proc/self/fd).
    const synced: string[] = [];
    const fileHandle = await fileHandlePrototype(dataDir);
    const datasync = fileHandle.datasync;
    jest.spyOn(fileHandle, 'datasync').mockImplementation(function (this: FileHandle) {
      synced.push(readlinkSync(`/proc/self/fd/${this.fd}`));
      return datasync.call(this);
    });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const flush = WalSync.prototype.flush;
    jest.spyOn(WalSync.prototype, 'flush').mockImplementation(async function (this: WalSync) {
      await held;
      return flush.call(this);
    });

    const events: string[] = [];
    const write = db
      .write(async (tx) => {
        await sql(tx.em, `INSERT INTO number_sequences (scope, last_value) VALUES ('wal-sync-test', 7)`);
        tx.afterCommit(() => events.push('after-commit effect'));
        return 'saved';
      })
      .then((value) => events.push(value));

    // Committed (a reader sees the row) but not yet flushed: nobody has been told.
    await waitFor(async () => (await sql(db.reader, `SELECT last_value AS value FROM number_sequences WHERE scope = 'wal-sync-test'`)).length === 1);
    expect(events).toEqual([]);
    expect(synced).toEqual([]);

    release();
    await write;
    expect(synced).toEqual([join(dataDir, 'sandiao.sqlite-wal')]);
    expect([...events].sort()).toEqual(['after-commit effect', 'saved']);
    // The commit itself does not sync (NORMAL = 1): the flush above is what makes it durable.
    expect(pragmaOf(db, 'synchronous')).toBe(1);
  });

  it('lets the next write commit while a flush is in flight, but never acknowledges it before the earlier one', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const flush = WalSync.prototype.flush;
    let calls = 0;
    jest.spyOn(WalSync.prototype, 'flush').mockImplementation(async function (this: WalSync) {
      if (++calls === 1) await held;
      return flush.call(this);
    });
    const acknowledged: string[] = [];
    const insert = (scope: string) =>
      db.write((tx) => sql(tx.em, `INSERT INTO number_sequences (scope, last_value) VALUES (?, 1)`, [scope])).then(() => acknowledged.push(scope));
    const committed = async (scope: string) => (await sql(db.reader, `SELECT 1 FROM number_sequences WHERE scope = ?`, [scope])).length === 1;

    const first = insert('first');
    await waitFor(() => committed('first'));
    const second = insert('second');
    await waitFor(() => committed('second'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(acknowledged).toEqual([]);

    release();
    await Promise.all([first, second]);
    expect(acknowledged).toEqual(['first', 'second']);
  });

  it('when the WAL cannot be flushed, the committed write still succeeds and later commits sync themselves (FULL)', async () => {
    jest.spyOn(WalSync.prototype, 'flush').mockRejectedValue(new Error('EIO'));
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    jest.spyOn(process.stderr, 'write').mockImplementation(() => true);

    await expect(db.write((tx) => sql(tx.em, `INSERT INTO number_sequences (scope, last_value) VALUES ('wal-sync-eio', 1)`).then(() => 'saved'))).resolves.toBe('saved');

    expect(pragmaOf(db, 'synchronous')).toBe(2);
    const rows = await sql<{ value: number }>(db.reader, `SELECT last_value AS value FROM number_sequences WHERE scope = 'wal-sync-eio'`);
    expect(rows.map((r) => Number(r.value))).toEqual([1]);
  });
});

async function fileHandlePrototype(dir: string): Promise<FileHandle> {
  writeFileSync(join(dir, 'probe'), '');
  const handle = await open(join(dir, 'probe'), 'r');
  await handle.close();
  return Object.getPrototypeOf(handle) as FileHandle;
}

async function waitFor(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('condition not reached');
}
