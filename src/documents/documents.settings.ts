// Rendering settings, read once from the environment (defaults suit a 2-core machine).
import { availableParallelism } from 'node:os';

export interface DocumentsSettings {
  /** Worker threads rendering PDFs (default: the cores, at most 4). */
  threads: number;
  /** Nice value of the render threads (Linux: per thread): above 0 they yield the CPU to HTTP requests. */
  nice: number;
  /** How often the poller looks for pending documents (ms); 0 = only at start-up and after commits. */
  pollIntervalMs: number;
  /** A claimed document not finished within this time is taken again (its renderer died). */
  leaseMs: number;
  /** Attempts before a document is marked `failed`. */
  maxAttempts: number;
  /** First retry delay; doubled per attempt, capped at 10 minutes. */
  backoffMs: number;
}

const int = (value: string | undefined, fallback: number, min: number, max: number) => {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isInteger(n) && n >= min && n <= max ? n : fallback;
};

export function documentsSettings(env: NodeJS.ProcessEnv = process.env): DocumentsSettings {
  return {
    threads: int(env.DOCUMENTS_RENDER_THREADS, Math.min(4, Math.max(1, availableParallelism())), 1, 32),
    nice: int(env.DOCUMENTS_RENDER_NICE, 10, 0, 19),
    pollIntervalMs: int(env.DOCUMENTS_POLL_INTERVAL_MS, 5_000, 0, 3_600_000),
    leaseMs: int(env.DOCUMENTS_LEASE_MS, 120_000, 1_000, 3_600_000),
    maxAttempts: int(env.DOCUMENTS_MAX_ATTEMPTS, 6, 1, 100),
    backoffMs: int(env.DOCUMENTS_BACKOFF_MS, 5_000, 1, 3_600_000),
  };
}

export const retryDelay = (settings: DocumentsSettings, attempts: number) =>
  Math.min(600_000, settings.backoffMs * 2 ** Math.max(0, attempts - 1));
