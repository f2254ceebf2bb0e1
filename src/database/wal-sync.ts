// Durable commits without holding the event loop. better-sqlite3 is synchronous, so with
// synchronous=FULL every commit's WAL fsync (3–7 ms on one of our test machines) stopped the whole server,
// reads included. The writer therefore commits with synchronous=NORMAL — in WAL mode the frames
// reach the OS but are not synced, and the database stays consistent after a power cut — and the
// write queue flushes the WAL file with fdatasync on libuv's thread pool before it acknowledges
// any job of the batch. An acknowledged transaction is as durable as under synchronous=FULL.
//
// The descriptor stays open for the life of the writer: SQLite keeps the -wal file (resetting it
// in place, same inode) while a connection is open, and it takes no POSIX locks on it, so our own
// descriptor cannot release one of SQLite's.
import { open, type FileHandle } from 'node:fs/promises';

export class WalSync {
  private handle?: Promise<FileHandle>;

  constructor(private readonly databaseFile: string) {}

  /** Makes every frame written to the WAL so far durable. */
  async flush(): Promise<void> {
    // Opened at the first commit: by then SQLite has certainly created the file.
    this.handle ??= open(`${this.databaseFile}-wal`, 'r');
    await (await this.handle).datasync();
  }

  async close(): Promise<void> {
    const handle = this.handle;
    this.handle = undefined;
    await (await handle?.catch(() => undefined))?.close();
  }
}
