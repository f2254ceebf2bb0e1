import { periodStart } from '../../../src/screening/screening-period';
import { weeksStartingIn } from '../../../src/statistics/screening-figures';

describe('R-V4/R-T1 a weekly screening round counts in the month its ISO week starts', () => {
  it('lists the weeks whose Monday falls in the month, across a year boundary', () => {
    expect(weeksStartingIn('2026-11')).toEqual(['2026-W45', '2026-W46', '2026-W47', '2026-W48', '2026-W49']);
    // Monday 29 December 2025 starts week 1 of 2026: it is December's.
    expect(weeksStartingIn('2025-12').at(-1)).toBe('2026-W01');
    expect(weeksStartingIn('2026-01')[0]).toBe('2026-W02');
  });

  it('agrees with how the screening module reads a period', () => {
    for (const month of ['2025-12', '2026-01', '2026-02', '2026-11', '2027-01']) {
      for (const week of weeksStartingIn(month)) expect(periodStart(week).slice(0, 7)).toBe(month);
    }
  });
});
