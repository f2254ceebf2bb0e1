// The worker-thread pool that renders PDFs (piscina). From TypeScript sources (jest, start:dev)
// the worker loads through @swc-node/register; from the SWC build it loads the compiled .js.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Piscina } from 'piscina';
import type { RenderResult, RenderTask } from './render-task';

export function workerEntry(): { filename: string; execArgv: string[] } {
  const ts = join(__dirname, 'render.worker.ts');
  const js = join(__dirname, 'render.worker.js');
  if (__filename.endsWith('.ts') && existsSync(ts)) {
    return { filename: ts, execArgv: ['--require', require.resolve('@swc-node/register')] };
  }
  return { filename: js, execArgv: [] };
}

export class RenderPool {
  private readonly pool: Piscina;

  constructor(readonly threads: number) {
    const { filename, execArgv } = workerEntry();
    // minThreads = maxThreads: the workers start (and load the typefaces) with the application,
    // so the first letter does not pay for them.
    this.pool = new Piscina({ filename, execArgv, minThreads: threads, maxThreads: threads, idleTimeout: 60_000 });
  }

  render(task: RenderTask): Promise<RenderResult> {
    return this.pool.run(task);
  }

  get queued(): number {
    return this.pool.queueSize;
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
