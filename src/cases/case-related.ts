// The rows a case's full view shows beside the case itself: parties, prevention flags, clocks.
// On PostgreSQL they come in one statement — with the case row, for a read — because each round
// trip is a wait for the database's CPU and a connection; under load (a mass clock sweep on the
// same two cores) a read of four statements in two round trips on up to three connections had a long tail.
import type { EntityManager } from 'typeorm';
import { hydrate, selectAs } from '../database/hydrate';
import { sql } from '../database/sql';
import { ClockRecord } from '../deadlines/clock.entity';
import { CaseRecord } from './case.entity';
import { Party } from './party.entity';
import { PreventionFlag } from './prevention-flag.entity';

export interface CaseRelated {
  parties: Party[];
  flags: PreventionFlag[];
  clocks: ClockRecord[];
}

const isPostgres = (em: EntityManager) => em.connection.options.type === 'postgres';
/** Prepared on PostgreSQL: the texts are a handful (one per visibility rule), planning cost twice the execution. */
const prepared = { prepare: true };

/**
 * PostgreSQL: the related rows of the case `c` as three JSON arrays of whole rows, in the order the
 * view lists them. The rows' keys are the column names, as a plain SELECT gives them.
 */
const relatedColumns = `
  COALESCE((SELECT json_agg(p ORDER BY p.seq) FROM parties p WHERE p.case_id = c.id), '[]') AS related_parties,
  COALESCE((SELECT json_agg(f ORDER BY f.kind) FROM prevention_flags f WHERE f.case_id = c.id), '[]') AS related_flags,
  COALESCE((SELECT json_agg(k ORDER BY k.started_at, k.id) FROM clocks k WHERE k.case_id = c.id), '[]') AS related_clocks`;

function hydrateRelated(em: EntityManager, raw: Record<string, unknown>): CaseRelated {
  const rows = (name: string) => raw[name] as Record<string, unknown>[];
  return {
    parties: rows('related_parties').map((p) => hydrate(em, Party, p)),
    flags: rows('related_flags').map((f) => hydrate(em, PreventionFlag, f)),
    clocks: rows('related_clocks').map((k) => hydrate(em, ClockRecord, k)),
  };
}

/** The related rows of one case. */
export async function readRelated(em: EntityManager, caseId: string): Promise<CaseRelated> {
  if (isPostgres(em)) {
    const [raw] = await sql<Record<string, unknown>>(em, `SELECT ${relatedColumns} FROM cases c WHERE c.id = ?`, [caseId], prepared);
    return hydrateRelated(em, raw);
  }
  // SQLite: local statements, no round trips to save.
  return {
    parties: await selectAs(em, Party, 'SELECT * FROM parties WHERE case_id = ? ORDER BY seq', [caseId]),
    flags: await selectAs(em, PreventionFlag, 'SELECT * FROM prevention_flags WHERE case_id = ? ORDER BY kind', [caseId]),
    clocks: await selectAs(em, ClockRecord, 'SELECT * FROM clocks WHERE case_id = ? ORDER BY started_at, id', [caseId]),
  };
}

/**
 * The case matching `where` (on the alias `c`) with its related rows, or undefined: one statement on
 * PostgreSQL, the case and then its rows on SQLite.
 */
export async function readCaseWithRelated(
  em: EntityManager,
  where: string,
  params: unknown[],
): Promise<{ row: CaseRecord; related: CaseRelated } | undefined> {
  if (isPostgres(em)) {
    const [raw] = await sql<Record<string, unknown>>(em, `SELECT c.*, ${relatedColumns} FROM cases c WHERE ${where}`, params, prepared);
    return raw && { row: hydrate(em, CaseRecord, raw), related: hydrateRelated(em, raw) };
  }
  const [row] = await selectAs(em, CaseRecord, `SELECT c.* FROM cases c WHERE ${where}`, params);
  return row && { row, related: await readRelated(em, row.id) };
}
