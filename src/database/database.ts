// The database as the services see it: a reader for queries and `write()` for transactions.
// On SQLite the reader is a second connection (WAL gives it a consistent, committed view while the
// writer works); on PostgreSQL both use the same pool.
import { Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { dataSourceOptions, isPostgresUrl, POSTGRES_POOL_SIZE, type DatabaseSettings } from './data-source-options';
import type { Tx } from './tx';
import { WalSync } from './wal-sync';
import { runAfterCommit, SqliteWriteQueue } from './write-queue';

/** Advisory lock ids (PostgreSQL): one per kind of start-up work that must not run twice. */
export const MIGRATION_LOCK = 0x5a4d01;
export const SEED_LOCK = 0x5a4d02;

export interface SqlitePragmas {
  pragma(source: string, options?: { simple?: boolean }): unknown;
}

export class Database {
  private readonly queue?: SqliteWriteQueue;
  private walSync?: WalSync;

  private constructor(
    readonly writer: DataSource,
    private readonly readerSource: DataSource,
  ) {
    if (this.isPostgres) return;
    // The queue flushes the WAL off the main thread before acknowledging (./wal-sync.ts).
    this.walSync = new WalSync(String(writer.options.database));
    this.sqliteWriter.pragma('synchronous = NORMAL');
    this.queue = new SqliteWriteQueue(writer, () => this.flushWal());
  }

  /** The SQLite writer's own better-sqlite3 connection, for pragmas (WAL sync, checkpoints). */
  get sqliteWriter(): SqlitePragmas {
    return (this.writer.driver as unknown as { databaseConnection: SqlitePragmas }).databaseConnection;
  }

  private async flushWal(): Promise<void> {
    try {
      await this.walSync?.flush();
    } catch (error) {
      // Without the WAL's descriptor, commits go back to syncing themselves on the main thread.
      new Logger('Database').error(`WAL 文件无法同步，改为每次提交时同步：${error instanceof Error ? error.message : error}`);
      this.walSync = undefined;
      this.sqliteWriter.pragma('synchronous = FULL');
    }
  }

  static async open(settings: DatabaseSettings, { migrate = true } = {}): Promise<Database> {
    const writer = await new DataSource(dataSourceOptions(settings)).initialize();
    if (migrate) await Database.migrate(writer);
    if (!isPostgresUrl(settings.databaseUrl)) {
      const reader = await new DataSource(dataSourceOptions({ ...settings, readOnly: true })).initialize();
      return new Database(writer, reader);
    }
    await Database.openPool(writer);
    return new Database(writer, writer);
  }

  /** PostgreSQL: the whole pool opened at start, not while the first burst of requests waits for it. */
  private static async openPool(writer: DataSource): Promise<void> {
    const runners = Array.from({ length: POSTGRES_POOL_SIZE }, () => writer.createQueryRunner());
    try {
      await Promise.all(runners.map((runner) => runner.connect()));
    } finally {
      await Promise.all(runners.map((runner) => runner.release()));
    }
  }

  /**
   * Runs pending migrations. Several instances starting together on PostgreSQL take turns under
   * an advisory lock held on a connection of its own, so no migration runs twice.
   */
  private static async migrate(writer: DataSource): Promise<void> {
    if (writer.options.type !== 'postgres') {
      await writer.runMigrations({ transaction: 'each' });
      return;
    }
    const runner = writer.createQueryRunner();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      await writer.runMigrations({ transaction: 'each' });
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
      await runner.release();
    }
  }

  /** Runs `work` while holding a PostgreSQL advisory lock (a no-op wrapper on SQLite's single writer). */
  async exclusively<T>(lockId: number, work: () => Promise<T>): Promise<T> {
    if (!this.isPostgres) return work();
    const runner = this.writer.createQueryRunner();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [lockId]);
      return await work();
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [lockId]).catch(() => undefined);
      await runner.release();
    }
  }

  get isPostgres(): boolean {
    return this.writer.options.type === 'postgres';
  }

  get reader(): EntityManager {
    return this.readerSource.manager;
  }

  async write<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    if (this.queue) return this.queue.run(work);
    const callbacks: (() => unknown)[] = [];
    const value = await this.writer.transaction('READ COMMITTED', (em) =>
      work({ em, afterCommit: (cb) => callbacks.push(cb) }),
    );
    runAfterCommit(callbacks);
    return value;
  }

  async close(): Promise<void> {
    if (this.readerSource !== this.writer && this.readerSource.isInitialized) await this.readerSource.destroy();
    if (this.writer.isInitialized) await this.writer.destroy();
    // Last: a flush still in flight finishes first (FileHandle.close waits for it).
    await this.walSync?.close();
  }
}
