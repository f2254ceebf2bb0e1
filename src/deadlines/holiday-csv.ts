// The holiday-notice CSV shipped in reference-data/ (date,kind,name), read by the seeding migration.
import type { CalendarEntry } from './period';

export function parseHolidayCsv(text: string): CalendarEntry[] {
  const [header, ...lines] = text.trim().split(/\r?\n/);
  if (header.trim() !== 'date,kind,name') throw new Error(`unexpected holiday CSV header: ${header}`);
  return lines
    .filter((line) => line.trim())
    .map((line) => {
      const [date, kind, ...name] = line.split(',');
      if (kind !== 'holiday' && kind !== 'workday') throw new Error(`unexpected kind in holiday CSV: ${line}`);
      return { date: date.trim(), kind, name: name.join(',').trim() };
    });
}
