// A worker thread of ./read-pool.ts: its own read-only SQLite connection, so that aggregations
// over the whole record never block the HTTP thread (better-sqlite3 is synchronous).
import Database from 'better-sqlite3';
import { workerData } from 'node:worker_threads';

const db = new Database(workerData.path as string, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
// The record is read in large sequential passes: map it and keep a generous page cache.
db.pragma('mmap_size = 8589934592');
db.pragma('cache_size = -262144');
db.pragma('temp_store = MEMORY');

const statements = new Map<string, Database.Statement>();

/** Rows as objects, or as arrays in column order when `raw` (far cheaper for wide rows). */
export default function query({ text, params, raw }: { text: string; params: unknown[]; raw?: boolean }): unknown[] {
  let statement = statements.get(text);
  if (!statement) statements.set(text, (statement = db.prepare(text)));
  return statement.raw(!!raw).all(...params);
}
