// R-D4 period arithmetic, pure: dates in, dates and an explanation out. No database, no clock.
// Dates are Asia/Shanghai calendar dates written YYYY-MM-DD; weekdays follow from the date alone.

export type DayKind = 'calendar' | 'working';

/** One line of a year's State Council holiday notice: a statutory holiday or a make-up workday 调休上班. */
export interface CalendarEntry {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
}

/** Days that were not counted (working-day periods) or that pushed the end forward (calendar periods). */
export interface SkippedRange {
  from: string;
  to: string;
  days: number;
  reason: 'holiday' | 'weekend';
  /** 春节, 国庆节 … or 周末. */
  name: string;
}

/** Why a due date is what it is (R-D2). Stored with the clock, shown with the case. */
export interface PeriodBasis {
  rule: 'R-D4';
  dayKind: DayKind;
  days: number;
  /** The start day: not counted. */
  from: string;
  /** The day the plain count lands on, before moving off a rest day (calendar periods only). */
  countedTo?: string;
  /** The period ends at the end of this day. */
  lastDay: string;
  skipped: SkippedRange[];
  /** Make-up workdays inside a working-day period: counted like any working day. */
  makeUpWorkdays: { date: string; name: string }[];
  /** Years the count touched for which no holiday notice was loaded: only weekends were known. */
  calendarMissing: number[];
  explanation: string;
}

const DAY_MS = 86_400_000;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

const yearOf = (date: string) => Number(date.slice(0, 4));

/** The holiday notices loaded so far, as one lookup. */
export class HolidayTable {
  private readonly entries: Map<string, CalendarEntry>;
  private readonly years: Set<number>;

  constructor(entries: CalendarEntry[], years: Iterable<number>) {
    this.entries = new Map(entries.map((e) => [e.date, e]));
    this.years = new Set(years);
  }

  covers(year: number): boolean {
    return this.years.has(year);
  }

  coveredYears(): number[] {
    return [...this.years].sort((a, b) => a - b);
  }

  entry(date: string): CalendarEntry | undefined {
    return this.entries.get(date);
  }

  /** Why a day is a rest day, or null for a working day (make-up workdays are working days). */
  rest(date: string): { reason: 'holiday' | 'weekend'; name: string } | null {
    const entry = this.entries.get(date);
    if (entry) return entry.kind === 'holiday' ? { reason: 'holiday', name: entry.name } : null;
    const day = weekday(date);
    return day === 0 || day === 6 ? { reason: 'weekend', name: '周末' } : null;
  }
}

/** Consecutive days with the same reason become one range, so a basis reads "春节 02-15 至 02-23". */
function addSkipped(ranges: SkippedRange[], date: string, rest: { reason: 'holiday' | 'weekend'; name: string }) {
  const last = ranges[ranges.length - 1];
  if (last && last.reason === rest.reason && last.name === rest.name && addDays(last.to, 1) === date) {
    last.to = date;
    last.days += 1;
  } else {
    ranges.push({ from: date, to: date, days: 1, ...rest });
  }
}

// A period longer than this is a configuration error, not a legal clock.
const MAX_DAYS = 3660;

/**
 * R-D4: the start day is not counted; a period in days ends at the end of its last day; a last
 * day that is a statutory holiday or rest day moves to the first working day after it; a
 * working-day period counts only working days (make-up workdays count, holidays and weekends don't).
 */
export function countPeriod(from: string, days: number, dayKind: DayKind, table: HolidayTable): PeriodBasis {
  if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) throw new Error(`a period must be 1…${MAX_DAYS} whole days, got ${days}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from)) throw new Error(`not a date: ${from}`);
  const skipped: SkippedRange[] = [];
  const makeUpWorkdays: { date: string; name: string }[] = [];
  const missing = new Set<number>();
  const look = (date: string) => {
    if (!table.covers(yearOf(date))) missing.add(yearOf(date));
    return table.rest(date);
  };

  let lastDay: string;
  let countedTo: string | undefined;
  if (dayKind === 'calendar') {
    countedTo = addDays(from, days);
    lastDay = countedTo;
    for (let rest = look(lastDay); rest; rest = look(lastDay)) {
      addSkipped(skipped, lastDay, rest);
      lastDay = addDays(lastDay, 1);
    }
  } else {
    let counted = 0;
    let day = from;
    while (counted < days) {
      day = addDays(day, 1);
      const rest = look(day);
      if (rest) {
        addSkipped(skipped, day, rest);
        continue;
      }
      counted += 1;
      const entry = table.entry(day);
      if (entry?.kind === 'workday') makeUpWorkdays.push({ date: day, name: entry.name });
    }
    lastDay = day;
  }
  const calendarMissing = [...missing].sort((a, b) => a - b);
  const basis = { rule: 'R-D4' as const, dayKind, days, from, ...(countedTo ? { countedTo } : {}), lastDay, skipped, makeUpWorkdays, calendarMissing };
  return { ...basis, explanation: explain(basis) };
}

export const zhDate = (date: string) => `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
const zhRange = (r: SkippedRange) => (r.days === 1 ? `${r.name} ${zhDate(r.from)}` : `${r.name} ${zhDate(r.from)}至${zhDate(r.to)}（${r.days}天）`);

/** The basis in one paragraph a mediator or a party can read. */
export function explain(b: Omit<PeriodBasis, 'explanation'>): string {
  const parts = [`自${zhDate(b.from)}起算，起算当日不计入`];
  if (b.dayKind === 'calendar') {
    parts.push(`按自然日计${b.days}日，期间内的节假日照算，末日为${zhDate(b.countedTo!)}`);
    if (b.skipped.length) {
      parts.push(`该日为休息日（${b.skipped.map(zhRange).join('、')}），顺延至其后第一个工作日${zhDate(b.lastDay)}`);
    }
  } else {
    parts.push(`按工作日计${b.days}日（法定节假日和周末不计，调休上班日计入）`);
    const holidays = b.skipped.filter((r) => r.reason === 'holiday');
    const weekendDays = b.skipped.filter((r) => r.reason === 'weekend').reduce((n, r) => n + r.days, 0);
    const notCounted = [...(weekendDays ? [`周末${weekendDays}天`] : []), ...holidays.map(zhRange)];
    if (notCounted.length) parts.push(`未计入：${notCounted.join('、')}`);
    if (b.makeUpWorkdays.length) {
      parts.push(`计入调休上班日：${b.makeUpWorkdays.map((d) => `${zhDate(d.date)}（${d.name}）`).join('、')}`);
    }
    parts.push(`第${b.days}个工作日为${zhDate(b.lastDay)}`);
  }
  parts.push(`期限于${zhDate(b.lastDay)}24时（北京时间）届满（R-D4）`);
  let text = `${parts.join('；')}。`;
  if (b.calendarMissing.length) {
    text += `注意：尚未录入${b.calendarMissing.join('、')}年的节假日安排，暂按普通周末计算；录入后将自动重新计算。`;
  }
  return text;
}

/** The instant a period ending at the end of `lastDay` (Asia/Shanghai) runs out: the next midnight. */
export function dueInstant(lastDay: string): string {
  return new Date(Date.parse(`${addDays(lastDay, 1)}T00:00:00.000+08:00`)).toISOString();
}
