// One worker thread renders the exports (see ./export.worker.ts); started on first use.
import { Piscina } from 'piscina';
import { workerEntry } from '../../common/worker-entry';
import type { ExportTask } from './export.worker';

export class ExportPool {
  private pool?: Piscina;

  async render(task: ExportTask): Promise<Buffer> {
    this.pool ??= new Piscina({ ...workerEntry(__dirname, 'export.worker'), minThreads: 0, maxThreads: 1, idleTimeout: 60_000 });
    return Buffer.from(await this.pool.run(task));
  }

  async close(): Promise<void> {
    await this.pool?.destroy();
  }
}
