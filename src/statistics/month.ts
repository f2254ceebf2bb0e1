// R-T2: month membership is defined once, here, in Asia/Shanghai. Months are `YYYY-MM`; an instant
// belongs to the Shanghai month its +08:00 wall-clock date falls in (China has no DST since 1991).
import { startOfShanghaiDay, toShanghaiIso } from '../common/time/instant';

export type Month = string;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export const isMonth = (value: string): boolean => MONTH.test(value);

/** The Shanghai month of an instant (ISO UTC text or Date). */
export function shanghaiMonth(instant: string | Date): Month {
  return toShanghaiIso(instant).slice(0, 7);
}

export function addMonths(month: Month, n: number): Month {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export const nextMonth = (month: Month): Month => addMonths(month, 1);
export const previousMonth = (month: Month): Month => addMonths(month, -1);

/** The UTC instants a Shanghai month starts (inclusive) and ends (exclusive). */
export function monthBounds(month: Month): { startsAt: string; endsAt: string } {
  return { startsAt: startOfShanghaiDay(`${month}-01`), endsAt: startOfShanghaiDay(`${nextMonth(month)}-01`) };
}

/** Months from `from` to `to`, both included. */
export function monthsBetween(from: Month, to: Month): Month[] {
  const out: Month[] = [];
  for (let m = from; m <= to; m = nextMonth(m)) out.push(m);
  return out;
}

/** 2026-10 → 2026年10月 */
export const monthLabel = (month: Month): string => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
