// R-D2: checks a year's holiday notice before it becomes data every working-day clock depends on.
// Pure: the notice and the days already loaded in, field errors out.
import { addDays, weekday, type CalendarEntry } from './period';

// A notice may reach a few days into a neighbouring year (元旦 2023 began on 2022-12-31).
const SPILL_DAYS = 7;

export type FieldErrors = Record<string, string[]>;

/**
 * Field errors for a notice of `year`, given every entry already loaded (any year). A date that
 * an earlier notice already settled must say the same thing again, or the overlap is refused.
 */
export function checkNotice(year: number, days: CalendarEntry[], loaded: ReadonlyMap<string, CalendarEntry>): FieldErrors {
  const errors: FieldErrors = {};
  const add = (path: string, message: string) => (errors[path] ??= []).push(message);
  const first = addDays(`${year}-01-01`, -SPILL_DAYS);
  const last = addDays(`${year}-12-31`, SPILL_DAYS);
  const seen = new Map<string, number>();

  days.forEach((d, i) => {
    const at = `days[${i}].date`;
    if (seen.has(d.date)) add(at, `日期与第 ${seen.get(d.date)! + 1} 项重复`);
    seen.set(d.date, i);
    if (d.date < first || d.date > last) add(at, `不在 ${year} 年内（跨年假期最多延伸 ${SPILL_DAYS} 天）`);
    const day = weekday(d.date);
    if (d.kind === 'workday' && day !== 0 && day !== 6) add(`days[${i}].kind`, '调休上班日应为周六或周日');
    const prior = loaded.get(d.date);
    if (prior && prior.kind !== d.kind) {
      add(at, `与已录入的安排冲突：该日已定为${prior.kind === 'holiday' ? '法定节假日' : '调休上班日'}（${prior.name}）`);
    }
  });
  if (!days.some((d) => d.kind === 'holiday' && d.date.startsWith(`${year}-`))) add('days', `${year} 年的安排中至少应有一天法定节假日`);
  return errors;
}

/**
 * Days a notice spills into a neighbouring year that is already loaded without saying anything
 * about them: a holiday on a weekday, or a make-up workday, would silently rewrite that year.
 */
export function spillConflicts(
  year: number,
  days: CalendarEntry[],
  loaded: ReadonlyMap<string, CalendarEntry>,
  loadedYears: ReadonlySet<number>,
): FieldErrors {
  const errors: FieldErrors = {};
  days.forEach((d, i) => {
    const dYear = Number(d.date.slice(0, 4));
    if (dYear === year || !loadedYears.has(dYear) || loaded.has(d.date)) return;
    const restsAnyway = d.kind === 'holiday' && [0, 6].includes(weekday(d.date));
    if (!restsAnyway) (errors[`days[${i}].date`] ??= []).push(`${dYear} 年的安排已录入且未包含该日，不能由 ${year} 年的通知改变`);
  });
  return errors;
}
