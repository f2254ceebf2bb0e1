// The holiday calendar as data (R-D2): loaded notices kept in memory so starting a clock never
// waits on a lookup, reread when another instance has loaded a year since.
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Database } from '../database/database';
import { sql } from '../database/sql';
import { HolidayTable, type CalendarEntry } from './period';

interface YearRow {
  year: number | string;
  loaded_at: string;
}

@Injectable()
export class HolidayCalendar implements OnModuleInit {
  private table = new HolidayTable([], []);
  private stamp = '';

  constructor(@Inject(Database) private readonly db: Database) {}

  async onModuleInit(): Promise<void> {
    await this.refresh();
  }

  current(): HolidayTable {
    return this.table;
  }

  /** Rereads the calendar if the loaded years changed (one small query; the sweeper calls it each round). */
  async refresh(em: EntityManager = this.db.reader): Promise<HolidayTable> {
    const years = await sql<YearRow>(em, 'SELECT year, loaded_at FROM holiday_calendar_years ORDER BY year');
    const stamp = years.map((y) => `${y.year}@${y.loaded_at}`).join(',');
    if (stamp === this.stamp) return this.table;
    this.table = await this.read(em, years);
    this.stamp = stamp;
    return this.table;
  }

  /** The calendar as `em` sees it, uncached: inside a transaction that is loading a year, with that year. */
  async read(em: EntityManager, years?: YearRow[]): Promise<HolidayTable> {
    years ??= await sql<YearRow>(em, 'SELECT year, loaded_at FROM holiday_calendar_years ORDER BY year');
    const days = await sql<CalendarEntry>(em, 'SELECT date, kind, name FROM holiday_calendar_days');
    return new HolidayTable(days, years.map((y) => Number(y.year)));
  }

  /** A table covering `years` if the database has them: rereads (in the caller's transaction) only on a miss. */
  async covering(em: EntityManager, years: number[]): Promise<HolidayTable> {
    if (years.every((y) => this.table.covers(y))) return this.table;
    return this.refresh(em);
  }
}

/** The calendar years a period from `from` may touch (working days run longer than calendar days). */
export function yearsTouched(from: string, days: number): number[] {
  const first = Number(from.slice(0, 4));
  // 30 working days span at most ~45 calendar days even over Spring Festival; be generous.
  const lastDate = new Date(Date.parse(`${from}T00:00:00Z`) + (days * 2 + 40) * 86_400_000);
  const years: number[] = [];
  for (let y = first; y <= lastDate.getUTCFullYear(); y++) years.push(y);
  return years;
}
