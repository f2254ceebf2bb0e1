// Fills a stopped server's SQLite file with copies of one mediating case whose clock is already
// due: the rows a sweep reads and writes (case, parties, access, segments, clock), fresh ids.
// Creating 10,000 cases through HTTP would measure intake, not the sweeper.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { uuidv7 } from '../../src/common/ids';

type Row = Record<string, unknown>;

export function cloneDueCases(dataDir: string, templateCaseId: string, copies: number, dueAt: string): string[] {
  const db = new Database(join(dataDir, 'sandiao.sqlite'));
  db.pragma('journal_mode = WAL');
  const rowsOf = (table: string, column = 'case_id') => db.prepare(`SELECT * FROM ${table} WHERE ${column} = ?`).all(templateCaseId) as Row[];
  const template = { cases: rowsOf('cases', 'id'), parties: rowsOf('parties'), access: rowsOf('case_access'), segments: rowsOf('case_segments'), clocks: rowsOf('clocks') };
  if (template.clocks.length !== 1) throw new Error(`template case must have one clock, has ${template.clocks.length}`);
  const insert = (table: string, row: Row) => {
    const columns = Object.keys(row);
    return db.prepare(`INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
  };
  const statements = {
    cases: insert('cases', template.cases[0]),
    parties: insert('parties', template.parties[0]),
    access: insert('case_access', template.access[0]),
    segments: insert('case_segments', template.segments[0]),
    clocks: insert('clocks', template.clocks[0]),
  };
  // Every id of the template appears in the snapshot JSON too: replace them all, everywhere.
  const swap = (row: Row, ids: Map<string, string>): unknown[] =>
    Object.values(row).map((v) => (typeof v === 'string' ? [...ids].reduce((s, [from, to]) => s.split(from).join(to), v) : v));
  const ids: string[] = [];
  db.transaction(() => {
    for (let i = 0; i < copies; i++) {
      const caseId = uuidv7();
      const map = new Map<string, string>([[templateCaseId, caseId], ...template.parties.map((p) => [p.id as string, uuidv7()] as [string, string])]);
      const [caseRow] = template.cases;
      statements.cases.run(...swap({ ...caseRow, case_no: `${caseRow.case_no}-B${i}` }, map));
      for (const p of template.parties) statements.parties.run(...swap(p, map));
      for (const a of template.access) statements.access.run(...swap(a, map));
      for (const s of template.segments) statements.segments.run(...swap(s, map));
      statements.clocks.run(...swap({ ...template.clocks[0], id: uuidv7(), due_at: dueAt, remind_at: null }, map));
      ids.push(caseId);
    }
  })();
  db.close();
  return ids;
}

/** The same on PostgreSQL (`schema` of the bench server), in multi-row inserts. */
export async function cloneDueCasesPg(url: string, schema: string, templateCaseId: string, copies: number, dueAt: string): Promise<string[]> {
  const { Client } = await import('pg');
  const pg = new Client({ connectionString: url, options: `-c search_path=${schema}` });
  await pg.connect();
  try {
    const rowsOf = async (table: string, column = 'case_id') => (await pg.query(`SELECT * FROM ${table} WHERE ${column} = $1`, [templateCaseId])).rows as Row[];
    const template = { cases: await rowsOf('cases', 'id'), parties: await rowsOf('parties'), case_access: await rowsOf('case_access'), case_segments: await rowsOf('case_segments'), clocks: await rowsOf('clocks') };
    const text = (v: unknown) => (v !== null && typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : v);
    const swap = (row: Row, ids: Map<string, string>): unknown[] =>
      Object.values(row).map((v) => {
        const t = text(v);
        return typeof t === 'string' ? [...ids].reduce((s, [from, to]) => s.split(from).join(to), t) : t;
      });
    const pending: Record<string, unknown[][]> = { cases: [], parties: [], case_access: [], case_segments: [], clocks: [] };
    const flush = async () => {
      for (const [table, rows] of Object.entries(pending)) {
        if (!rows.length) continue;
        const columns = Object.keys(template[table as keyof typeof template][0]);
        let n = 0;
        const values = rows.map((r) => `(${r.map(() => `$${++n}`).join(', ')})`).join(', ');
        await pg.query(`INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${values}`, rows.flat());
        pending[table] = [];
      }
    };
    const ids: string[] = [];
    await pg.query('BEGIN');
    for (let i = 0; i < copies; i++) {
      const caseId = uuidv7();
      const map = new Map<string, string>([[templateCaseId, caseId], ...template.parties.map((p) => [p.id as string, uuidv7()] as [string, string])]);
      pending.cases.push(swap({ ...template.cases[0], case_no: `${template.cases[0].case_no}-B${i}` }, map));
      for (const p of template.parties) pending.parties.push(swap(p, map));
      for (const a of template.case_access) pending.case_access.push(swap(a, map));
      for (const s of template.case_segments) pending.case_segments.push(swap(s, map));
      pending.clocks.push(swap({ ...template.clocks[0], id: uuidv7(), due_at: dueAt, remind_at: null }, map));
      ids.push(caseId);
      if (i % 200 === 199) await flush();
    }
    await flush();
    await pg.query('UPDATE clocks SET due_at = $1 WHERE case_id = $2', [dueAt, templateCaseId]);
    await pg.query('COMMIT');
    return ids;
  } finally {
    await pg.end();
  }
}
