// What every command needs before touching the database: validated configuration, the field
// encryption key (R-S2) and a migrated database.
import 'reflect-metadata';
import { setUpFieldCipher } from '../common/crypto/data-key';
import { loadConfig, type AppConfig } from '../config/app.config';
import { Database } from '../database/database';

export async function openDatabase(config: AppConfig = loadConfig()): Promise<{ db: Database; config: AppConfig }> {
  setUpFieldCipher(config);
  const db = await Database.open({ databaseUrl: config.databaseUrl, databaseSchema: config.databaseSchema, dataDir: config.dataDir });
  return { db, config };
}

/** Flags as `--name value` pairs. */
export function flags(argv = process.argv.slice(2)): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    if (argv[i].startsWith('--')) out[argv[i].slice(2)] = argv[i + 1]?.startsWith('--') || argv[i + 1] === undefined ? 'true' : argv[++i];
  }
  return out;
}

export function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
