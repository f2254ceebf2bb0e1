// The columns of the monthly form (R-T1), defined once: id, Chinese header, which month a figure
// belongs to (R-T2) and the summary-table column that stores it. Everything else — the
// incremental summary, the recount, the roll-up, the exports — iterates over this list.
import { disputeTypeCatalogs } from '../cases/catalog/dispute-types';
import { caseSources } from '../cases/catalog/sources';
import { preventionKinds } from '../cases/prevention-flag.entity';

/** R-T2: acceptance = month a segment started; conclusion = month it ended; event = month it was recorded. */
export type MonthRule = 'acceptance' | 'conclusion' | 'event';

export interface Measure {
  id: string;
  header: string;
  group: string;
  month: MonthRule;
  /** fen and seconds are stored as integers and shown in 元 / days. */
  unit?: 'fen' | 'seconds';
  /** Stored but not shown as a column of its own (an input of a derived figure). */
  hidden?: boolean;
  /** Read from the screening rounds at report time (./screening-figures.ts), not kept in the summary. */
  atReportTime?: boolean;
}

const m = (id: string, header: string, group: string, month: MonthRule, extra: Partial<Measure> = {}): Measure => ({
  id,
  header,
  group,
  month,
  ...extra,
});

const allDisputeTypes = (() => {
  const seen = new Map<string, { name: string; subtypes?: Record<string, string> }>();
  for (const version of Object.keys(disputeTypeCatalogs).map(Number).sort((a, b) => b - a)) {
    for (const t of disputeTypeCatalogs[version].types) if (!seen.has(t.code)) seen.set(t.code, t);
  }
  return [...seen.entries()];
})();

export const measures: Measure[] = [
  m('mediated', '调解纠纷数', '调解', 'acceptance'),
  m('parties', '涉及当事人数', '调解', 'acceptance'),
  m('succeeded', '调解成功数', '调解', 'conclusion'),
  m('failed', '调解不成功数', '调解', 'conclusion'),
  m('handedOver', '移交其他单位数', '调解', 'conclusion'),
  m('agreementsWritten', '书面协议数', '协议', 'conclusion'),
  m('agreementsOral', '口头协议数', '协议', 'conclusion'),
  m('amountFen', '协议涉及金额（元）', '协议', 'conclusion', { unit: 'fen' }),
  m('followUps', '回访数', '协议', 'event'),
  m('performed', '协议履行数', '协议', 'event'),
  m('confirmed', '司法确认数', '协议', 'event'),
  ...Object.entries(caseSources).map(([code, name]) => m(`source.${code}`, name, '案件来源', 'acceptance')),
  ...allDisputeTypes.flatMap(([code, t]) => [
    m(`type.${code}`, t.name, '纠纷类型', 'acceptance'),
    ...Object.entries(t.subtypes ?? {})
      .filter(([sub]) => sub !== 'other')
      .map(([sub, name]) => m(`type.${code}.${sub}`, `其中：${name}`, '纠纷类型', 'acceptance')),
  ]),
  ...Object.entries(preventionKinds).flatMap(([kind, name]) => [
    m(`prevention.${kind}.cases`, `${name}（件）`, '预防', 'acceptance'),
    m(`prevention.${kind}.people`, `${name}（人）`, '预防', 'acceptance'),
  ]),
  m('screeningRounds', '排查次数', '排查', 'event', { atReportTime: true }),
  m('screeningFound', '排查发现纠纷数', '排查', 'event', { atReportTime: true }),
  m('screeningPrevented', '预防纠纷数', '排查', 'event', { atReportTime: true }),
  m('guidanceIssued', '出具告知引导书数', '衔接', 'event'),
  m('courtReceived', '接收法院委派数', '衔接', 'acceptance'),
  m('courtReported', '向法院反馈结果数', '衔接', 'event'),
  m('courtReturned', '退回法院数', '衔接', 'event'),
  m('petitionReceived', '接收信访移送数', '衔接', 'acceptance'),
  m('petitionFedBack', '向信访部门反馈数', '衔接', 'event'),
  m('concludedSeconds', '办结用时合计（秒）', '时效', 'conclusion', { unit: 'seconds', hidden: true }),
  m('overdue', '超期办结数', '时效', 'conclusion'),
];

export const measureIds = measures.map((x) => x.id);

const headers = new Map(measures.map((x) => [x.id, x.header]));
export const headerOf = (id: string): string => headers.get(id) ?? id.split('.').pop()!;

/** `type.labour.unpaid-migrant-wages` → `type_labour_unpaid_migrant_wages`; `amountFen` → `amount_fen`. */
export const columnOf = (id: string): string =>
  id.replace(/[.-]/g, '_').replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** A month's figures for one unit (or a roll-up): every measure id → integer. */
export type Figures = Record<string, number>;

// Roll-ups build thousands of these per report: copying one literal is far cheaper than
// assembling an object of sixty-odd keys each time.
const zero: Figures = Object.fromEntries(measureIds.map((id) => [id, 0]));

export function emptyFigures(): Figures {
  return { ...zero };
}

export function addInto(target: Figures, more: Partial<Figures>): Figures {
  for (const id in more) target[id] = (target[id] ?? 0) + (more[id] ?? 0);
  return target;
}

export function sumFigures(list: Figures[]): Figures {
  const sum = emptyFigures();
  for (const f of list) for (const id of measureIds) sum[id] += f[id] ?? 0;
  return sum;
}

export function subtractFigures(a: Figures, b: Figures): Figures {
  return Object.fromEntries(measureIds.map((id) => [id, (a[id] ?? 0) - (b[id] ?? 0)]));
}

export const isZero = (f: Partial<Figures>): boolean => Object.values(f).every((v) => !v);

/** Measures whose values differ, for messages that say exactly what does not add up. */
export function differences(a: Figures, b: Figures): { measure: string; header: string; left: number; right: number }[] {
  return measures
    .filter((x) => (a[x.id] ?? 0) !== (b[x.id] ?? 0))
    .map((x) => ({ measure: x.id, header: x.header, left: a[x.id] ?? 0, right: b[x.id] ?? 0 }));
}

/** Derived figures shown beside the stored ones (R-T1 success rate, timeliness). */
export function derived(f: Figures): { successRate: number | null; averageDaysToConclude: number | null } {
  const concluded = f.succeeded + f.failed;
  return {
    successRate: concluded ? round(f.succeeded / concluded, 4) : null,
    averageDaysToConclude: concluded ? round(f.concludedSeconds / 86_400 / concluded, 1) : null,
  };
}

export const round = (value: number, digits: number): number => {
  const p = 10 ** digits;
  return Math.round(value * p) / p;
};
