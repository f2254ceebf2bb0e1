// One place that turns configuration into TypeORM options: used by the app, the migration
// scripts (../../ormconfig.ts) and the tests.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { entities } from './entities';
import { migrations } from './migrations';

export interface DatabaseSettings {
  databaseUrl?: string;
  /** PostgreSQL schema (default public); tests give each run its own. */
  databaseSchema?: string;
  dataDir: string;
  /** Only the SQLite reader connection sets this. */
  readOnly?: boolean;
}

/**
 * PostgreSQL connections per app instance, all kept open once opened: opening one forks a backend,
 * which took 10–50 ms with a sweep running on the same cores, and the bursts that need another
 * connection are exactly when the requests waiting for it can least afford that.
 */
export const POSTGRES_POOL_SIZE = 10;

export const isPostgresUrl = (url?: string) => !!url && /^postgres(ql)?:\/\//.test(url);

export function sqlitePath(settings: DatabaseSettings): string {
  return join(settings.dataDir, 'sandiao.sqlite');
}

export function dataSourceOptions(settings: DatabaseSettings): DataSourceOptions {
  const common = { entities, migrations, synchronize: false, migrationsRun: false, logging: false } as const;
  if (isPostgresUrl(settings.databaseUrl)) {
    const schema = settings.databaseSchema;
    return {
      type: 'postgres',
      url: settings.databaseUrl,
      ...common,
      ...(schema ? { schema } : {}),
      // Named, so that pg_stat_activity tells a database administrator whose connections these are.
      applicationName: 'sandiao',
      poolSize: POSTGRES_POOL_SIZE,
      extra: { min: POSTGRES_POOL_SIZE, ...(schema ? { options: `-c search_path=${schema}` } : {}) },
    };
  }
  mkdirSync(settings.dataDir, { recursive: true });
  return {
    type: 'better-sqlite3',
    database: sqlitePath(settings),
    ...common,
    statementCacheSize: 200,
    prepareDatabase: (db: { pragma: (sql: string) => unknown }) => {
      db.pragma('journal_mode = WAL');
      // Every acknowledged transition must survive a power cut: fsync the WAL at each commit. (The
      // app's writer moves that fsync off the main thread: ./wal-sync.ts.)
      db.pragma('synchronous = FULL');
      db.pragma('busy_timeout = 5000');
      db.pragma('foreign_keys = ON');
      if (settings.readOnly) db.pragma('query_only = ON');
    },
  };
}
