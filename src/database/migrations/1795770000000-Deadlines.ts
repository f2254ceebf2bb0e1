import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { referenceDataDir } from '../../common/project-root';
import { parseHolidayCsv } from '../../deadlines/holiday-csv';
import { sql } from '../sql';
import { c, table } from './table-builder';

/** The State Council notices the shipped CSV was copied from (reference-data/README.md). */
const shippedNotices: Record<number, string> = {
  2025: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）',
  2026: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）',
};

/**
 * Legal clocks (R-D1…R-D4): reminder and stop columns on clocks, the holiday calendar, the
 * units' inbox. The 2025 and 2026 notices are loaded here, not by the demo seed: every
 * deployment's working-day arithmetic needs them, production included. Later years go through
 * POST /api/deadlines/calendar.
 */
export class Deadlines1795770000000 implements MigrationInterface {
  name = 'Deadlines1795770000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('clocks', [
      new TableColumn(c.instant('remind_at', c.nullable)),
      new TableColumn(c.instant('reminded_at', c.nullable)),
      new TableColumn(c.instant('stopped_at', c.nullable)),
      new TableColumn(c.varchar('stopped_reason', 300, c.nullable)),
      new TableColumn(c.int('attempts', { default: 0 })),
      new TableColumn(c.instant('next_attempt_at', c.nullable)),
      new TableColumn(c.text('last_error', c.nullable)),
    ]);
    await q.createIndex('clocks', new TableIndex({ name: 'ix_clocks_status_remind_at', columnNames: ['status', 'remind_at'] }));
    await q.createTable(
      table('holiday_calendar_years', [
        c.int('year', c.primary),
        c.varchar('source', 200),
        c.int('holidays'),
        c.int('workdays'),
        c.varchar('loaded_by', 64),
        c.instant('loaded_at'),
      ]),
    );
    await q.createTable(
      table(
        'holiday_calendar_days',
        [c.varchar('date', 10, c.primary), c.int('year'), c.varchar('kind', 8), c.varchar('name', 40)],
        [{ columns: ['year'] }],
      ),
    );
    await q.createTable(
      table(
        'inbox_messages',
        [
          c.id(),
          c.varchar('unit_code', 40),
          c.varchar('kind', 40),
          c.varchar('case_id', 36, c.nullable),
          c.varchar('subject', 200),
          c.text('body'),
          c.varchar('dedupe_key', 120),
          c.instant('created_at'),
          c.instant('read_at', c.nullable),
          c.varchar('read_by', 64, c.nullable),
        ],
        [{ columns: ['unit_code', 'created_at'] }, { columns: ['dedupe_key'], unique: true }],
      ),
    );
    await this.loadShippedNotices(q);
  }

  private async loadShippedNotices(q: QueryRunner): Promise<void> {
    const entries = parseHolidayCsv(readFileSync(join(referenceDataDir(), 'cn-holidays-2025-2026.csv'), 'utf8'));
    const now = new Date().toISOString();
    for (const [year, source] of Object.entries(shippedNotices)) {
      const days = entries.filter((e) => e.date.startsWith(`${year}-`));
      const count = (kind: string) => days.filter((d) => d.kind === kind).length;
      await sql(q.manager, 'INSERT INTO holiday_calendar_years (year, source, holidays, workdays, loaded_by, loaded_at) VALUES (?, ?, ?, ?, ?, ?)', [
        Number(year),
        source,
        count('holiday'),
        count('workday'),
        'migration',
        now,
      ]);
      for (const d of days) {
        await sql(q.manager, 'INSERT INTO holiday_calendar_days (date, year, kind, name) VALUES (?, ?, ?, ?)', [d.date, Number(year), d.kind, d.name]);
      }
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('inbox_messages');
    await q.dropTable('holiday_calendar_days');
    await q.dropTable('holiday_calendar_years');
    await q.dropIndex('clocks', 'ix_clocks_status_remind_at');
    for (const name of ['last_error', 'next_attempt_at', 'attempts', 'stopped_reason', 'stopped_at', 'reminded_at', 'remind_at']) {
      await q.dropColumn('clocks', name);
    }
  }
}
