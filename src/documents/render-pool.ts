// The worker-thread pool that renders PDFs (piscina). From TypeScript sources (jest, start:dev)
// the worker loads through @swc-node/register; from the SWC build it loads the compiled .js.
import { Piscina } from 'piscina';
import { workerEntry } from '../common/worker-entry';
import { WorkerPool } from '../common/worker-pool';
import type { DocumentData } from '../../templates';
import type { RenderResult, RenderTask } from './render-task';

const warmUpLetter: DocumentData = {
  id: '00000000-0000-7000-8000-000000000000',
  kind: 'guidance-notice',
  number: '(2026)预热司告字第1号',
  issuedAt: '2026-01-01T00:00:00.000Z',
  issuedBy: 'system',
  content: {
    title: '告知引导书',
    issuingUnit: { code: 'warm-up', name: '司法所' },
    parties: [{ id: 'p', role: 'applicant', kind: 'person', name: '当事人' }],
    disputeTypeLabel: '邻里',
    context: { guidance: { route: 'administrative', reason: 'out-of-scope' } },
  },
};

export class RenderPool {
  private readonly pool: WorkerPool;

  constructor(
    readonly threads: number,
    nice = 10,
  ) {
    const { filename, execArgv } = workerEntry(__dirname, 'render.worker');
    // minThreads = maxThreads: the workers start (and load the typefaces) with the application,
    // so the first letter does not pay for them.
    this.pool = new WorkerPool(new Piscina({ filename, execArgv, minThreads: threads, maxThreads: threads, idleTimeout: 60_000, workerData: { nice } }));
  }

  /** Each thread draws one letter before the application reports ready, so the first real one is fast. */
  async warm(): Promise<void> {
    // A letter and a ruled form: the two shapes of drawing every template uses.
    const data = [warmUpLetter, { ...warmUpLetter, kind: 'registration-form' }];
    await Promise.all(Array.from({ length: this.threads * 2 }, (_, i) => this.pool.run({ warmUp: true, file: '', data: data[i % 2] } satisfies RenderTask)));
  }

  render(task: RenderTask): Promise<RenderResult> {
    return this.pool.run(task);
  }

  get queued(): number {
    return this.pool.queueSize;
  }

  /** Finishes the letters handed over (a few seconds' worth at most), then stops the threads. */
  async close(): Promise<void> {
    await this.pool.close();
  }
}
