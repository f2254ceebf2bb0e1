// The database as the services see it: a reader for queries and `write()` for transactions.
// On SQLite the reader is a second connection (WAL gives it a consistent, committed view while the
// writer works); on PostgreSQL both use the same pool.
import { DataSource, type EntityManager } from 'typeorm';
import { dataSourceOptions, isPostgresUrl, type DatabaseSettings } from './data-source-options';
import type { Tx } from './tx';
import { runAfterCommit, SqliteWriteQueue } from './write-queue';

export class Database {
  private readonly queue?: SqliteWriteQueue;

  private constructor(
    readonly writer: DataSource,
    private readonly readerSource: DataSource,
  ) {
    if (!this.isPostgres) this.queue = new SqliteWriteQueue(writer);
  }

  static async open(settings: DatabaseSettings, { migrate = true } = {}): Promise<Database> {
    const writer = await new DataSource(dataSourceOptions(settings)).initialize();
    if (migrate) await writer.runMigrations({ transaction: 'each' });
    const reader = isPostgresUrl(settings.databaseUrl)
      ? writer
      : await new DataSource(dataSourceOptions({ ...settings, readOnly: true })).initialize();
    return new Database(writer, reader);
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
  }
}
