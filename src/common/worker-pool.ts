// A piscina pool that is closed gracefully: the tasks handed to it finish before its threads stop.
// Piscina's destroy() terminates threads mid-task, and its close() (5.3) stops waiting when the
// first task ends (its flush counts one thread several times). Terminating a thread while it
// creates a zlib stream (pdfkit, exceljs) aborts the whole process on Node 20 ("close before
// init" in node_zlib.cc): that is how a CI run died. So the tasks are tracked here.
import type { Piscina } from 'piscina';

export class WorkerPool {
  private readonly running = new Set<Promise<unknown>>();
  private closing = false;

  constructor(
    private readonly pool: Piscina,
    /** How long close() waits for the tasks before it stops the threads regardless. */
    private readonly closeWaitMs = 30_000,
  ) {}

  run<T>(task: unknown): Promise<T> {
    if (this.closing) return Promise.reject(new Error('the worker pool is closing'));
    const done: Promise<T> = this.pool.run(task);
    this.running.add(done);
    const forget = () => this.running.delete(done);
    done.then(forget, forget);
    return done;
  }

  get queueSize(): number {
    return this.pool.queueSize;
  }

  async close(): Promise<void> {
    this.closing = true;
    await within(this.closeWaitMs, async () => {
      await Promise.allSettled([...this.running]);
    });
    await this.pool.destroy();
  }
}

/** Waits for `work`, or `ms` at most (a stop must not hang on a task that never ends). */
export async function within(ms: number, work: () => Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([work(), new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}
