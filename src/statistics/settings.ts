// Statistics settings an administrator changes without code: the due day of each tier (R-T4).
import type { EntityManager } from 'typeorm';
import type { Tier } from '../../workflows/case';
import { sql } from '../database/sql';
import { defaultDueDays, type DueDays } from './due-dates';
import type { Query } from './read-pool';

const dueDaysKey = 'due-days';

export async function readDueDays(query: Query): Promise<DueDays> {
  const [row] = await query<{ value: string }>('SELECT value FROM statistics_settings WHERE key = ?', [dueDaysKey]);
  return row ? { ...defaultDueDays, ...(JSON.parse(row.value) as Partial<Record<Tier, number>>) } : { ...defaultDueDays };
}

export async function writeDueDays(em: EntityManager, days: DueDays, by: string, at: string): Promise<void> {
  await sql(
    em,
    `INSERT INTO statistics_settings (key, value, updated_by, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    [dueDaysKey, JSON.stringify(days), by, at],
  );
}
