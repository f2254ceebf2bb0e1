// Demo volume (npm run seed:volume): realistic cases spread over the Baoding tree and ten years,
// written in bulk. Each case follows one of the statechart's own paths (./case-templates.ts) with
// its own units, parties, instants and amounts; the monthly summary is built from the same
// transition facts the engine's listener records, so the recount can check it like any other.
import { caseNumberScope, formatCaseNumber } from '../../cases/case-number';
import { disputeTypeCatalogs } from '../../cases/catalog/dispute-types';
import { shanghaiDate, startOfShanghaiDay } from '../../common/time/instant';
import { formatDocumentNumber, numberScope } from '../../documents/document-number';
import type { Segment, Tier, UnitKind } from '../../../workflows/case';
import { currentCaseMachine } from '../../../workflows/case';
import { columnOf, measures } from '../measures';
import { addMonths, monthBounds, monthsBetween, shanghaiMonth, type Month } from '../month';
import { factColumns, lateBy, needsClockCheck, segmentFacts } from '../segment-facts';
import { documentMeasures, mergeDeltas, transitionFacts } from '../transition-facts';
import type { EntityManager } from 'typeorm';
import { sqlitePath } from '../../database/data-source-options';
import { sql } from '../../database/sql';
import { PostgresBulkWriter, SqliteBulkWriter, type BulkWriter } from './bulk-writer';
import {
  amountToken,
  caseIdToken,
  caseTemplates,
  divisionTokens,
  instantToken,
  openTemplate,
  partyTokens,
  unitTokens,
  type CaseTemplate,
  type TemplateStep,
  type UnitRole,
} from './case-templates';

export interface VolumeUnit {
  code: string;
  name: string;
  kind: UnitKind;
  tier: Tier;
  divisionCode: string;
  abbr: string;
}

export interface VolumeOptions {
  cases: number;
  /** The last month with cases (the data set's "now" is the end of it). */
  until: Month;
  years: number;
  seed: number;
  onProgress?: (generated: number) => void;
}

export interface VolumeReport {
  cases: number;
  months: number;
  rows: Record<string, number>;
  summaryRows: number;
}

/** Small, fast, reproducible (mulberry32). */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Weighted<T> {
  private readonly cumulative: number[] = [];
  private total = 0;
  constructor(
    private readonly items: T[],
    weights: number[],
  ) {
    for (const w of weights) this.cumulative.push((this.total += w));
  }
  pick(r: number): T {
    const x = r * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo];
  }
}

// Shares drawn from published people's-mediation statistics in broad strokes: neighbour and family
// disputes lead, contracts and damages follow.
const typeWeights: Record<string, number> = {
  'marriage-family': 18, neighbour: 20, 'housing-homestead': 10, contract: 8, 'business-operation': 2, damages: 8,
  'forest-land': 3, 'land-requisition': 3, pollution: 1, labour: 6, consumer: 4, medical: 2, 'traffic-accident': 5,
  'property-management': 4, 'private-lending': 5, other: 2, 'family-planning': 2, 'village-affairs': 4,
};
const subtypes: Record<string, [string, number][]> = {
  labour: [['unpaid-migrant-wages', 5], ['other', 5]],
  consumer: [['tourism', 2], ['e-commerce', 5], ['other', 3]],
};
const sourceWeights: [string, number][] = [
  ['party-application', 55], ['own-initiative', 14], ['screening', 8], ['court-referral', 5], ['police-transfer', 5],
  ['petition-transfer', 4], ['other-department-transfer', 3], ['procuratorate-transfer', 1], ['hotline-12345', 4], ['hotline-12348', 1],
];
const flagKinds: [string, number, [number, number]][] = [
  ['prevented-escalation-to-crime', 40, [1, 3]],
  ['prevented-suicide', 20, [1, 1]],
  ['prevented-group-petition', 25, [5, 60]],
  ['prevented-group-fight', 15, [5, 40]],
];
const surnames = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎';
/** Alternately men's and women's names: the party's gender follows the name. */
const givenNames = ['建国', '秀兰', '志强', '桂英', '海涛', '丽娟', '永胜', '淑珍', '国华', '红梅', '文杰', '春燕', '立新', '玉兰', '晓东', '翠华'];
/** January and February carry the disputes before and after the Spring Festival. */
const seasonal = [1.25, 1.15, 1.0, 0.95, 0.95, 0.9, 0.9, 0.92, 0.97, 1.0, 1.02, 1.12];

/** UUID version 7 from the generator's own random numbers: reproducible, and no crypto call per row. */
function uuidFrom(rnd: () => number) {
  const hex = (n: number, digits: number) => Math.floor(n).toString(16).padStart(digits, '0');
  return (ms: number) => {
    const t = hex(ms, 12);
    const r = () => hex(rnd() * 0x10000, 4);
    return `${t.slice(0, 8)}-${t.slice(8)}-7${r().slice(1)}-${hex(0x8000 + rnd() * 0x4000, 4)}-${r()}${r()}${r()}`;
  };
}

const hour = 3_600_000;
const day = 24 * hour;

export async function generateVolume(writer: BulkWriter, units: VolumeUnit[], sequences: Map<string, number>, options: VolumeOptions): Promise<VolumeReport> {
  const rnd = random(options.seed);
  const uuidv7 = uuidFrom(rnd);
  const between = (lo: number, hi: number) => lo + rnd() * (hi - lo);
  const int = (lo: number, hi: number) => Math.floor(between(lo, hi + 1));
  const byCode = new Map(units.map((u) => [u.code, u]));
  const unit = (code: string) => {
    const u = byCode.get(code);
    if (!u) throw new Error(`demo unit ${code} is missing: run npm run seed first`);
    return u;
  };

  // Where disputes arise: townships differ a lot in size, villages within a township less.
  const townships = units.filter((u) => u.kind === 'MC' && u.tier === 'township');
  const townshipWeight = new Map(townships.map((t) => [t.divisionCode, Math.exp(between(-1, 1.2))]));
  const villages = units.filter((u) => u.kind === 'MC' && u.tier === 'village');
  const acceptingUnits = new Weighted<VolumeUnit>(
    [...villages, ...townships],
    [
      ...villages.map((v) => 0.85 * (townshipWeight.get(v.divisionCode.slice(0, 9)) ?? 1) * between(0.5, 1.5)),
      ...townships.map((t) => 0.45 * townshipWeight.get(t.divisionCode)!),
    ],
  );
  const templates = caseTemplates();
  const pathsOf = (role: UnitRole) => {
    const list = templates.filter((t) => t.template.accepting === role);
    return new Weighted(list.map((t) => t.template), list.map((t) => t.weight));
  };
  const paths = { village: pathsOf('village'), township: pathsOf('township') };
  const open = { village: openTemplate('village'), township: openTemplate('township') };
  const sources = new Weighted(sourceWeights.map(([s]) => s), sourceWeights.map(([, w]) => w));
  const flags = new Weighted(flagKinds, flagKinds.map(([, w]) => w));
  const typesFor = new Map<number, Weighted<string>>();
  for (const [version, catalog] of Object.entries(disputeTypeCatalogs)) {
    const codes = catalog.types.map((t) => t.code);
    typesFor.set(Number(version), new Weighted(codes, codes.map((c) => typeWeights[c] ?? 1)));
  }
  const catalogOf = (month: Month) =>
    Number(Object.entries(disputeTypeCatalogs).filter(([, c]) => c.validFrom <= month).sort(([, a], [, b]) => b.validFrom.localeCompare(a.validFrom))[0][0]);

  // Ten years of months, growing about 6% a year, with the seasons.
  const months = monthsBetween(addMonths(options.until, -(options.years * 12 - 1)), options.until);
  const weights = months.map((m, i) => 1.06 ** (i / 12) * seasonal[Number(m.slice(5, 7)) - 1]);
  const totalWeight = weights.reduce((s, w) => s + w, 0);
  const perMonth = weights.map((w) => Math.floor((options.cases * w) / totalWeight));
  for (let i = 0, missing = options.cases - perMonth.reduce((s, n) => s + n, 0); i < missing; i++) perMonth[months.length - 1 - (i % months.length)]++;
  const horizon = Date.parse(monthBounds(options.until).endsAt);
  const instants = Array.from({ length: 64 }, (_, i) => instantToken(i));

  const counters = new Map(sequences);
  const next = (scope: string) => {
    const n = (counters.get(scope) ?? 0) + 1;
    counters.set(scope, n);
    return n;
  };
  // Two townships of 雄县 share an abbreviation (雄昝岗), so their numbers could meet: skip a taken one.
  const taken = new Set<string>();
  const unique = (scope: string, format: (n: number) => string) => {
    for (;;) {
      const no = format(next(scope));
      if (!taken.has(no)) return taken.add(no) && no;
    }
  };
  const summary = new Map<string, Float64Array>();
  const columns = measures.map((x) => x.id);
  const summaryColumns = columns.map(columnOf);
  const columnIndex = new Map(columns.map((id, i) => [id, i]));
  const rows: Record<string, number> = {};
  const add = async (table: Parameters<BulkWriter['add']>[0], row: Record<string, unknown>) => {
    rows[table] = (rows[table] ?? 0) + 1;
    await writer.add(table, row);
  };

  let generated = 0;
  for (let mi = 0; mi < months.length; mi++) {
    const { startsAt, endsAt } = monthBounds(months[mi]);
    const [from, to] = [Date.parse(startsAt), Date.parse(endsAt)];
    const acceptances = Array.from({ length: perMonth[mi] }, () => {
      const d = Math.floor(rnd() * ((to - from) / day));
      return from + d * day + between(8, 19) * hour; // office hours, Shanghai (from is local midnight)
    }).sort((a, b) => a - b);

    for (const acceptedAt of acceptances) {
      const accepting = acceptingUnits.pick(rnd());
      const role: UnitRole = accepting.tier === 'village' ? 'village' : 'township';
      const township = accepting.divisionCode.slice(0, 9);
      const county = accepting.divisionCode.slice(0, 6);
      const cast: Record<UnitRole, VolumeUnit> = {
        village: role === 'village' ? accepting : unit(`${township}-mc`),
        township: unit(`${township}-mc`),
        office: unit(`${township}-jo`),
        agency: unit(`${county}-ag-police`),
        court: unit(`${county}-ct`),
      };
      let template: CaseTemplate = paths[role].pick(rnd());
      let times = timeline(template, acceptedAt);
      // A case whose history would run past the data set's end is still being mediated.
      if (times[times.length - 1] >= horizon) {
        template = open[role];
        times = timeline(template, acceptedAt).map((t, i) => Math.min(t, horizon - 60_000 + i));
      }
      await writeCase(template, cast, times.map((t) => new Date(t).toISOString()));
      generated += 1;
      options.onProgress?.(generated);
      // The SQLite writer never waits on I/O, so without this no timer would run until the end
      // (a progress bar writing to a log redraws on a timer).
      if (generated % 5_000 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
  }

  function timeline(template: CaseTemplate, acceptedAt: number): number[] {
    const times = [acceptedAt];
    const due = Date.parse(dueOf(new Date(acceptedAt).toISOString(), 30).dueAt);
    for (const step of template.steps.slice(1)) {
      const last = times[times.length - 1];
      switch (step.delay) {
        case 'moment':
          times.push(last + between(1, 15) * 60_000);
          break;
        case 'days':
          times.push(last + between(0.1, 3) * day);
          break;
        case 'mediation':
          // Most within the 30-day limit; about one in twelve concluded late (R-P6).
          times.push(last + (rnd() < 0.92 ? between(0.5, 24) : between(31, 45)) * day);
          break;
        case 'followUp':
          times.push(last + between(3, 20) * day);
          break;
        case 'expiry':
          times.push(Math.max(last, due) + between(1, 20) * 60_000);
          break;
      }
    }
    return times.map(Math.round);
  }

  async function writeCase(template: CaseTemplate, cast: Record<UnitRole, VolumeUnit>, at: string[]) {
    // Every row of the case takes its id from the acceptance instant, so ids grow as cases are written.
    const born = Date.parse(at[0]);
    const caseId = uuidv7(born);
    const accepting = cast[template.accepting];
    const month = shanghaiMonth(at[0]);
    const catalog = catalogOf(month);
    const disputeType = typesFor.get(catalog)!.pick(rnd());
    const sub = subtypes[disputeType];
    const disputeSubtype = sub ? new Weighted(sub.map(([s]) => s), sub.map(([, w]) => w)).pick(rnd()) : null;
    const source = sources.pick(rnd());
    const year = Number(at[0].slice(0, 4));
    const amountFen = int(2, 400) * 10_000;
    const parties = partyTokens.map(() => {
      const given = int(0, givenNames.length - 1);
      return { id: uuidv7(born), name: `${surnames[int(0, surnames.length - 1)]}${givenNames[given]}`, gender: given % 2 ? 'female' : 'male' };
    });

    const values: Record<string, string> = { [caseIdToken]: caseId, [String(amountToken)]: String(amountFen) };
    for (const role of Object.keys(unitTokens) as UnitRole[]) {
      values[unitTokens[role].code] = cast[role].code;
      values[unitTokens[role].name] = cast[role].name;
    }
    values[divisionTokens.village] = cast.village.divisionCode;
    values[divisionTokens.township] = cast.township.divisionCode;
    values[divisionTokens.county] = cast.agency.divisionCode;
    partyTokens.forEach((p, i) => {
      values[p.id] = parties[i].id;
      values[p.name] = parties[i].name;
    });
    at.forEach((t, i) => (values[instants[i]] = t));
    const codeOf = (token: string) => values[token] ?? token;
    const real = (segments: Segment[]): Segment[] =>
      segments.map((s) => ({ ...s, unitCode: codeOf(s.unitCode), startedAt: values[s.startedAt], ...(s.endedAt ? { endedAt: values[s.endedAt] } : {}) }));

    const last = at[at.length - 1];
    await add('cases', {
      id: caseId,
      case_no: unique(caseNumberScope(accepting.code, year), (n) => formatCaseNumber(year, accepting, n)),
      machine_id: currentCaseMachine.id,
      machine_version: currentCaseMachine.version,
      state: template.state,
      snapshot: template.snapshot.render(values),
      version: template.steps.length,
      accepting_unit_code: accepting.code,
      handling_unit_code: cast[template.handling].code,
      dispute_type: disputeType,
      dispute_subtype: disputeSubtype,
      catalog_version: catalog,
      source,
      work_order_no: source.startsWith('hotline') ? `GEN-${source.slice(-5)}-${caseId.slice(0, 8)}${caseId.slice(-6)}` : null,
      risk_level: rnd() < 0.04 ? 'orange' : rnd() < 0.15 ? 'blue' : 'yellow',
      amount_fen: rnd() < 0.5 ? amountFen : null,
      summary: '演示数据：双方因日常琐事发生纠纷，申请调解。',
      place: null,
      people_involved: int(2, 6),
      accepted_at: at[0],
      concluded_at: template.done ? last : null,
      outcome: template.outcome,
      created_by: accepting.code,
      updated_at: last,
    });
    for (const [i, p] of parties.entries()) {
      await add('parties', { id: p.id, case_id: caseId, seq: i + 1, role: i ? 'respondent' : 'applicant', kind: 'person', name: p.name, gender: p.gender, ethnicity: '汉族' });
    }
    for (const [i, step] of template.steps.entries()) {
      const actor = cast[step.role].code;
      await add('case_transitions', {
        id: uuidv7(born),
        case_id: caseId,
        version: i + 1,
        event: step.event,
        payload: step.payload.render(values),
        from_state: step.from,
        to_state: step.to,
        actor_username: actor,
        actor_unit_code: actor,
        at: at[i],
      });
    }
    for (const role of template.accessRoles) {
      const u = cast[role];
      await add('case_access', { case_id: caseId, unit_code: u.code, unit_kind: u.kind, division_code: u.divisionCode });
    }
    const clocks = template.clocks.map((c) => {
      const due = dueOf(at[0], c.days);
      return { ...c, unitCode: cast[c.role].code, ...due };
    });
    for (const c of clocks) {
      await add('clocks', {
        id: uuidv7(born),
        case_id: caseId,
        kind: c.kind,
        unit_code: c.unitCode,
        started_at: at[0],
        due_at: c.dueAt,
        status: c.fired !== undefined ? 'fired' : c.stopped !== undefined ? 'stopped' : 'running',
        basis: JSON.stringify({ rule: 'R-D4', dayKind: 'calendar', days: c.days, from: shanghaiDate(at[0]), lastDay: c.lastDay }),
        fired_at: c.fired !== undefined ? at[c.fired] : null,
        stopped_at: c.stopped !== undefined ? at[c.stopped] : null,
      });
    }
    const kase = { disputeType, disputeSubtype, source, parties: parties.length };
    const agreementOf = (step: TemplateStep) => step.agreement && { ...step.agreement, amountFen: step.agreement.amountFen === amountToken ? amountFen : step.agreement.amountFen };
    for (const s of real(template.segments)) {
      // The agreement as it stood when the segment ended, as the engine writes it.
      const ending = template.steps.find((step) => step.after.some((a) => a.seq === s.seq && a.endedAt) && !step.before.some((b) => b.seq === s.seq && b.endedAt));
      const facts = factColumns(segmentFacts(s, kase, { agreement: ending && agreementOf(ending), late: needsClockCheck(s) && lateBy(s, clocks) }));
      await add('case_segments', {
        case_id: caseId,
        seq: s.seq,
        track: s.track,
        unit_code: s.unitCode,
        started_at: s.startedAt,
        ended_at: s.endedAt ?? null,
        outcome: s.outcome ?? null,
        ...Object.fromEntries(Object.entries(facts).map(([key, value]) => [key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), value])),
      });
    }
    const caseFlags = rnd() < 0.03 ? [flags.pick(rnd())].map(([kind, , [lo, hi]]) => ({ kind, people: int(lo, hi) })) : [];
    for (const f of caseFlags) await add('prevention_flags', { case_id: caseId, kind: f.kind, people: f.people });

    // The documents the form counts (hand-offs); other kinds are not generated.
    for (const [i, step] of template.steps.entries()) {
      for (const kind of step.documents.filter((k) => documentMeasures[k])) {
        const issuer = cast[step.role];
        const docYear = Number(shanghaiDate(at[i]).slice(0, 4));
        await add('documents', {
          id: uuidv7(born),
          case_id: caseId,
          kind,
          number: unique(numberScope(issuer.code, kind, docYear), (n) => formatDocumentNumber(docYear, issuer, kind as never, n)),
          issuing_unit_code: issuer.code,
          issued_by: issuer.code,
          issued_at: at[i],
          transition_version: i + 1,
          content: JSON.stringify({ title: '演示数据', generated: true }),
          status: 'ready',
          attempts: 0,
        });
      }
    }

    // The summary: what the engine's transition listener would have added, step by step.
    for (const [i, step] of template.steps.entries()) {
      const handOffs = step.documents.filter((k) => documentMeasures[k]);
      if (step.before.length === step.after.length && step.before.every((s, k) => s.endedAt === step.after[k].endedAt) && !handOffs.length && step.event !== 'RECORD_FOLLOW_UP') continue;
      const deltas = transitionFacts({
        at: at[i],
        event: { type: step.event, performance: step.performance },
        toState: step.to,
        actorUnitCode: cast[step.role].code,
        kase,
        before: real(step.before),
        after: real(step.after),
        agreement: agreementOf(step),
        flags: caseFlags,
        documents: handOffs.map((kind) => ({ kind, issuingUnitCode: cast[step.role].code, issuedAt: at[i] })),
        clocks: clocks.map((c) => ({ unitCode: c.unitCode, dueAt: c.dueAt })),
      });
      for (const d of mergeDeltas(deltas)) {
        const key = `${d.month}|${d.unitCode}|${d.track}`;
        const acc = summary.get(key) ?? summary.set(key, new Float64Array(columns.length)).get(key)!;
        for (const [id, v] of Object.entries(d.figures)) acc[columnIndex.get(id)!] += v ?? 0;
      }
    }
  }

  const now = new Date(horizon).toISOString();
  for (const [key, values] of summary) {
    const [month, unitCode, track] = key.split('|');
    await add('statistics_monthly', { month, unit_code: unitCode, track, updated_at: now, ...Object.fromEntries(summaryColumns.map((column, i) => [column, values[i]])) });
  }
  await writer.flush();
  await writer.raiseSequences(new Map([...counters].filter(([scope, n]) => sequences.get(scope) !== n)));
  return { cases: generated, months: months.length, rows, summaryRows: summary.size };
}

/** The demo units and the number sequences already in use. */
export async function volumeInputs(em: EntityManager): Promise<{ units: VolumeUnit[]; sequences: Map<string, number> }> {
  const units = (await sql<Record<string, string>>(em, 'SELECT code, name, kind, tier, division_code, abbr FROM units')).map((u) => ({
    code: u.code,
    name: u.name,
    kind: u.kind as VolumeUnit['kind'],
    tier: u.tier as VolumeUnit['tier'],
    divisionCode: u.division_code,
    abbr: u.abbr,
  }));
  const rows = await sql<{ scope: string; last_value: number | string }>(em, 'SELECT scope, last_value FROM number_sequences');
  return { units, sequences: new Map(rows.map((r) => [r.scope, Number(r.last_value)])) };
}

/** A bulk writer on the database the application is configured for. */
export function volumeWriter(settings: { databaseUrl?: string; databaseSchema?: string; dataDir: string }): Promise<BulkWriter> | BulkWriter {
  return settings.databaseUrl ? PostgresBulkWriter.open(settings.databaseUrl, settings.databaseSchema) : new SqliteBulkWriter(sqlitePath(settings));
}

/** R-D4 in calendar days: the start day is not counted; the period ends at the end of its last day. */
function dueOf(from: string, days: number): { lastDay: string; dueAt: string } {
  const lastDay = new Date(Date.parse(`${shanghaiDate(from)}T00:00:00Z`) + days * day).toISOString().slice(0, 10);
  return { lastDay, dueAt: startOfShanghaiDay(new Date(Date.parse(`${lastDay}T00:00:00Z`) + day).toISOString().slice(0, 10)) };
}
