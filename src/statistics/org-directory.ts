// Divisions, units and the effective-dated reporting links, as the roll-up needs them. They change
// rarely (R-O1 is edited by an administrator, not by every request): read once and kept for a
// minute, with the tree of each month built on demand.
import type { Tier, UnitKind } from '../../workflows/case';
import type { Month } from './month';
import type { StatisticsReader } from './read-pool';
import { ReportingTree, type DivisionInfo, type Link } from './reporting-tree';

export interface UnitInfo {
  code: string;
  name: string;
  kind: UnitKind;
  tier: Tier;
  divisionCode: string;
}

export interface OrgSnapshot {
  divisions: Map<string, DivisionInfo>;
  units: Map<string, UnitInfo>;
  unitsByDivision: Map<string, UnitInfo[]>;
  tree(month: Month): ReportingTree;
}

const ttlMs = 60_000;

export class OrgDirectory {
  private cached?: { at: number; snapshot: Promise<OrgSnapshot> };

  constructor(private readonly reader: StatisticsReader) {}

  snapshot(): Promise<OrgSnapshot> {
    if (!this.cached || Date.now() - this.cached.at > ttlMs) {
      const snapshot = this.load();
      snapshot.catch(() => (this.cached = undefined));
      this.cached = { at: Date.now(), snapshot };
    }
    return this.cached.snapshot;
  }

  private async load(): Promise<OrgSnapshot> {
    const [divisionRows, unitRows, linkRows] = await Promise.all([
      this.reader.query<{ code: string; name: string; level: Tier; parent_code: string | null }>('SELECT code, name, level, parent_code FROM divisions'),
      this.reader.query<{ code: string; name: string; kind: UnitKind; tier: Tier; division_code: string }>(
        'SELECT code, name, kind, tier, division_code FROM units',
      ),
      this.reader.query<{ child_code: string; parent_code: string; valid_from: string; valid_to: string | null }>(
        'SELECT child_code, parent_code, valid_from, valid_to FROM reporting_links',
      ),
    ]);
    const divisions = new Map(divisionRows.map((d) => [d.code, { code: d.code, name: d.name, level: d.level, parentCode: d.parent_code }]));
    const units = new Map(
      unitRows.map((u) => [u.code, { code: u.code, name: u.name, kind: u.kind, tier: u.tier, divisionCode: u.division_code }]),
    );
    const unitsByDivision = new Map<string, UnitInfo[]>();
    for (const u of units.values()) unitsByDivision.set(u.divisionCode, [...(unitsByDivision.get(u.divisionCode) ?? []), u]);
    const links: Link[] = linkRows.map((l) => ({ childCode: l.child_code, parentCode: l.parent_code, validFrom: l.valid_from, validTo: l.valid_to }));
    const trees = new Map<Month, ReportingTree>();
    return {
      divisions,
      units,
      unitsByDivision,
      tree: (month) => trees.get(month) ?? trees.set(month, new ReportingTree(month, divisions, links)).get(month)!,
    };
  }
}
