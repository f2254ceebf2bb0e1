// A clock's basis (R-D2) is its first period and each extension, counted by R-D4. The effective
// last day and the full explanation sit at the top so the case view can show them as they are.
import type { ClockBasis } from './clock.entity';
import { countPeriod, dueInstant, type DayKind, type HolidayTable, type PeriodBasis } from './period';

const DAY_MS = 86_400_000;

/** The first period of a clock. */
export function startBasis(from: string, days: number, dayKind: DayKind, table: HolidayTable): ClockBasis {
  return countPeriod(from, days, dayKind, table);
}

/** An extension runs on from the end of the current period (its start day, the old last day, is not counted). */
export function extendBasis(basis: ClockBasis, days: number, at: string, table: HolidayTable): ClockBasis {
  const extension = { ...countPeriod(basis.lastDay, days, basis.dayKind, table), at };
  return assemble(firstPeriodOf(basis), [...(basis.extensions ?? []), extension], basis);
}

/** The same clock counted again with a newer calendar (a notice loaded after it started). */
export function recountBasis(basis: ClockBasis, table: HolidayTable): ClockBasis {
  const first = countPeriod(basis.from, basis.days, basis.dayKind, table);
  const extensions: Extension[] = [];
  let lastDay = first.lastDay;
  for (const e of basis.extensions ?? []) {
    const again = { ...countPeriod(lastDay, e.days, basis.dayKind, table), at: e.at };
    extensions.push(again);
    lastDay = again.lastDay;
  }
  return assemble(first, extensions, basis);
}

type Extension = NonNullable<ClockBasis['extensions']>[number];

/** Top level: the first period, overridden by the effective last day and the whole story once extended. */
function assemble(first: PeriodBasis, extensions: Extension[], previous: ClockBasis): ClockBasis {
  const notes = {
    ...(previous.recomputed ? { recomputed: previous.recomputed } : {}),
    ...(previous.stopped ? { stopped: previous.stopped } : {}),
    ...(previous.reminders === false ? { reminders: false as const } : {}),
  };
  if (!extensions.length) return { ...first, ...notes };
  const missing = new Set([...first.calendarMissing, ...extensions.flatMap((e) => e.calendarMissing)]);
  return {
    ...first,
    ...notes,
    firstPeriod: first,
    extensions,
    lastDay: extensions[extensions.length - 1].lastDay,
    calendarMissing: [...missing].sort((a, b) => a - b),
    explanation: [first.explanation, ...extensions.map((e, i) => `第${i + 1}次延长${e.days}日（经当事人同意）：${e.explanation}`)].join(''),
  };
}

/** The first period as counted, whether or not the clock was extended since. */
export function firstPeriodOf(basis: ClockBasis): PeriodBasis {
  if (basis.firstPeriod) return basis.firstPeriod as PeriodBasis;
  const { rule, dayKind, days, from, countedTo, lastDay, skipped, makeUpWorkdays, calendarMissing, explanation } = basis;
  return { rule, dayKind, days, from, ...(countedTo ? { countedTo } : {}), lastDay, skipped, makeUpWorkdays, calendarMissing, explanation };
}

export function dueTimes(basis: ClockBasis, reminderDays: number): { dueAt: string; remindAt: string | null } {
  const dueAt = dueInstant(basis.lastDay);
  const remindAt = reminderDays > 0 ? new Date(Date.parse(dueAt) - reminderDays * DAY_MS).toISOString() : null;
  return { dueAt, remindAt };
}
