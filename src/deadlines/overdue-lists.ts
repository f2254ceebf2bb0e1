// R-D3: overdue cases for a unit and, for a parent, everything below it — within what the caller
// may read (R-S1). "Overdue" is a running clock whose due time has passed, swept or not yet.
import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../../workflows/case';
import { stateLabel } from '../../workflows/case';
import type { AuthUser } from '../auth/auth-user';
import { visibleCases } from '../cases/jurisdiction';
import { ForbiddenError } from '../common/errors/domain.error';
import { Clock } from '../common/time/clock';
import { shanghaiDate, toShanghaiIso } from '../common/time/instant';
import { Database } from '../database/database';
import { sql } from '../database/sql';
import { OrgsService } from '../orgs/orgs.service';
import type { Unit } from '../orgs/unit.entity';
import { subtreePrefix } from '../orgs/unit-codes';
import { clockLabel, unitTaskClock } from './clock-labels';
import type { ClockBasis } from './clock.entity';
import type { OverdueQuery } from './dto/overdue.query';

interface OverdueRow {
  clock_id: string;
  kind: string;
  due_at: string;
  basis: string;
  case_id: string;
  case_no: string;
  state: string;
  risk_level: string;
  handling_unit_code: string;
}

const justiceKinds = ['MC', 'JO', 'JB'];

/** Units whose cases roll up to `unit`: a justice unit's division subtree, a city court's courts, else itself. */
function scopeOf(unit: Unit): { sql: string; params: unknown[] } {
  const prefix = `${subtreePrefix(unit.divisionCode, unit.tier)}%`;
  if (justiceKinds.includes(unit.kind)) {
    return { sql: `(u.code = ? OR (u.kind IN ('MC', 'JO', 'JB', 'AG') AND u.division_code LIKE ?))`, params: [unit.code, prefix] };
  }
  if (unit.kind === 'CT' && unit.tier === 'city') return { sql: `(u.code = ? OR (u.kind = 'CT' AND u.division_code LIKE ?))`, params: [unit.code, prefix] };
  return { sql: 'u.code = ?', params: [unit.code] };
}

/** A caller may ask for its own unit's list, or for a unit below it if its unit is a parent in the tree. */
function mayOversee(actor: Actor, unit: Unit): boolean {
  if (actor.unit.code === unit.code) return true;
  const parent = justiceKinds.includes(actor.unit.kind) || (actor.unit.kind === 'CT' && actor.unit.tier === 'city');
  return parent && unit.divisionCode.startsWith(subtreePrefix(actor.unit.divisionCode, actor.unit.tier));
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

@Injectable()
export class OverdueLists {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(OrgsService) private readonly orgs: OrgsService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async overdue(user: AuthUser, query: OverdueQuery) {
    const unit = await this.orgs.get(query.unit ?? user.actor.unit.code);
    if (!mayOversee(user.actor, unit)) throw new ForbiddenError('只能查看本单位及下级单位的超期案件', { unit: unit.code });
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const now = this.clock.now();
    const scope = scopeOf(unit);
    const visible = visibleCases(user.actor);
    const from = `FROM clocks k JOIN cases c ON c.id = k.case_id JOIN units u ON u.code = c.handling_unit_code
      WHERE k.status = 'running' AND k.due_at <= ? AND ${unitTaskClock('k')} AND ${scope.sql} AND ${visible.sql}`;
    const params = [now.toISOString(), ...scope.params, ...visible.params];
    const em = this.db.reader;
    const byUnit = await sql<{ handling_unit_code: string; n: number | string }>(
      em,
      `SELECT c.handling_unit_code, COUNT(*) AS n ${from} GROUP BY c.handling_unit_code ORDER BY c.handling_unit_code`,
      params,
    );
    const rows = await sql<OverdueRow>(
      em,
      `SELECT k.id AS clock_id, k.kind, k.due_at, k.basis, c.id AS case_id, c.case_no, c.state, c.risk_level, c.handling_unit_code
       ${from} ORDER BY k.due_at, k.id LIMIT ? OFFSET ?`,
      [...params, pageSize, (page - 1) * pageSize],
    );
    const today = shanghaiDate(now);
    const unitRef = (code: string) => ({ code, name: this.orgs.cached(code)?.name ?? code });
    return {
      unit: unitRef(unit.code),
      asOf: toShanghaiIso(now),
      total: byUnit.reduce((n, r) => n + Number(r.n), 0),
      byUnit: byUnit.map((r) => ({ unit: unitRef(r.handling_unit_code), overdue: Number(r.n) })),
      items: rows.map((r) => {
        const basis = JSON.parse(r.basis) as ClockBasis;
        return {
          caseId: r.case_id,
          caseNo: r.case_no,
          state: r.state,
          stateLabel: stateLabel(r.state),
          riskLevel: r.risk_level,
          handlingUnit: unitRef(r.handling_unit_code),
          clock: { id: r.clock_id, kind: r.kind, label: clockLabel(r.kind), dueAt: toShanghaiIso(r.due_at), lastDay: basis.lastDay },
          overdueDays: Math.max(1, daysBetween(basis.lastDay, today)),
          basis: basis.explanation,
        };
      }),
      page,
      pageSize,
    };
  }
}
