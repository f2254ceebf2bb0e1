// Statistics read the whole record in a few large aggregations. On SQLite those run in worker
// threads with their own read-only connections (WAL lets them read while the writer writes), so
// the API stays responsive; on PostgreSQL the server does the work and the pool simply awaits it.
import { Piscina } from 'piscina';
import type { EntityManager } from 'typeorm';
import type { Database } from '../database/database';
import { sql } from '../database/sql';
import { workerEntry } from '../common/worker-entry';

export type Dialect = 'sqlite' | 'postgres';

/** A way to run a SELECT: the read pool, or a transaction's manager (see emQuery). */
export type Query = <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;

export const emQuery =
  (em: EntityManager): Query =>
  (text, params = []) =>
    sql(em, text, params);

export interface StatisticsReader {
  dialect: Dialect;
  query: Query;
  /** Rows as arrays in the SELECT's column order: for wide rows (the summary's 60-odd columns). */
  rows(text: string, params?: unknown[]): Promise<unknown[][]>;
  close(): Promise<void>;
}

export function statisticsReader(db: Database, threads = 2): StatisticsReader {
  if (db.isPostgres) {
    const query = emQuery(db.reader);
    return {
      dialect: 'postgres',
      query,
      rows: async (text, params) => (await query(text, params)).map((r) => Object.values(r as object)),
      close: async () => {},
    };
  }
  const { filename, execArgv } = workerEntry(__dirname, 'sqlite-read.worker');
  // stricterFIFO: by default Piscina puts a task it could not hand out at once at the back of the
  // queue, so tasks queued longest first ran in a rotated order (the longest pass last).
  const pool = new Piscina({
    filename,
    execArgv,
    minThreads: 0,
    maxThreads: threads,
    idleTimeout: 30_000,
    stricterFIFO: true,
    workerData: { path: String(db.writer.options.database) },
  });
  return {
    dialect: 'sqlite',
    query: (text, params = []) => pool.run({ text, params }) as Promise<any[]>,
    rows: (text, params = []) => pool.run({ text, params, raw: true }) as Promise<unknown[][]>,
    // Cut off at once (a recount may run for seconds): these threads only read SQLite, none of
    // the zlib work that makes terminating a thread unsafe (see common/worker-pool.ts).
    close: () => pool.destroy(),
  };
}
