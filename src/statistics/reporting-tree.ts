// R-O1: the reporting tree of a month — which division reports to which — read from the
// effective-dated reporting_links, and the unit that reports for a division (R-T4 chain:
// village committee → township justice office → county justice bureau → city justice bureau).
import type { Tier, UnitKind } from '../../workflows/case';
import type { Month } from './month';

export interface DivisionInfo {
  code: string;
  name: string;
  level: Tier;
  /** The administrative parent (the statistical division tree), which the reporting tree may override. */
  parentCode?: string | null;
}

export interface Link {
  childCode: string;
  parentCode: string;
  validFrom: Month;
  validTo: Month | null;
}

/** The people's-mediation form follows the justice chain; the 综治中心 reads every track (R-S1). */
export type Scope = 'peoples' | 'all';

export class ReportingTree {
  private readonly parents = new Map<string, string>();
  private readonly children = new Map<string, string[]>();

  constructor(
    readonly month: Month,
    private readonly divisions: Map<string, DivisionInfo>,
    links: Link[],
  ) {
    for (const link of links) {
      if (link.validFrom > month || (link.validTo !== null && month >= link.validTo)) continue;
      if (this.parents.has(link.childCode)) throw new Error(`division ${link.childCode} has two parents in ${month}`);
      this.parents.set(link.childCode, link.parentCode);
      const siblings = this.children.get(link.parentCode) ?? [];
      siblings.push(link.childCode);
      this.children.set(link.parentCode, siblings);
    }
    for (const list of this.children.values()) list.sort();
  }

  division(code: string): DivisionInfo | undefined {
    return this.divisions.get(code);
  }

  parentOf(code: string): string | undefined {
    return this.parents.get(code);
  }

  childrenOf(code: string): string[] {
    return this.children.get(code) ?? [];
  }

  /** The division and every division reporting to it, directly or not. */
  subtree(code: string): string[] {
    const out: string[] = [];
    const visit = (c: string) => {
      out.push(c);
      for (const child of this.childrenOf(c)) visit(child);
    };
    visit(code);
    return out;
  }

  /** Whether `code` reports (directly or not) to `ancestor`, or is it. */
  within(code: string, ancestor: string): boolean {
    for (let c: string | undefined = code, guard = 0; c && guard < 10; c = this.parentOf(c), guard++) {
      if (c === ancestor) return true;
    }
    return false;
  }

  /**
   * R-O1: divisions administratively under `code` that report elsewhere this month, e.g. the three
   * Xiong'an counties under 保定市 from April 2017 ("全市(不含雄安新区三县)").
   */
  reportingElsewhere(code: string): { code: string; name: string; reportsTo: string | null }[] {
    return [...this.divisions.values()]
      .filter((d) => d.parentCode === code && this.parents.get(d.code) !== code)
      .map((d) => ({ code: d.code, name: d.name, reportsTo: this.parents.get(d.code) ?? null }))
      .sort((a, b) => a.code.localeCompare(b.code));
  }

  /** The ancestor at a tier (itself if it is at that tier), e.g. the county of a village. */
  ancestorAt(code: string, tier: Tier): string | undefined {
    for (let c: string | undefined = code, guard = 0; c && guard < 10; c = this.parentOf(c), guard++) {
      if (this.divisions.get(c)?.level === tier) return c;
    }
    return undefined;
  }
}

const reportingKind: Record<Scope, Partial<Record<Tier, UnitKind>>> = {
  peoples: { village: 'MC', township: 'JO', county: 'JB', city: 'JB' },
  all: { county: 'CG', city: 'CG' },
};

/** The unit that reports a division's form in a scope, e.g. township + peoples → `…-jo`. */
export function reportingUnitOf(division: DivisionInfo, scope: Scope): string | undefined {
  const kind = reportingKind[scope][division.level];
  return kind ? `${division.code}-${kind.toLowerCase()}` : undefined;
}

/** Which form a unit reports, if any: `130606-cg` → all tracks of 130606. */
export function reportOfUnit(unit: { code: string; kind: UnitKind; tier: Tier; divisionCode: string }): Scope | undefined {
  for (const scope of ['peoples', 'all'] as Scope[]) {
    if (reportingKind[scope][unit.tier] === unit.kind) return scope;
  }
  return undefined;
}
