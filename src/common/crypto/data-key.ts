// The master key for field encryption: SANDIAO_DATA_KEY in production (the same on every
// instance, kept outside the database and its backups); in demo mode one generated into data/.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '../../config/app.config';
import { configureFieldCipher, FieldCipher } from './field-cipher';

export function resolveDataKey(config: Pick<AppConfig, 'dataKey' | 'mode' | 'dataDir'>): Buffer {
  if (config.dataKey) return Buffer.from(config.dataKey, 'base64');
  if (config.mode === 'production') throw new Error('SANDIAO_DATA_KEY must be set outside demo mode (32 random bytes, base64).');
  const file = join(config.dataDir, 'data-key');
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
}

export function setUpFieldCipher(config: Pick<AppConfig, 'dataKey' | 'mode' | 'dataDir'>): FieldCipher {
  const cipher = new FieldCipher(resolveDataKey(config));
  configureFieldCipher(cipher);
  return cipher;
}
