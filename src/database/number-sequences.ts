// Gap-free numbers (R-F1): the counter moves inside the caller's transaction, so a rolled-back
// transition gives its number back and two committed ones never share one.
import type { EntityManager } from 'typeorm';
import { sql } from './sql';

export async function nextNumber(em: EntityManager, scope: string): Promise<number> {
  const rows = await sql<{ last_value: number | string }>(
    em,
    `INSERT INTO number_sequences (scope, last_value) VALUES (?, 1)
     ON CONFLICT (scope) DO UPDATE SET last_value = number_sequences.last_value + 1
     RETURNING last_value`,
    [scope],
  );
  return Number(rows[0].last_value);
}
