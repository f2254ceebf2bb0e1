// Rows in bulk for demo volume: on SQLite, multi-row INSERTs prepared once and run in large
// transactions on a direct better-sqlite3 connection; on PostgreSQL, one INSERT … SELECT FROM
// unnest(…) per few thousand rows (column arrays as parameters, no SQL text per row).
import BetterSqlite from 'better-sqlite3';
import { Client } from 'pg';
import { columnOf, measures } from '../measures';

export type ColumnType = 'text' | 'int' | 'bigint';

export const volumeTables = {
  cases: {
    id: 'text', case_no: 'text', machine_id: 'text', machine_version: 'text', state: 'text', snapshot: 'text', version: 'int',
    accepting_unit_code: 'text', handling_unit_code: 'text', dispute_type: 'text', dispute_subtype: 'text', catalog_version: 'int',
    source: 'text', work_order_no: 'text', risk_level: 'text', amount_fen: 'bigint', summary: 'text', place: 'text',
    people_involved: 'int', accepted_at: 'text', concluded_at: 'text', outcome: 'text', created_by: 'text', updated_at: 'text',
  },
  parties: { id: 'text', case_id: 'text', seq: 'int', role: 'text', kind: 'text', name: 'text', gender: 'text', ethnicity: 'text', address: 'text' },
  case_segments: {
    case_id: 'text', seq: 'int', track: 'text', unit_code: 'text', started_at: 'text', ended_at: 'text', outcome: 'text',
    accepted_month: 'text', concluded_month: 'text', source: 'text', dispute_type: 'text', dispute_subtype: 'text', parties: 'int',
    agreement_form: 'text', amount_fen: 'bigint', concluded_seconds: 'bigint', overdue: 'int',
  },
  case_transitions: {
    id: 'text', case_id: 'text', version: 'int', event: 'text', payload: 'text', from_state: 'text', to_state: 'text',
    actor_username: 'text', actor_unit_code: 'text', at: 'text',
  },
  case_access: { case_id: 'text', unit_code: 'text', unit_kind: 'text', division_code: 'text' },
  clocks: { id: 'text', case_id: 'text', kind: 'text', unit_code: 'text', started_at: 'text', due_at: 'text', status: 'text', basis: 'text', fired_at: 'text', stopped_at: 'text' },
  prevention_flags: { case_id: 'text', kind: 'text', people: 'int' },
  documents: {
    id: 'text', case_id: 'text', kind: 'text', number: 'text', issuing_unit_code: 'text', issued_by: 'text', issued_at: 'text',
    transition_version: 'int', content: 'text', status: 'text', attempts: 'int',
  },
  statistics_monthly: {
    month: 'text', unit_code: 'text', track: 'text', updated_at: 'text',
    ...Object.fromEntries(measures.map((x) => [columnOf(x.id), x.unit ? 'bigint' : 'int'])),
  },
} satisfies Record<string, Record<string, ColumnType>>;

export type VolumeTable = keyof typeof volumeTables;

export type Row = Record<string, unknown>;

export interface BulkWriter {
  /**
   * Drops the secondary indexes of the volume tables until close(), which builds them again in one
   * pass each — much faster than keeping them current row by row. Only for a database nobody uses.
   */
  deferIndexes(): Promise<void>;
  add(table: VolumeTable, row: Row): Promise<void>;
  /** Writes whatever is buffered. */
  flush(): Promise<void>;
  /** Raises number sequences (R-F1 counters) to at least these values. */
  raiseSequences(values: Map<string, number>): Promise<void>;
  close(): Promise<void>;
}

const raiseSql = `INSERT INTO number_sequences (scope, last_value) VALUES (?, ?) ON CONFLICT (scope) DO UPDATE SET
  last_value = CASE WHEN excluded.last_value > number_sequences.last_value THEN excluded.last_value ELSE number_sequences.last_value END`;

const columnLists = new Map(Object.entries(volumeTables).map(([t, cols]) => [t, Object.keys(cols)]));
const columnsOf = (table: VolumeTable) => columnLists.get(table)!;

/** Rows of each table buffered as one flat array of values, in column order. */
abstract class Buffered implements BulkWriter {
  protected readonly buffers = new Map<VolumeTable, unknown[]>();

  constructor(private readonly batchRows: number) {}

  async add(table: VolumeTable, row: Row): Promise<void> {
    const values = this.buffers.get(table) ?? this.buffers.set(table, []).get(table)!;
    const columns = columnsOf(table);
    for (const c of columns) values.push(row[c] ?? null);
    if (values.length >= this.batchRows * columns.length) {
      this.buffers.set(table, []);
      await this.write(table, values);
    }
  }

  async flush(): Promise<void> {
    for (const [table, values] of this.buffers) {
      this.buffers.set(table, []);
      if (values.length) await this.write(table, values);
    }
  }

  protected deferred: string[] = [];

  /** `values`: rows × columns, flat. */
  protected abstract write(table: VolumeTable, values: unknown[]): Promise<void>;
  abstract deferIndexes(): Promise<void>;
  abstract raiseSequences(values: Map<string, number>): Promise<void>;
  abstract close(): Promise<void>;
}

export class SqliteBulkWriter extends Buffered {
  private readonly db: BetterSqlite.Database;
  private readonly statements = new Map<string, BetterSqlite.Statement>();
  private static readonly rowsPerStatement = 50;

  constructor(path: string) {
    super(20_000);
    this.db = new BetterSqlite(path);
    this.db.pragma('journal_mode = WAL');
    // Demo data: a crash during generation means generating again, so skip the fsyncs.
    this.db.pragma('synchronous = OFF');
    this.db.pragma('cache_size = -512000');
    this.db.pragma('temp_store = MEMORY');
  }

  private statement(table: VolumeTable, rows: number) {
    const key = `${table}:${rows}`;
    let s = this.statements.get(key);
    if (!s) {
      const cols = columnsOf(table);
      const tuple = `(${cols.map(() => '?').join(', ')})`;
      s = this.db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES ${Array.from({ length: rows }, () => tuple).join(', ')}`);
      this.statements.set(key, s);
    }
    return s;
  }

  protected async write(table: VolumeTable, values: unknown[]): Promise<void> {
    const width = columnsOf(table).length;
    const step = SqliteBulkWriter.rowsPerStatement * width;
    this.db.transaction(() => {
      let i = 0;
      for (; i + step <= values.length; i += step) this.statement(table, SqliteBulkWriter.rowsPerStatement).run(values.slice(i, i + step));
      for (; i < values.length; i += width) this.statement(table, 1).run(values.slice(i, i + width));
    })();
  }

  async deferIndexes(): Promise<void> {
    const tables = Object.keys(volumeTables);
    const indexes = this.db
      .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${tables.map(() => '?').join(', ')})`)
      .all(...tables) as { name: string; sql: string }[];
    for (const index of indexes) this.db.exec(`DROP INDEX "${index.name}"`);
    this.deferred = indexes.map((i) => i.sql);
  }

  async raiseSequences(values: Map<string, number>): Promise<void> {
    const statement = this.db.prepare(raiseSql);
    this.db.transaction(() => {
      for (const [scope, value] of values) statement.run(scope, value);
    })();
  }

  async close(): Promise<void> {
    await this.flush();
    rebuild(this.deferred, (definition) => this.db.exec(definition));
    // Planner statistics for the new volume (sampled: a full ANALYZE of millions of rows is slow).
    this.db.pragma('analysis_limit = 2000');
    this.db.exec('ANALYZE');
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.close();
  }
}

/** Builds every deferred index, then fails naming each one that could not be built. */
function rebuild(definitions: string[], run: (definition: string) => void): void {
  const failed: string[] = [];
  for (const definition of definitions) {
    try {
      run(definition);
    } catch (error) {
      failed.push(`${definition}: ${(error as Error).message}`);
    }
  }
  if (failed.length) throw new Error(`indexes not rebuilt:\n${failed.join('\n')}`);
}

const pgArrayType: Record<ColumnType, string> = { text: 'text[]', int: 'integer[]', bigint: 'bigint[]' };

export class PostgresBulkWriter extends Buffered {
  private constructor(private readonly client: Client) {
    super(5_000);
  }

  static async open(url: string, schema?: string): Promise<PostgresBulkWriter> {
    const client = new Client({ connectionString: url, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
    await client.connect();
    // Demo data: commit without waiting for the WAL flush.
    await client.query('SET synchronous_commit = off');
    return new PostgresBulkWriter(client);
  }

  protected async write(table: VolumeTable, values: unknown[]): Promise<void> {
    const types = Object.values(volumeTables[table]) as ColumnType[];
    const columns = columnsOf(table);
    const arrays = columns.map((_, c) => {
      const column: unknown[] = [];
      for (let i = c; i < values.length; i += columns.length) column.push(values[i]);
      return column;
    });
    await this.client.query(
      `INSERT INTO ${table} (${columns.join(', ')}) SELECT * FROM unnest(${types.map((t, i) => `$${i + 1}::${pgArrayType[t]}`).join(', ')})`,
      arrays,
    );
  }

  async deferIndexes(): Promise<void> {
    const { rows } = await this.client.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ANY($1)
       AND indexname NOT IN (SELECT conname FROM pg_constraint)`,
      [Object.keys(volumeTables)],
    );
    for (const index of rows) await this.client.query(`DROP INDEX "${index.indexname}"`);
    this.deferred = rows.map((r) => r.indexdef);
  }

  async raiseSequences(values: Map<string, number>): Promise<void> {
    const entries = [...values];
    for (let i = 0; i < entries.length; i += 5_000) {
      const chunk = entries.slice(i, i + 5_000);
      await this.client.query(
        raiseSql.replace('VALUES (?, ?)', 'SELECT * FROM unnest($1::text[], $2::integer[])'),
        [chunk.map(([s]) => s), chunk.map(([, v]) => v)],
      );
    }
  }

  async close(): Promise<void> {
    await this.flush();
    const failed: string[] = [];
    for (const definition of this.deferred) await this.client.query(definition).catch((e: Error) => failed.push(`${definition}: ${e.message}`));
    if (failed.length) throw new Error(`indexes not rebuilt:\n${failed.join('\n')}`);
    // VACUUM as well: after a bulk load no page is marked all-visible, so index-only scans (a case
    // list's access set) would read the table until autovacuum came round — not how a live system runs.
    await this.client.query(`VACUUM (ANALYZE) ${Object.keys(volumeTables).join(', ')}`);
    await this.client.end();
  }
}
