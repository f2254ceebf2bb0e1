// R-D4 / R-D2 period arithmetic against the shipped 2025–2026 holiday notices, one scenario per describe.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHolidayCsv } from '../../../src/deadlines/holiday-csv';
import { countPeriod, dueInstant, HolidayTable, type DayKind } from '../../../src/deadlines/period';

const shipped = parseHolidayCsv(readFileSync(join(__dirname, '../../../reference-data/cn-holidays-2025-2026.csv'), 'utf8'));
const table = new HolidayTable(shipped, [2025, 2026]);

interface Scenario {
  from: string;
  days: number;
  dayKind: DayKind;
  lastDay: string;
  dueAt: string;
  skipped?: [from: string, to: string, name: string][];
  makeUp?: string[];
}

function scenario(name: string, s: Scenario, more?: (basis: ReturnType<typeof countPeriod>) => void) {
  describe(name, () => {
    const basis = countPeriod(s.from, s.days, s.dayKind, table);
    it(`ends at the end of ${s.lastDay}`, () => {
      expect(basis.lastDay).toBe(s.lastDay);
      expect(new Date(dueInstant(basis.lastDay)).toISOString()).toBe(new Date(s.dueAt).toISOString());
    });
    it('explains which days were skipped and why (R-D2)', () => {
      expect(basis.skipped.map((r) => [r.from, r.to, r.name])).toEqual(s.skipped ?? []);
      expect(basis.makeUpWorkdays.map((d) => d.date)).toEqual(s.makeUp ?? []);
      expect(basis.calendarMissing).toEqual([]);
    });
    if (more) it('reads as the mediator will see it', () => more(basis));
  });
}

scenario('R-D4 calendar days, last day an ordinary Wednesday: 30 days from 2026-11-02', {
  from: '2026-11-02',
  days: 30,
  dayKind: 'calendar',
  lastDay: '2026-12-02',
  dueAt: '2026-12-03T00:00:00+08:00',
}, (b) => {
  expect(b.explanation).toContain('起算当日不计入');
  expect(b.explanation).toContain('2026年12月2日24时（北京时间）届满');
});

scenario('R-D4 the start day is not counted: 1 calendar day from Thursday 2026-03-05 ends Friday', {
  from: '2026-03-05',
  days: 1,
  dayKind: 'calendar',
  lastDay: '2026-03-06',
  dueAt: '2026-03-07T00:00:00+08:00',
});

scenario('R-D4 calendar days ending on a Saturday move to Monday: 30 days from 2026-11-05', {
  from: '2026-11-05',
  days: 30,
  dayKind: 'calendar',
  lastDay: '2026-12-07',
  dueAt: '2026-12-08T00:00:00+08:00',
  skipped: [['2026-12-05', '2026-12-06', '周末']],
});

scenario('R-D4 calendar days ending in 国庆 2025 move past the whole holiday: 30 days from 2025-09-01', {
  from: '2025-09-01',
  days: 30,
  dayKind: 'calendar',
  lastDay: '2025-10-09',
  dueAt: '2025-10-10T00:00:00+08:00',
  skipped: [['2025-10-01', '2025-10-08', '国庆节、中秋节']],
}, (b) => {
  expect(b.countedTo).toBe('2025-10-01');
  expect(b.explanation).toContain('顺延至其后第一个工作日2025年10月9日');
});

scenario('R-D4 calendar days ending in Spring Festival 2026 move to 2026-02-24', {
  from: '2026-01-20',
  days: 30,
  dayKind: 'calendar',
  lastDay: '2026-02-24',
  dueAt: '2026-02-25T00:00:00+08:00',
  skipped: [['2026-02-19', '2026-02-23', '春节']],
});

scenario('R-D4 calendar days ending on a make-up Saturday (2026-02-14, 春节调休) end that day', {
  from: '2026-01-14',
  days: 31,
  dayKind: 'calendar',
  lastDay: '2026-02-14',
  dueAt: '2026-02-15T00:00:00+08:00',
});

scenario('R-D4 calendar days across New Year end on the make-up Sunday 2026-01-04', {
  from: '2025-12-20',
  days: 14,
  dayKind: 'calendar',
  lastDay: '2026-01-04',
  dueAt: '2026-01-05T00:00:00+08:00',
  skipped: [['2026-01-03', '2026-01-03', '元旦']],
});

scenario('R-D4 a period starting inside 国庆 2026 still ends on a working day: 3 days from 2026-10-03', {
  from: '2026-10-03',
  days: 3,
  dayKind: 'calendar',
  lastDay: '2026-10-08',
  dueAt: '2026-10-09T00:00:00+08:00',
  skipped: [['2026-10-06', '2026-10-07', '国庆节']],
});

scenario('R-D2 30 working days across Spring Festival 2026 skip the holiday and count both make-up Saturdays', {
  from: '2026-02-10',
  days: 30,
  dayKind: 'working',
  lastDay: '2026-03-30',
  dueAt: '2026-03-31T00:00:00+08:00',
  skipped: [
    ['2026-02-15', '2026-02-23', '春节'],
    ['2026-03-01', '2026-03-01', '周末'],
    ['2026-03-07', '2026-03-08', '周末'],
    ['2026-03-14', '2026-03-15', '周末'],
    ['2026-03-21', '2026-03-22', '周末'],
    ['2026-03-28', '2026-03-29', '周末'],
  ],
  makeUp: ['2026-02-14', '2026-02-28'],
}, (b) => {
  expect(b.explanation).toContain('未计入：周末9天、春节 2026年2月15日至2026年2月23日（9天）');
  expect(b.explanation).toContain('计入调休上班日：2026年2月14日（春节调休）、2026年2月28日（春节调休）');
});

scenario('R-D2 11 working days across 中秋 and 国庆 2026 end on the make-up Saturday 2026-10-10', {
  from: '2026-09-18',
  days: 11,
  dayKind: 'working',
  lastDay: '2026-10-10',
  dueAt: '2026-10-11T00:00:00+08:00',
  skipped: [
    ['2026-09-19', '2026-09-19', '周末'],
    ['2026-09-25', '2026-09-27', '中秋节'],
    ['2026-10-01', '2026-10-07', '国庆节'],
  ],
  makeUp: ['2026-09-20', '2026-10-10'],
});

scenario('R-D2 5 working days across 国庆 2025 count the make-up Sunday 2025-09-28', {
  from: '2025-09-26',
  days: 5,
  dayKind: 'working',
  lastDay: '2025-10-10',
  dueAt: '2025-10-11T00:00:00+08:00',
  skipped: [
    ['2025-09-27', '2025-09-27', '周末'],
    ['2025-10-01', '2025-10-08', '国庆节、中秋节'],
  ],
  makeUp: ['2025-09-28'],
});

describe('R-D2 a year without a loaded notice is counted with weekends only and says so', () => {
  const basis = countPeriod('2027-02-01', 10, 'working', table);
  it('ends on the tenth weekday', () => expect(basis.lastDay).toBe('2027-02-15'));
  it('flags the missing year', () => {
    expect(basis.calendarMissing).toEqual([2027]);
    expect(basis.explanation).toContain('尚未录入2027年的节假日安排');
  });
});

describe('R-D4 a period is whole days', () => {
  it.each([0, -3, 1.5])('refuses %p days', (days) => {
    expect(() => countPeriod('2026-03-01', days, 'calendar', table)).toThrow();
  });
});
