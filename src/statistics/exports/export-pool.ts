// One worker thread renders the exports (see ./export.worker.ts); started on first use.
import { Piscina } from 'piscina';
import { workerEntry } from '../../common/worker-entry';
import { WorkerPool } from '../../common/worker-pool';
import type { ExportTask } from './export.worker';

export class ExportPool {
  private pool?: WorkerPool;

  async render(task: ExportTask): Promise<Buffer> {
    this.pool ??= new WorkerPool(new Piscina({ ...workerEntry(__dirname, 'export.worker'), minThreads: 0, maxThreads: 1, idleTimeout: 60_000 }));
    return Buffer.from(await this.pool.run<Uint8Array>(task));
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }
}
