// A worker thread of ./read-pool.ts: its own read-only SQLite connection, so that aggregations
// over the whole record never block the HTTP thread (better-sqlite3 is synchronous).
import Database from 'better-sqlite3';
import { workerData } from 'node:worker_threads';

const db = new Database(workerData.path as string, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
// SQLite's own small page cache (2 MB), not a large one: the passes read each page about once, the
// OS caches the file anyway, and filling a 256 MB cache cost more than it saved: a full recompute
// of 1M cases on fresh connections took 8.2–9.2 s with one, 5.3–7.8 s without (twice the system
// time; bench/RESULTS.md). Memory-mapping the file made no difference either way.
db.pragma('temp_store = MEMORY');

const statements = new Map<string, Database.Statement>();

/** Rows as objects, or as arrays in column order when `raw` (far cheaper for wide rows). */
export default function query({ text, params, raw }: { text: string; params: unknown[]; raw?: boolean }): unknown[] {
  let statement = statements.get(text);
  if (!statement) statements.set(text, (statement = db.prepare(text)));
  return statement.raw(!!raw).all(...params);
}
