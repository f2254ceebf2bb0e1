// Units as a letter names them: with their city and county, 保定市莲池区五四路街道司法所.
import { Inject, Injectable } from '@nestjs/common';
import type { UnitRef } from '../../workflows/case';
import { Database } from '../database/database';
import { Division } from '../orgs/division.entity';
import { OrgsService } from '../orgs/orgs.service';

@Injectable()
export class UnitNames {
  private readonly full = new Map<string, string>();
  private divisions?: Map<string, Division>;

  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(OrgsService) private readonly orgs: OrgsService,
  ) {}

  async fullName(code: string): Promise<string> {
    const known = this.full.get(code);
    if (known) return known;
    const unit = await this.orgs.find(code);
    if (!unit) return code;
    this.divisions ??= new Map((await this.db.reader.find(Division)).map((d) => [d.code, d]));
    const chain: string[] = [];
    for (let d = this.divisions.get(unit.divisionCode); d; d = d.parentCode ? this.divisions.get(d.parentCode) : undefined) chain.unshift(d.name);
    // Prefix the divisions above the first one the unit's own name already starts with.
    const at = chain.findIndex((name) => unit.name.startsWith(name));
    const prefix = (at >= 0 ? chain.slice(0, at) : chain.slice(0, -1)).join('');
    const name = `${prefix}${unit.name}`;
    this.full.set(code, name);
    return name;
  }

  /** Full names of every unit code found anywhere in `value` (a statechart context). */
  async namesIn(value: unknown): Promise<Record<string, string>> {
    const codes = new Set<string>();
    const walk = (v: unknown) => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        if (typeof o.code === 'string' && typeof o.kind === 'string') codes.add(o.code);
        if (typeof o.unitCode === 'string') codes.add(o.unitCode);
        Object.values(o).forEach(walk);
      }
    };
    walk(value);
    const out: Record<string, string> = {};
    for (const code of codes) out[code] = await this.fullName(code);
    return out;
  }

  async facts(unit: Pick<UnitRef, 'code' | 'name' | 'kind'>) {
    return { code: unit.code, name: unit.name, kind: unit.kind, fullName: await this.fullName(unit.code) };
  }
}
