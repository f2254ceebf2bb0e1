// R-D2: a later year's holiday notice is checked before it is loaded.
import { checkNotice, spillConflicts } from '../../../src/deadlines/calendar-year';
import type { CalendarEntry } from '../../../src/deadlines/period';

const loaded = new Map<string, CalendarEntry>([
  // As if the 2026 notice had already settled the last days of December.
  ['2026-12-26', { date: '2026-12-26', kind: 'workday', name: '元旦调休' }],
  ['2026-12-31', { date: '2026-12-31', kind: 'holiday', name: '元旦' }],
]);
const loadedYears = new Set([2025, 2026]);
const newYear: CalendarEntry = { date: '2027-01-01', kind: 'holiday', name: '元旦' };

describe('R-D2 a well-formed 2027 notice', () => {
  const days: CalendarEntry[] = [newYear, { date: '2027-02-06', kind: 'workday', name: '春节调休' }];
  it('passes', () => {
    expect(checkNotice(2027, days, loaded)).toEqual({});
    expect(spillConflicts(2027, days, loaded, loadedYears)).toEqual({});
  });
});

describe('R-D2 refusals, one per field', () => {
  it.each<[string, CalendarEntry[], string, string]>([
    ['a repeated date', [newYear, { ...newYear, name: '元旦假期' }], 'days[1].date', '重复'],
    ['a date far outside the year', [newYear, { date: '2027-12-31', kind: 'holiday', name: '元旦' }, { date: '2028-02-01', kind: 'holiday', name: '春节' }], 'days[2].date', '不在 2027 年内'],
    ['a make-up workday on a weekday', [newYear, { date: '2027-02-03', kind: 'workday', name: '春节调休' }], 'days[1].kind', '周六或周日'],
    ['no holiday in the year itself', [{ date: '2027-02-06', kind: 'workday', name: '春节调休' }], 'days', '至少应有一天'],
  ])('%s', (_name, days, path, message) => {
    const errors = checkNotice(2027, days, loaded);
    expect(errors[path]?.join()).toContain(message);
  });
});

describe('R-D2 overlapping a year already loaded', () => {
  it('refuses a date the earlier notice settled differently', () => {
    const errors = checkNotice(2027, [newYear, { date: '2026-12-26', kind: 'holiday', name: '元旦' }], loaded);
    expect(errors['days[1].date']?.join()).toContain('冲突');
  });
  it('accepts a date the earlier notice settled the same way', () => {
    expect(checkNotice(2027, [newYear, { date: '2026-12-31', kind: 'holiday', name: '元旦' }], loaded)).toEqual({});
  });
  it('refuses a spill-over that would turn a loaded weekday into a holiday', () => {
    const days: CalendarEntry[] = [newYear, { date: '2026-12-30', kind: 'holiday', name: '元旦' }];
    expect(spillConflicts(2027, days, loaded, loadedYears)['days[1].date']?.join()).toContain('不能由 2027 年的通知改变');
  });
  it('accepts a spill-over holiday that falls on a weekend anyway (Sunday 2026-12-27)', () => {
    expect(spillConflicts(2027, [newYear, { date: '2026-12-27', kind: 'holiday', name: '元旦' }], loaded, loadedYears)).toEqual({});
  });
});
