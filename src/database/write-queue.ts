// SQLite has one writer. Every write transaction of the process goes through this queue, so
// concurrent requests never meet "cannot start a transaction within a transaction".
//
// Group commit: the jobs waiting when a batch starts share one SQLite transaction, each inside its
// own savepoint. A job that fails rolls back to its savepoint alone; the batch then commits, its
// WAL frames are flushed to disk once for all of them (off the main thread: ./wal-sync.ts), and
// only then are their promises resolved.
import type { DataSource, QueryRunner } from 'typeorm';
import { sql } from './sql';
import type { Tx } from './tx';

interface Job {
  work: (tx: Tx) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export class SqliteWriteQueue {
  private readonly waiting: Job[] = [];
  private draining = false;
  /** Acknowledgements of committed batches, settled in commit order. */
  private acknowledged: Promise<void> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    /** Makes the committed batch durable before it is acknowledged. */
    private readonly flush: () => Promise<void>,
    private readonly maxBatch = 64,
  ) {}

  run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ work, resolve: resolve as (v: unknown) => void, reject });
      if (!this.draining) {
        this.draining = true;
        // better-sqlite3 runs synchronously: starting right away would commit each request alone.
        // One turn of the event loop lets requests that have already arrived join this batch.
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.waiting.length) await this.runBatch(this.waiting.splice(0, this.maxBatch));
    } finally {
      this.draining = false;
    }
  }

  private async runBatch(batch: Job[]): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    const committed: { job: Job; value: unknown; callbacks: AfterCommit[] }[] = [];
    try {
      await runner.startTransaction();
      if (batch.length === 1) {
        // Alone in its transaction, a job needs no savepoint: its failure rolls back the whole.
        const callbacks: AfterCommit[] = [];
        const value = await batch[0].work({ em: runner.manager, afterCommit: (cb) => callbacks.push(cb) });
        committed.push({ job: batch[0], value, callbacks });
      } else {
        for (const job of batch) {
          const outcome = await runInSavepoint(runner, job);
          if (outcome) committed.push({ job, ...outcome });
        }
      }
      await runner.commitTransaction();
    } catch (error) {
      await runner.rollbackTransaction().catch(() => undefined);
      const failed = batch.length === 1 ? batch : committed.map((c) => c.job);
      for (const job of failed) job.reject(error);
      return;
    } finally {
      await runner.release();
    }
    // The next batch runs while this one's flush is in flight; acknowledgements keep commit order
    // (a later flush covers every earlier frame). The batch is committed whatever the flush says:
    // the queue's owner handles a failure.
    const durable = this.flush().catch(() => undefined);
    this.acknowledged = Promise.all([this.acknowledged, durable]).then(() => acknowledge(committed));
  }
}

function acknowledge(committed: { job: Job; value: unknown; callbacks: AfterCommit[] }[]): void {
  for (const { job, value, callbacks } of committed) {
    job.resolve(value);
    runAfterCommit(callbacks);
  }
}

type AfterCommit = () => unknown;

// The savepoints of a batch are plain statements on the connection (TypeORM's nested transactions
// cost two event broadcasts and a query round each). A job that opens its own nested transaction
// still gets TypeORM's `typeorm_N` savepoint inside this one.
async function runInSavepoint(runner: QueryRunner, job: Job) {
  const callbacks: AfterCommit[] = [];
  await sql(runner.manager, 'SAVEPOINT sandiao_job');
  try {
    const value = await job.work({ em: runner.manager, afterCommit: (cb) => callbacks.push(cb) });
    await sql(runner.manager, 'RELEASE sandiao_job');
    return { value, callbacks };
  } catch (error) {
    await sql(runner.manager, 'ROLLBACK TO sandiao_job');
    await sql(runner.manager, 'RELEASE sandiao_job');
    job.reject(error);
    return undefined;
  }
}

/** Effects after commit must not fail the request that committed; they are retried by their own pollers. */
export function runAfterCommit(callbacks: AfterCommit[]): void {
  for (const cb of callbacks) {
    try {
      void Promise.resolve(cb()).catch(() => undefined);
    } catch {
      /* the poller of that effect will pick it up */
    }
  }
}
