// Demo organisations and accounts (../shared/api.md): the Baoding division tree, generated
// villages, one unit per kind and division, and one account per unit named after its code.
// Idempotent: it does nothing when units already exist.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityManager } from 'typeorm';
import type { Tier, UnitKind } from '../../workflows/case';
import { hashPassword } from '../auth/password';
import { User } from '../auth/user.entity';
import { uuidv7 } from '../common/ids';
import { referenceDataDir } from '../common/project-root';
import { SEED_LOCK, type Database } from '../database/database';
import { Division } from '../orgs/division.entity';
import { ReportingLink } from '../orgs/reporting-link.entity';
import { Unit } from '../orgs/unit.entity';
import { agencies, countyAbbr, roleFor, townshipAbbr, unitCode } from '../orgs/unit-codes';
import { villagesOf } from './village-names';


/** Xiong'an New Area: from April 2017 its three counties report outside Baoding's city totals (R-O1). */
export const xiongan = { code: '133100', name: '雄安新区', counties: ['130629', '130632', '130638'], from: '2017-04' };
const treeStart = '2000-01';

interface DivisionRow {
  code: string;
  name: string;
  level: Tier;
  parentCode: string | null;
}

export function readDivisions(): DivisionRow[] {
  const lines = readFileSync(join(referenceDataDir(), 'baoding-divisions.csv'), 'utf8').trim().split(/\r?\n/).slice(1);
  const rows = lines.map((line) => {
    const [code, name, level, parent] = line.split(',');
    return { code, name, level: level as Tier, parentCode: parent || null };
  });
  const townships = rows.filter((r) => r.level === 'township');
  const villages = townships.flatMap((t, i) =>
    villagesOf(t.code, t.name, i).map((v) => ({ ...v, level: 'village' as Tier, parentCode: t.code })),
  );
  return [...rows, ...villages];
}

/** The units the demo seed creates (also read by tests). */
export const demoUnits = () => unitsFor(readDivisions());

function unitsFor(divisions: DivisionRow[]): Unit[] {
  const byCode = new Map(divisions.map((d) => [d.code, d]));
  const units: Unit[] = [];
  const add = (d: DivisionRow, kind: UnitKind, name: string, abbr: string, agency?: string) =>
    units.push(
      Object.assign(new Unit(), {
        code: unitCode(d.code, kind, agency),
        name,
        kind,
        tier: d.level,
        divisionCode: d.code,
        abbr,
        agency: agency ?? null,
      }),
    );
  // Document and case numbers are per unit and read by their abbreviation, so two units must not share
  // one: 雄县's 昝岗镇 and 昝岗片区 both shorten to 雄昝岗, the second keeps its full name.
  const taken = new Set<string>();
  const uniqueAbbr = (preferred: string, fallback: string) => {
    const abbr = taken.has(preferred) ? fallback : preferred;
    taken.add(abbr);
    return abbr;
  };
  for (const d of divisions) {
    const county = d.level === 'township' ? byCode.get(d.parentCode!) : undefined;
    switch (d.level) {
      case 'city':
        add(d, 'JB', `${d.name}司法局`, '保');
        add(d, 'CT', `${d.name}中级人民法院`, '冀06');
        add(d, 'PO', `${d.name}信访局`, '保');
        add(d, 'CG', `${d.name}社会治安综合治理中心`, '保');
        break;
      case 'county': {
        const abbr = countyAbbr(d.name);
        add(d, 'JB', `${d.name}司法局`, abbr);
        add(d, 'CT', `${d.name}人民法院`, `冀${d.code.slice(2, 6)}`);
        add(d, 'PO', `${d.name}信访局`, abbr);
        add(d, 'CG', `${d.name}社会治安综合治理中心`, abbr);
        for (const [key, name] of Object.entries(agencies)) add(d, 'AG', `${d.name}${name}`, abbr, key);
        // A law firm whose lawyers take part in petition work (R-V2); its account is a lawyer's.
        add(d, 'LF', `${d.name}律师事务所`, abbr);
        break;
      }
      case 'township': {
        const abbr = uniqueAbbr(`${countyAbbr(county!.name)}${townshipAbbr(d.name)}`, `${countyAbbr(county!.name)}${d.name}`);
        add(d, 'JO', `${d.name}司法所`, abbr);
        add(d, 'MC', `${d.name}人民调解委员会`, abbr);
        break;
      }
      case 'village': {
        const township = byCode.get(d.parentCode!)!;
        const short = `${townshipAbbr(township.name)}${d.name.slice(0, 2)}`;
        add(d, 'MC', `${township.name}${d.name}人民调解委员会`, uniqueAbbr(short, `${short}${d.code.slice(-3)}`));
        break;
      }
    }
  }
  return units;
}

function reportingLinks(divisions: DivisionRow[]): ReportingLink[] {
  const link = (childCode: string, parentCode: string, validFrom: string, validTo: string | null) =>
    Object.assign(new ReportingLink(), { childCode, parentCode, validFrom, validTo });
  return divisions
    .filter((d) => d.parentCode)
    .flatMap((d) =>
      xiongan.counties.includes(d.code)
        ? [link(d.code, d.parentCode!, treeStart, xiongan.from), link(d.code, xiongan.code, xiongan.from, null)]
        : [link(d.code, d.parentCode!, treeStart, null)],
    );
}

async function insertInChunks<T extends object>(em: EntityManager, entity: new () => T, rows: T[], size = 200) {
  for (let i = 0; i < rows.length; i += size) {
    await em.createQueryBuilder().insert().into(entity).values(rows.slice(i, i + size)).execute();
  }
}

export interface SeedReport {
  divisions: number;
  units: number;
  users: number;
  skipped: boolean;
}

export async function seedDemo(db: Database, password: string, log: (line: string) => void = () => {}): Promise<SeedReport> {
  // Instances starting together on one PostgreSQL database seed once: the second finds the units.
  return db.exclusively(SEED_LOCK, () => seedOnce(db, password, log));
}

async function seedOnce(db: Database, password: string, log: (line: string) => void): Promise<SeedReport> {
  const existing = await db.reader.count(Unit);
  if (existing > 0) return { divisions: 0, units: existing, users: 0, skipped: true };

  const divisions = readDivisions();
  const units = unitsFor(divisions);
  log(`区划 ${divisions.length} 个，单位 ${units.length} 个；正在生成演示账号…`);
  // One hash for the shared demo password: hashing 2,000 times would take minutes on 2 cores.
  const passwordHash = await hashPassword(password);
  const now = new Date().toISOString();
  const users = units.map((u) =>
    Object.assign(new User(), {
      id: uuidv7(),
      username: u.code,
      passwordHash,
      unitCode: u.code,
      roles: [roleFor(u.kind, u.tier)],
      displayName: u.name,
      createdAt: now,
    }),
  );
  // 三员分立: system, security and audit administrators are separate accounts.
  const admins = [
    { username: 'admin', roles: ['system-admin'], displayName: '系统管理员' },
    { username: 'secadmin', roles: ['security-admin'], displayName: '安全管理员' },
    { username: 'auditor', roles: ['audit-admin'], displayName: '审计管理员' },
  ] as const;
  for (const admin of admins) {
    users.push(
      Object.assign(new User(), { id: uuidv7(), passwordHash, unitCode: '130600-jb', createdAt: now, ...admin, roles: [...admin.roles] }),
    );
  }
  const divisionRows = [
    ...divisions,
    { code: xiongan.code, name: xiongan.name, level: 'city' as Tier, parentCode: null },
  ].map((d) => Object.assign(new Division(), d));

  await db.write(async ({ em }) => {
    await insertInChunks(em, Division, divisionRows);
    await insertInChunks(em, ReportingLink, reportingLinks(divisions));
    await insertInChunks(em, Unit, units);
    await insertInChunks(em, User, users);
  });
  log(`已创建 ${units.length} 个单位和 ${users.length} 个演示账号（密码见 README）。`);
  return { divisions: divisionRows.length, units: units.length, users: users.length, skipped: false };
}
