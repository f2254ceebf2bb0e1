// R-D1: fires due clocks. It polls the clocks table (never an in-process timer per clock), claims
// due rows atomically — FOR UPDATE SKIP LOCKED on PostgreSQL, the single writer on SQLite — and
// sends CLOCK_EXPIRED through the workflow engine in the same transaction that moves the clock
// from running to fired. So each clock fires exactly once, across restarts and app instances.
// R-D3: the same rounds put reminders into the responsible unit's inbox, once per due time.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { Actor, EventPayload } from '../../workflows/case';
import { AuditService } from '../audit/audit.service';
import { CaseRecord } from '../cases/case.entity';
import { DomainError } from '../common/errors/domain.error';
import { Clock } from '../common/time/clock';
import { APP_CONFIG, type AppConfig } from '../config/app.config';
import { Database } from '../database/database';
import { sql } from '../database/sql';
import type { Tx } from '../database/tx';
import { InboxService } from '../inbox/inbox.service';
import { OrgsService, toUnitRef } from '../orgs/orgs.service';
import { WorkflowEngine } from '../workflow-engine/workflow-engine';
import { clockLabel } from './clock-labels';
import { markStopped } from './clock-keeper';
import type { ClockBasis } from './clock.entity';
import { HolidayCalendar } from './holiday-calendar';
import { zhDate } from './period';

export interface SweepReport {
  fired: number;
  /** Due clocks whose case no longer accepted the expiry: stopped with the reason, never retried. */
  stopped: number;
  /** Failed for another reason (database error): retried later with back-off. */
  failed: number;
  reminded: number;
  durationMs: number;
  /** How long the event loop was held meanwhile (what an HTTP request may have waited). */
  eventLoopDelayMs: { p50: number; p99: number; max: number };
}

interface DueRow {
  id: string;
  case_id: string;
  kind: string;
  basis: string;
  attempts: number | string;
}

interface ReminderRow {
  id: string;
  case_id: string;
  kind: string;
  due_at: string;
  basis: string;
  case_no: string;
  handling_unit_code: string;
}

/** The case row is locked by a transaction in flight (a user's event): try again in this sweep's next round. */
class CaseBusy extends Error {}

/** Refusals that mean "this case has moved on", as opposed to a failure worth retrying. */
const refusals = new Set(['TRANSITION_NOT_ALLOWED', 'FORBIDDEN', 'RULE_VIOLATED']);

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

@Injectable()
export class ClockSweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('ClockSweeper');
  private timer?: NodeJS.Timeout;
  private queue: Promise<unknown> = Promise.resolve();
  private closing = false;

  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(WorkflowEngine) private readonly engine: WorkflowEngine,
    @Inject(OrgsService) private readonly orgs: OrgsService,
    @Inject(InboxService) private readonly inbox: InboxService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(HolidayCalendar) private readonly calendar: HolidayCalendar,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    // The first round comes soon after start, to catch up with whatever fell due while down.
    const interval = this.config.deadlines.sweepIntervalMs;
    if (interval > 0) this.schedule(Math.min(interval, 1000));
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.closing = true;
    clearTimeout(this.timer);
    await this.queue.catch(() => undefined);
  }

  /** One whole sweep now; calls queue behind the one in flight, so each sees the clock as it is when it runs. */
  sweepNow(): Promise<SweepReport> {
    const run = this.queue.then(() => this.sweep());
    this.queue = run.catch(() => undefined);
    return run;
  }

  private schedule(delay: number): void {
    if (this.closing) return;
    this.timer = setTimeout(() => void this.tick(), delay);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    try {
      const report = await this.sweepNow();
      if (report.fired || report.stopped || report.failed) {
        this.logger.log(`期限届满 ${report.fired} 个，停止 ${report.stopped} 个，失败待重试 ${report.failed} 个，提醒 ${report.reminded} 条（${report.durationMs} ms）`);
      }
    } catch (error) {
      this.logger.error(`期限扫描失败：${error instanceof Error ? error.message : error}`);
    } finally {
      this.schedule(this.config.deadlines.sweepIntervalMs);
    }
  }

  private async sweep(): Promise<SweepReport> {
    const started = performance.now();
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const now = this.clock.now();
    await this.calendar.refresh();
    const report: SweepReport = { fired: 0, stopped: 0, failed: 0, reminded: 0, durationMs: 0, eventLoopDelayMs: { p50: 0, p99: 0, max: 0 } };
    const busy = new Set<string>();
    // PostgreSQL: two transactions claim side by side (SKIP LOCKED keeps them apart). SQLite has one writer.
    const workers = this.db.isPostgres ? 2 : 1;
    await Promise.all(Array.from({ length: workers }, () => this.drain((tx) => this.fireSome(tx, now, busy, report))));
    await this.drain((tx) => this.remindSome(tx, now, report));
    delay.disable();
    const ms = (ns: number) => Math.round(ns / 1e5) / 10;
    report.eventLoopDelayMs = { p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max) };
    report.durationMs = Math.round(performance.now() - started);
    return report;
  }

  /** Runs short transactions until one finds nothing, yielding between them so requests get their turn. */
  private async drain(round: (tx: Tx) => Promise<number>): Promise<void> {
    while (!this.closing) {
      const handled = await this.db.write(round);
      if (!handled) return;
      await nextTurn();
    }
  }

  // ---- expiry ----------------------------------------------------------------------------------

  private async fireSome(tx: Tx, now: Date, busy: Set<string>, report: SweepReport): Promise<number> {
    const at = now.toISOString();
    const skip = [...busy];
    const rows = await sql<DueRow>(
      tx.em,
      `SELECT id, case_id, kind, basis, attempts FROM clocks
       WHERE status = 'running' AND due_at <= ? AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
       ${skip.length ? `AND id NOT IN (${skip.map(() => '?').join(', ')})` : ''}
       ORDER BY due_at, id LIMIT ?${this.db.isPostgres ? ' FOR UPDATE SKIP LOCKED' : ''}`,
      [at, at, ...skip, this.config.deadlines.sweepBatch],
    );
    // Cases are locked in id order by every sweeping transaction, so two instances never deadlock.
    rows.sort((a, b) => (a.case_id < b.case_id ? -1 : a.case_id > b.case_id ? 1 : 0));
    const sliceEnds = performance.now() + this.config.deadlines.sweepSliceMs;
    let handled = 0;
    for (const row of rows) {
      // Claimed rows left over return to the pool at commit; the next round takes them.
      if (handled > 0 && performance.now() > sliceEnds) break;
      await this.fireOne(tx, row, busy, report);
      handled += 1;
    }
    return handled;
  }

  private async fireOne(tx: Tx, row: DueRow, busy: Set<string>, report: SweepReport): Promise<void> {
    const at = this.clock.now();
    const clock = { id: row.id, basis: JSON.parse(row.basis) as ClockBasis };
    try {
      // A savepoint per clock: one that fails leaves the others of the round intact.
      const outcome = await tx.em.transaction(async () => {
        const caseRow = await this.lockCase(tx, row.case_id);
        if (!caseRow) {
          await markStopped(tx.em, clock, at, '案件不存在');
          return 'stopped';
        }
        try {
          const expiry: EventPayload<'CLOCK_EXPIRED'> = { type: 'CLOCK_EXPIRED', clock: row.kind };
          await this.engine.apply(tx, caseRow, expiry, await this.systemActor(caseRow), at);
        } catch (error) {
          if (!(error instanceof DomainError) || !refusals.has(error.code)) throw error;
          // The case moved on (concluded, another track): stop the clock for good rather than loop.
          const reason = `期限届满时案件不再接受届满事件：${error.message}`;
          await markStopped(tx.em, clock, at, reason);
          await this.audit.append(
            { actorUsername: 'system', actorUnitCode: caseRow.handlingUnitCode, action: 'clock.stopped', targetType: 'case', targetId: caseRow.id, detail: { clockId: row.id, kind: row.kind, reason } },
            tx.em,
            at,
          );
          return 'stopped';
        }
        await sql(tx.em, `UPDATE clocks SET status = 'fired', fired_at = ?, remind_at = NULL, next_attempt_at = NULL WHERE id = ?`, [at.toISOString(), row.id]);
        return 'fired';
      });
      report[outcome] += 1;
    } catch (error) {
      if (error instanceof CaseBusy) {
        busy.add(row.id);
        return;
      }
      report.failed += 1;
      const attempts = Number(row.attempts) + 1;
      // Back-off 1, 2, 4 … minutes, at most an hour: a broken clock must not hog every round.
      const retryAt = new Date(at.getTime() + Math.min(60, 2 ** (attempts - 1)) * 60_000).toISOString();
      const message = error instanceof Error ? error.message : String(error);
      await sql(tx.em, 'UPDATE clocks SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?', [attempts, retryAt, message.slice(0, 2000), row.id]);
      this.logger.warn(`期限 ${row.id}（${row.kind}）触发失败，第 ${attempts} 次，将于 ${retryAt} 重试：${message}`);
    }
  }

  /** The case row, locked for this transaction; null if it is gone; CaseBusy if a request holds it. */
  private async lockCase(tx: Tx, caseId: string): Promise<CaseRecord | null> {
    if (!this.db.isPostgres) return tx.em.findOne(CaseRecord, { where: { id: caseId } });
    // Never wait for a case lock while holding clock locks: a request holding the case may be
    // waiting for one of those clocks (stopClock), and the two would deadlock.
    const row = await tx.em.findOne(CaseRecord, { where: { id: caseId }, lock: { mode: 'pessimistic_write', onLocked: 'skip_locked' } });
    if (row) return row;
    const exists = await sql(tx.em, 'SELECT 1 AS one FROM cases WHERE id = ?', [caseId]);
    if (exists.length) throw new CaseBusy();
    return null;
  }

  /** The sender of CLOCK_EXPIRED: the system, on behalf of the unit handling the case (documents it issues are that unit's). */
  private async systemActor(caseRow: CaseRecord): Promise<Actor> {
    const unit = this.orgs.cached(caseRow.handlingUnitCode) ?? (await this.orgs.get(caseRow.handlingUnitCode));
    return { username: 'system', unit: toUnitRef(unit), roles: ['system'] };
  }

  // ---- reminders (R-D3) ------------------------------------------------------------------------

  private async remindSome(tx: Tx, now: Date, report: SweepReport): Promise<number> {
    const at = now.toISOString();
    const rows = await sql<ReminderRow>(
      tx.em,
      `SELECT k.id, k.case_id, k.kind, k.due_at, k.basis, c.case_no, c.handling_unit_code
       FROM clocks k JOIN cases c ON c.id = k.case_id
       WHERE k.status = 'running' AND k.remind_at IS NOT NULL AND k.remind_at <= ? AND k.due_at > ?
       ORDER BY k.remind_at, k.id LIMIT ?${this.db.isPostgres ? ' FOR UPDATE OF k SKIP LOCKED' : ''}`,
      [at, at, this.config.deadlines.sweepBatch],
    );
    for (const row of rows) {
      const basis = JSON.parse(row.basis) as ClockBasis;
      const label = clockLabel(row.kind);
      const delivered = await this.inbox.deliver(
        tx.em,
        {
          unitCode: row.handling_unit_code,
          kind: 'deadline-reminder',
          caseId: row.case_id,
          subject: `期限提醒：案件${row.case_no}的${label}将于${zhDate(basis.lastDay)}届满`,
          body: `案件${row.case_no}的${label}将于${zhDate(basis.lastDay)}24时（北京时间）届满，请及时办理（R-D3）。期限依据：${basis.explanation}`,
          // One reminder per clock and due time: an extension earns a new one, a retry never does.
          dedupeKey: `clock-reminder:${row.id}:${row.due_at}`,
        },
        now,
      );
      await sql(tx.em, 'UPDATE clocks SET remind_at = NULL, reminded_at = ? WHERE id = ?', [at, row.id]);
      if (delivered) report.reminded += 1;
    }
    return rows.length;
  }
}
