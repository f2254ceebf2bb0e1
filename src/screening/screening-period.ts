// Screening periods: a month `2026-11`, or an ISO week `2026-W45` where a committee screens weekly.
import type { ScreeningFrequency } from './screening-round.entity';

export const frequencyOfPeriod = (period: string): ScreeningFrequency => (period.includes('-W') ? 'weekly' : 'monthly');

/** The first day (YYYY-MM-DD) of a period: the 1st of the month, or the Monday of the ISO week. */
export function periodStart(period: string): string {
  if (frequencyOfPeriod(period) === 'monthly') return `${period}-01`;
  const [year, week] = [Number(period.slice(0, 4)), Number(period.slice(6))];
  // ISO 8601: week 1 is the week with the year's first Thursday, i.e. the one holding 4 January.
  const jan4 = Date.UTC(year, 0, 4);
  const mondayOfWeek1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86_400_000;
  return new Date(mondayOfWeek1 + (week - 1) * 7 * 86_400_000).toISOString().slice(0, 10);
}

/** The division and its ancestors, nearest first: a setting on the nearest one applies. */
export function divisionLineage(divisionCode: string): string[] {
  const codes = [divisionCode];
  if (divisionCode.length === 12) codes.push(divisionCode.slice(0, 9));
  if (divisionCode.length >= 9) codes.push(divisionCode.slice(0, 6));
  codes.push(`${divisionCode.slice(0, 4)}00`);
  return [...new Set(codes)];
}
