// R-D2: a system administrator loads each later year's holiday notice; it is checked, audited,
// and the running clocks that were counted without it are counted again, in one transaction.
import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { DomainError, ForbiddenError, NotFoundError, ValidationError } from '../common/errors/domain.error';
import { Clock } from '../common/time/clock';
import { toShanghaiIso } from '../common/time/instant';
import { Database } from '../database/database';
import { sql } from '../database/sql';
import { checkNotice, spillConflicts } from './calendar-year';
import { ClockKeeper } from './clock-keeper';
import type { LoadCalendarYearDto } from './dto/load-calendar-year.dto';
import type { PeriodQuery } from './dto/period.query';
import { HolidayCalendar, yearsTouched } from './holiday-calendar';
import { countPeriod, dueInstant, type CalendarEntry } from './period';

interface YearRow {
  year: number | string;
  source: string;
  holidays: number | string;
  workdays: number | string;
  loaded_by: string;
  loaded_at: string;
}

const yearView = (y: YearRow) => ({
  year: Number(y.year),
  source: y.source,
  holidays: Number(y.holidays),
  workdays: Number(y.workdays),
  loadedBy: y.loaded_by,
  loadedAt: toShanghaiIso(y.loaded_at),
});

@Injectable()
export class CalendarAdmin {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(HolidayCalendar) private readonly calendar: HolidayCalendar,
    @Inject(ClockKeeper) private readonly keeper: ClockKeeper,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async years() {
    const rows = await sql<YearRow>(this.db.reader, 'SELECT * FROM holiday_calendar_years ORDER BY year');
    return { items: rows.map(yearView) };
  }

  async year(year: number) {
    const [row] = await sql<YearRow>(this.db.reader, 'SELECT * FROM holiday_calendar_years WHERE year = ?', [year]);
    if (!row) throw new NotFoundError('CALENDAR_YEAR', `${year} 年的节假日安排`, { year });
    const days = await sql<CalendarEntry>(this.db.reader, 'SELECT date, kind, name FROM holiday_calendar_days WHERE year = ? ORDER BY date', [year]);
    return { ...yearView(row), days };
  }

  /** What a period would come to, and why (R-D4, R-D2), without starting a clock. */
  async period(query: PeriodQuery) {
    const table = await this.calendar.covering(this.db.reader, yearsTouched(query.from, query.days));
    const basis = countPeriod(query.from, query.days, query.dayKind, table);
    return { ...basis, dueAt: toShanghaiIso(dueInstant(basis.lastDay)) };
  }

  async load(user: AuthUser, dto: LoadCalendarYearDto) {
    if (!user.actor.roles.includes('system-admin')) throw new ForbiddenError('只有系统管理员可以录入节假日安排');
    const now = this.clock.now();
    const result = await this.db.write(async ({ em }) => {
      const existing = await sql(em, 'SELECT year FROM holiday_calendar_years WHERE year = ?', [dto.year]);
      if (existing.length) throw new DomainError('DUPLICATE', `${dto.year} 年的节假日安排已录入，不能重复录入`, { year: dto.year });
      const loadedDays = await sql<CalendarEntry>(em, 'SELECT date, kind, name FROM holiday_calendar_days');
      const loadedYears = await sql<{ year: number | string }>(em, 'SELECT year FROM holiday_calendar_years');
      const loaded = new Map(loadedDays.map((d) => [d.date, d]));
      const days: CalendarEntry[] = dto.days.map((d) => ({ date: d.date, kind: d.kind, name: d.name }));
      const errors = { ...checkNotice(dto.year, days, loaded), ...spillConflicts(dto.year, days, loaded, new Set(loadedYears.map((y) => Number(y.year)))) };
      if (Object.keys(errors).length) throw new ValidationError(errors, `${dto.year} 年的节假日安排有误，未录入`);

      const count = (kind: string) => days.filter((d) => d.kind === kind && d.date.startsWith(`${dto.year}-`)).length;
      await sql(em, 'INSERT INTO holiday_calendar_years (year, source, holidays, workdays, loaded_by, loaded_at) VALUES (?, ?, ?, ?, ?, ?)', [
        dto.year,
        dto.source,
        count('holiday'),
        count('workday'),
        user.username,
        now.toISOString(),
      ]);
      // A day an earlier notice already settled the same way stays that notice's.
      for (const d of days.filter((d) => !loaded.has(d.date))) {
        await sql(em, 'INSERT INTO holiday_calendar_days (date, year, kind, name) VALUES (?, ?, ?, ?)', [d.date, dto.year, d.kind, d.name]);
      }
      const recountedClocks = await this.keeper.recountMissingYear(em, dto.year, now);
      const summary = { year: dto.year, source: dto.source, holidays: count('holiday'), workdays: count('workday'), recountedClocks };
      await this.audit.append(
        { actorUsername: user.username, actorUnitCode: user.actor.unit.code, action: 'calendar.year-loaded', targetType: 'holiday-calendar', targetId: String(dto.year), detail: { ...summary, days } },
        em,
        now,
      );
      return summary;
    });
    await this.calendar.refresh();
    return result;
  }
}
