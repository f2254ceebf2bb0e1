import { addMonths, monthBounds, monthsBetween, shanghaiMonth } from '../../../src/statistics/month';

describe('R-T2 month boundaries fall at midnight Asia/Shanghai', () => {
  it.each([
    ['2026-10-31T15:59:59.999Z', '2026-10'], // 23:59:59.999 on 31 October in Shanghai
    ['2026-10-31T16:00:00.000Z', '2026-11'], // midnight, 1 November in Shanghai
    ['2026-12-31T16:00:00.000Z', '2027-01'],
    ['2024-02-29T15:59:59.999Z', '2024-02'],
    ['2024-02-29T16:00:00.000Z', '2024-03'],
    ['2026-11-01T00:00:00+08:00', '2026-11'],
  ])('%s belongs to %s', (instant, month) => {
    expect(shanghaiMonth(instant)).toBe(month);
  });

  it('a month starts and ends at Shanghai midnight, as UTC instants', () => {
    expect(monthBounds('2026-10')).toEqual({ startsAt: '2026-09-30T16:00:00.000Z', endsAt: '2026-10-31T16:00:00.000Z' });
    expect(monthBounds('2026-12').endsAt).toBe('2026-12-31T16:00:00.000Z');
  });

  it('months count across years', () => {
    expect(addMonths('2026-11', 2)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});
