// R-T4: each tier submits by a configurable day of the following month (Asia/Shanghai); a report
// not submitted by the end of that day is overdue and listed for its parent.
import type { Tier } from '../../workflows/case';
import { startOfShanghaiDay } from '../common/time/instant';
import { nextMonth, type Month } from './month';

export type DueDays = Record<Tier, number>;

/** Villages first, so each tier has its children's reports before its own is due. */
export const defaultDueDays: DueDays = { village: 3, township: 5, county: 8, city: 10 };

const daysIn = (month: Month) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();

/** The last day (YYYY-MM-DD) a tier may submit a month's report. */
export function dueDate(month: Month, tier: Tier, days: DueDays): string {
  const following = nextMonth(month);
  const day = Math.min(days[tier], daysIn(following));
  return `${following}-${String(day).padStart(2, '0')}`;
}

/** The instant the report becomes overdue: the end of its due day. */
export function overdueFrom(month: Month, tier: Tier, days: DueDays): string {
  const due = dueDate(month, tier, days);
  return new Date(Date.parse(startOfShanghaiDay(due)) + 86_400_000).toISOString();
}

export function isOverdue(now: Date, month: Month, tier: Tier, days: DueDays): boolean {
  return now.toISOString() >= overdueFrom(month, tier, days);
}
