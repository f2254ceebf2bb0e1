// R-S1 read access as one SQL condition over case_access: justice-system units read their
// division subtree (people's and administrative mediation); courts, agencies and petition offices
// read the cases they handled, referred or received; the intermediate court reads every judicial
// segment in its city.
import type { Actor } from '../../workflows/case';
import { subtreePrefix } from '../orgs/unit-codes';

export interface SqlCondition {
  sql: string;
  params: unknown[];
}

const justiceKinds = new Set(['MC', 'JO', 'JB']);

/** What an actor's grant reaches besides its own unit: unit kinds within a division subtree. */
interface Grant {
  none?: true;
  subtree?: { kinds: string[]; from: string; to: string };
}

function grantOf(actor: Actor): Grant {
  const { unit } = actor;
  if (actor.roles.includes('system-admin') && actor.roles.length === 1) return { none: true };
  const kinds = justiceKinds.has(unit.kind) ? ['MC', 'JO', 'JB', 'AG'] : unit.kind === 'CT' && unit.tier === 'city' ? ['CT'] : null;
  if (!kinds) return {};
  // Division codes below the prefix as a range an index can seek (LIKE 'prefix%' often cannot):
  // from the prefix up to the next number of its length, digits only, so any collation agrees.
  const from = subtreePrefix(unit.divisionCode, unit.tier);
  const to = String(BigInt(from) + 1n).padStart(from.length, '0');
  return { subtree: { kinds, from, to } };
}

const kindList = (kinds: string[]) => kinds.map((k) => `'${k}'`).join(', ');

/** One case's visibility, as a condition on its id column: a probe of case_access by case id. */
export function visibleCases(actor: Actor, caseIdColumn = 'c.id'): SqlCondition {
  const grant = grantOf(actor);
  if (grant.none) return { sql: '1 = 0', params: [] };
  const own = 'a.unit_code = ?';
  const { subtree } = grant;
  return {
    sql: subtree
      ? `EXISTS (SELECT 1 FROM case_access a WHERE a.case_id = ${caseIdColumn} AND (${own} OR (a.unit_kind IN (${kindList(subtree.kinds)}) AND a.division_code >= ? AND a.division_code < ?)))`
      : `EXISTS (SELECT 1 FROM case_access a WHERE a.case_id = ${caseIdColumn} AND ${own})`,
    params: subtree ? [actor.unit.code, subtree.from, subtree.to] : [actor.unit.code],
  };
}

/**
 * The ids of every case the actor may read, as a SELECT read from case_access's indexes alone
 * (the unit's own rows, and its subtree's as a range): cheap where the set is small, so a list
 * can start from it instead of probing every case.
 */
export function visibleCaseIds(actor: Actor): SqlCondition {
  const grant = grantOf(actor);
  if (grant.none) return { sql: 'SELECT a.case_id FROM case_access a WHERE 1 = 0', params: [] };
  const own = 'SELECT a.case_id FROM case_access a WHERE a.unit_code = ?';
  const { subtree } = grant;
  if (!subtree) return { sql: own, params: [actor.unit.code] };
  return {
    sql: `${own} UNION SELECT a.case_id FROM case_access a WHERE a.division_code >= ? AND a.division_code < ? AND a.unit_kind IN (${kindList(subtree.kinds)})`,
    params: [actor.unit.code, subtree.from, subtree.to],
  };
}

export interface CaseListPlan {
  /** The list has filters besides visibility. */
  filtered: boolean;
  /** CASE_LIST_SET_LIMIT (default 20,000). */
  setLimit: number;
  postgres: boolean;
}

/**
 * How a case list finds the caller's cases. It counts the visible set from case_access's indexes
 * (milliseconds for a committee or an office). A set of up to `setLimit` cases is then read by id
 * and sorted. A larger set — a county over many years — is found by walking the cases in date
 * order and probing each one's access, which stops after a page; filtered, SQLite still reads
 * the set (a walk would probe most of the record to find a few matches), while PostgreSQL is left
 * the probe, which it answers by scanning the cases in parallel. A city's set is most of the
 * record, so it is not counted first: the walk at once.
 */
export async function caseListScope(count: (sql: string, params: unknown[]) => Promise<number>, actor: Actor, plan: CaseListPlan) {
  if (actor.unit.tier === 'city') return { scope: visibleCases(actor), visible: undefined };
  const ids = visibleCaseIds(actor);
  const visible = await count(`SELECT COUNT(*) AS n FROM (${ids.sql}) v`, ids.params);
  const fromSet = visible <= plan.setLimit || (plan.filtered && !plan.postgres);
  return { scope: fromSet ? { sql: `c.id IN (${ids.sql})`, params: ids.params } : visibleCases(actor), visible };
}
