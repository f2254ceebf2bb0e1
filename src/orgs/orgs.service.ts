// Units and the division tree. Units are few (a few thousand) and change rarely: they are kept in
// memory so a transition never waits on a lookup, and reloaded on a miss.
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { In } from 'typeorm';
import type { UnitRef } from '../../workflows/case';
import { NotFoundError } from '../common/errors/domain.error';
import { Database } from '../database/database';
import { Division } from './division.entity';
import { Unit } from './unit.entity';

export const toUnitRef = (u: Unit): UnitRef => ({
  code: u.code,
  name: u.name,
  kind: u.kind,
  tier: u.tier,
  divisionCode: u.divisionCode,
});

@Injectable()
export class OrgsService implements OnModuleInit {
  private units = new Map<string, Unit>();

  constructor(@Inject(Database) private readonly db: Database) {}

  async onModuleInit(): Promise<void> {
    await this.reload();
  }

  async reload(): Promise<void> {
    const all = await this.db.reader.find(Unit);
    this.units = new Map(all.map((u) => [u.code, u]));
  }

  /** The unit, or undefined; a miss rereads the table once (another instance may have added it). */
  async find(code: string): Promise<Unit | undefined> {
    let unit = this.units.get(code);
    if (!unit) {
      const row = await this.db.reader.findOne(Unit, { where: { code } });
      if (row) this.units.set(code, (unit = row));
    }
    return unit;
  }

  async get(code: string): Promise<Unit> {
    const unit = await this.find(code);
    if (!unit) throw new NotFoundError('UNIT', `单位 ${code} `);
    return unit;
  }

  cached(code: string): Unit | undefined {
    return this.units.get(code);
  }

  async refs(codes: string[]): Promise<Record<string, UnitRef>> {
    const out: Record<string, UnitRef> = {};
    for (const code of codes) {
      const unit = await this.find(code);
      if (unit) out[code] = toUnitRef(unit);
    }
    return out;
  }

  async divisions(codes: string[]): Promise<Division[]> {
    return codes.length ? this.db.reader.find(Division, { where: { code: In(codes) } }) : [];
  }

  /** The division tree below `root` down to `depth` levels, with the units of each division. */
  async tree(root: string, depth: number): Promise<OrgNode> {
    const rootDivision = await this.db.reader.findOne(Division, { where: { code: root } });
    if (!rootDivision) throw new NotFoundError('DIVISION', `行政区划 ${root} `);
    const byParent = new Map<string, Division[]>();
    for (const d of await this.db.reader.find(Division, { order: { code: 'ASC' } })) {
      if (!d.parentCode) continue;
      byParent.set(d.parentCode, [...(byParent.get(d.parentCode) ?? []), d]);
    }
    const unitsByDivision = new Map<string, Unit[]>();
    for (const u of this.units.values()) {
      unitsByDivision.set(u.divisionCode, [...(unitsByDivision.get(u.divisionCode) ?? []), u]);
    }
    const build = (d: Division, level: number): OrgNode => ({
      code: d.code,
      name: d.name,
      level: d.level,
      units: (unitsByDivision.get(d.code) ?? []).map(toUnitRef).sort((a, b) => a.code.localeCompare(b.code)),
      children: level < depth ? (byParent.get(d.code) ?? []).map((c) => build(c, level + 1)) : undefined,
    });
    return build(rootDivision, 0);
  }
}

export interface OrgNode {
  code: string;
  name: string;
  level: string;
  units: UnitRef[];
  children?: OrgNode[];
}
