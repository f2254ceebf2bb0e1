// While a sweep writes thousands of transitions on SQLite, the WAL grows by megabytes, and every
// automatic checkpoint would run inside one of its commits — on the main thread, holding the event
// loop for 10–30 ms at a time. For the length of a mass sweep, checkpoints run in a worker thread
// on a connection of its own instead (PASSIVE: never waits for the writer or the readers), and the
// writer's automatic checkpoints are switched off; both are put back when the sweep ends.
import { Worker } from 'node:worker_threads';
import type { SqlitePragmas } from '../database/database';

const workerSource = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
const checkpoint = () => { try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {} };
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', () => { clearInterval(timer); checkpoint(); db.close(); parentPort.close(); });
parentPort.postMessage('ready');
`;

export class WalCheckpointer {
  private constructor(
    private readonly worker: Worker,
    private readonly writer: SqlitePragmas,
    private readonly previous: number,
  ) {}

  /** Takes over checkpoints of `file` from `writer` until `stop()`. */
  static async start(writer: SqlitePragmas, file: string, intervalMs = 100): Promise<WalCheckpointer> {
    const worker = new Worker(workerSource, { eval: true, workerData: { driver: require.resolve('better-sqlite3'), file, intervalMs } });
    await new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
    });
    const previous = Number(writer.pragma('wal_autocheckpoint', { simple: true }));
    writer.pragma('wal_autocheckpoint = 0');
    return new WalCheckpointer(worker, writer, previous);
  }

  async stop(): Promise<void> {
    this.writer.pragma(`wal_autocheckpoint = ${this.previous}`);
    const exited = new Promise((resolve) => this.worker.once('exit', resolve));
    this.worker.postMessage('stop');
    await exited;
  }
}
