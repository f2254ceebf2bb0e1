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

export function visibleCases(actor: Actor, caseIdColumn = 'c.id'): SqlCondition {
  const { unit } = actor;
  const own = 'a.unit_code = ?';
  let grant: SqlCondition;
  if (actor.roles.includes('system-admin') && actor.roles.length === 1) {
    grant = { sql: '1 = 0', params: [] };
  } else if (justiceKinds.has(unit.kind)) {
    grant = {
      sql: `(${own} OR (a.unit_kind IN ('MC', 'JO', 'JB', 'AG') AND a.division_code LIKE ?))`,
      params: [unit.code, `${subtreePrefix(unit.divisionCode, unit.tier)}%`],
    };
  } else if (unit.kind === 'CT' && unit.tier === 'city') {
    grant = {
      sql: `(${own} OR (a.unit_kind = 'CT' AND a.division_code LIKE ?))`,
      params: [unit.code, `${subtreePrefix(unit.divisionCode, unit.tier)}%`],
    };
  } else {
    grant = { sql: own, params: [unit.code] };
  }
  return {
    sql: `EXISTS (SELECT 1 FROM case_access a WHERE a.case_id = ${caseIdColumn} AND ${grant.sql})`,
    params: grant.params,
  };
}
