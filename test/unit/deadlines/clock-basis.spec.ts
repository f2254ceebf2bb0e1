// R-D2/R-D4: a clock's basis across an extension and a recount with a later-loaded notice.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dueTimes, extendBasis, recountBasis, startBasis } from '../../../src/deadlines/clock-basis';
import { parseHolidayCsv } from '../../../src/deadlines/holiday-csv';
import { HolidayTable } from '../../../src/deadlines/period';

const shipped = parseHolidayCsv(readFileSync(join(__dirname, '../../../reference-data/cn-holidays-2025-2026.csv'), 'utf8'));
const table = new HolidayTable(shipped, [2025, 2026]);

describe('R-P6 R-D4 a working-day clock from 2026-02-10 extended by 30 working days over 清明 and 劳动节', () => {
  const first = startBasis('2026-02-10', 30, 'working', table);
  const extended = extendBasis(first, 30, '2026-03-20T02:00:00.000Z', table);

  it('the extension counts from the end of the first period, the old last day not counted', () => {
    expect(extended.extensions).toEqual([expect.objectContaining({ from: '2026-03-30', days: 30, lastDay: '2026-05-14', at: '2026-03-20T02:00:00.000Z' })]);
  });
  it('skips 清明 and 劳动节 and counts the make-up Saturday 2026-05-09', () => {
    const [ext] = extended.extensions!;
    expect(ext.skipped.filter((r) => r.reason === 'holiday').map((r) => [r.from, r.to, r.name])).toEqual([
      ['2026-04-04', '2026-04-06', '清明节'],
      ['2026-05-01', '2026-05-05', '劳动节'],
    ]);
    expect(ext.makeUpWorkdays).toEqual([{ date: '2026-05-09', name: '劳动节调休' }]);
  });
  it('the top level carries the effective last day and the whole story; the first period is kept', () => {
    expect(extended.lastDay).toBe('2026-05-14');
    expect(extended.firstPeriod).toMatchObject({ lastDay: '2026-03-30' });
    expect(extended.explanation).toContain('第1次延长30日（经当事人同意）');
    expect(dueTimes(extended, 3)).toEqual({ dueAt: '2026-05-14T16:00:00.000Z', remindAt: '2026-05-11T16:00:00.000Z' });
  });
  it('R-D3 no reminder when the lead is 0 days', () => {
    expect(dueTimes(extended, 0).remindAt).toBeNull();
  });
});

describe('R-D2 a clock counted before the 2027 notice was loaded, counted again after', () => {
  const before = extendBasis(startBasis('2026-12-20', 30, 'working', table), 5, '2027-01-10T01:00:00.000Z', table);
  const loaded = new HolidayTable([...shipped, { date: '2027-01-01', kind: 'holiday', name: '元旦' }], [2025, 2026, 2027]);
  const after = recountBasis(before, loaded);

  it('was counted with weekends only and said so', () => {
    expect(before.calendarMissing).toEqual([2027]);
    expect(before.lastDay).toBe('2027-02-05');
  });
  it('moves by the new holiday, through the extension too', () => {
    expect(after.calendarMissing).toEqual([]);
    expect(after.firstPeriod).toMatchObject({ lastDay: '2027-02-01' });
    expect(after.extensions).toEqual([expect.objectContaining({ from: '2027-02-01', lastDay: '2027-02-08', at: '2027-01-10T01:00:00.000Z' })]);
    expect(after.lastDay).toBe('2027-02-08');
  });
});
