import { defaultDueDays, dueDate, isOverdue, overdueFrom } from '../../../src/statistics/due-dates';

describe('R-T4 due days per tier in the following month (Asia/Shanghai)', () => {
  it('villages first, the city last, each by default', () => {
    expect(['village', 'township', 'county', 'city'].map((tier) => dueDate('2026-10', tier as never, defaultDueDays))).toEqual([
      '2026-11-03',
      '2026-11-05',
      '2026-11-08',
      '2026-11-10',
    ]);
  });

  it('is overdue from midnight after the due day, Shanghai time', () => {
    expect(overdueFrom('2026-12', 'village', defaultDueDays)).toBe('2027-01-03T16:00:00.000Z');
    expect(isOverdue(new Date('2027-01-03T23:59:59+08:00'), '2026-12', 'village', defaultDueDays)).toBe(false);
    expect(isOverdue(new Date('2027-01-04T00:00:00+08:00'), '2026-12', 'village', defaultDueDays)).toBe(true);
  });

  it('a configured day past the end of a short month falls on its last day', () => {
    expect(dueDate('2027-01', 'city', { ...defaultDueDays, city: 31 })).toBe('2027-02-28');
  });
});
