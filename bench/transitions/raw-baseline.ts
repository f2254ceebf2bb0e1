// The same write pattern as one HTTP transition, straight on better-sqlite3: read the case,
// update snapshot and version, insert a history row and an audit row, commit (WAL, synchronous=FULL).
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const snapshot = JSON.stringify({ status: 'active', value: { peoples: 'mediating' }, context: { sessions: 0, pad: 'x'.repeat(1500) } });

export function rawBaseline(seconds: number): { perTransaction: number; grouped: number } {
  const dir = mkdtempSync(join(tmpdir(), 'sandiao-raw-'));
  const db = new Database(join(dir, 'raw.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`
    CREATE TABLE cases (id TEXT PRIMARY KEY, state TEXT, snapshot TEXT, version INTEGER, updated_at TEXT);
    CREATE TABLE case_transitions (id TEXT PRIMARY KEY, case_id TEXT, version INTEGER, event TEXT, payload TEXT, from_state TEXT, to_state TEXT, actor_username TEXT, actor_unit_code TEXT, at TEXT);
    CREATE UNIQUE INDEX ix_t ON case_transitions (case_id, version);
    CREATE TABLE audit_records (seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT, actor_username TEXT, actor_unit_code TEXT, action TEXT, target_type TEXT, target_id TEXT, detail TEXT);
  `);
  const ids = Array.from({ length: 200 }, (_, i) => `case-${i}`);
  const insertCase = db.prepare('INSERT INTO cases VALUES (?, ?, ?, 1, ?)');
  for (const id of ids) insertCase.run(id, 'peoples.mediating', snapshot, new Date().toISOString());
  const read = db.prepare('SELECT snapshot, version FROM cases WHERE id = ?');
  const update = db.prepare('UPDATE cases SET snapshot = ?, version = ?, updated_at = ? WHERE id = ? AND version = ?');
  const history = db.prepare('INSERT INTO case_transitions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const audit = db.prepare('INSERT INTO audit_records (at, actor_username, actor_unit_code, action, target_type, target_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?)');
  let n = 0;
  const one = () => {
    const id = ids[n++ % ids.length];
    const row = read.get(id) as { snapshot: string; version: number };
    const at = new Date().toISOString();
    update.run(row.snapshot, row.version + 1, at, id, row.version);
    history.run(`${id}-${row.version + 1}`, id, row.version + 1, 'LOG_SESSION', '{"summary":"x"}', 'peoples.mediating', 'peoples.mediating', 'u', 'u', at);
    audit.run(at, 'u', 'u', 'case.LOG_SESSION', 'case', id, '{}');
  };
  const rate = (batch: number) => {
    const tx = db.transaction(() => {
      for (let i = 0; i < batch; i++) one();
    });
    const end = Date.now() + (seconds * 1000) / 2;
    let done = 0;
    while (Date.now() < end) {
      tx();
      done += batch;
    }
    return done / (seconds / 2);
  };
  const perTransaction = rate(1);
  const grouped = rate(10);
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return { perTransaction, grouped };
}
