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
import { selectAs } from '../database/hydrate';
import { prepareStatements, sql } from '../database/sql';
import type { Tx } from '../database/tx';
import { WriteBatch } from '../database/write-batch';
import { InboxService } from '../inbox/inbox.service';
import { OrgsService, toUnitRef } from '../orgs/orgs.service';
import { WorkflowEngine } from '../workflow-engine/workflow-engine';
import { clockLabel } from './clock-labels';
import { markStopped } from './clock-keeper';
import type { ClockBasis } from './clock.entity';
import { HolidayCalendar } from './holiday-calendar';
import { SweepPacer } from './sweep-pacer';
import { WalCheckpointer } from './wal-checkpointer';
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
  /** CPU time of the whole process meanwhile (requests served during the sweep included). */
  cpuMs: number;
}

/** A claimed due clock: just enough to find it and its case again. */
interface DueRow {
  clock_id: string;
  clock_kind: string;
  clock_attempts: number | string;
  case_id: string;
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

/** SQLite: the single writer claims; the due clocks in index order, each with its case. */
const claimInOrder = `SELECT k.id AS clock_id, k.kind AS clock_kind, k.attempts AS clock_attempts, k.case_id
  FROM clocks k JOIN cases c ON c.id = k.case_id
  WHERE k.status = 'running' AND k.due_at <= ? AND (k.next_attempt_at IS NULL OR k.next_attempt_at <= ?)
  ORDER BY k.due_at LIMIT ?`;

/**
 * PostgreSQL: the clocks are locked first, on their own, and only then their cases. Joined before
 * the LIMIT, a planner without fresh statistics (a mass expiry right after a bulk import) joined
 * every due clock to its case and sorted them all, each round: 105 ms a round for 10,000 due
 * clocks, against 15 ms this way. Materialized, so the locking subquery runs exactly once.
 */
const claimLocking = `WITH claimed AS MATERIALIZED (
    SELECT id FROM clocks WHERE status = 'running' AND due_at <= ? AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
    ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED)
  SELECT k.id AS clock_id, k.kind AS clock_kind, k.attempts AS clock_attempts, k.case_id
  FROM claimed JOIN clocks k ON k.id = claimed.id JOIN cases c ON c.id = k.case_id
  ORDER BY k.due_at
  FOR UPDATE OF c SKIP LOCKED`;

/** Refusals that mean "this case has moved on", as opposed to a failure worth retrying. */
const refusals = new Set(['TRANSITION_NOT_ALLOWED', 'FORBIDDEN', 'RULE_VIOLATED']);

interface RoundTally {
  handled: number;
  fired: number;
  stopped: number;
  failed: number;
}

/** A clock of an optimistic round failed: the round is undone and run again with a savepoint per clock. */
class RoundAborted extends Error {
  constructor(readonly reason: unknown) {
    super(reason instanceof Error ? reason.message : String(reason));
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

@Injectable()
export class ClockSweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('ClockSweeper');
  private timer?: NodeJS.Timeout;
  private queue: Promise<unknown> = Promise.resolve();
  private closing = false;
  private checkpointer?: Promise<WalCheckpointer | undefined>;

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
    const cpu = process.cpuUsage();
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    const now = this.clock.now();
    await this.calendar.refresh();
    const report: SweepReport = { fired: 0, stopped: 0, failed: 0, reminded: 0, durationMs: 0, eventLoopDelayMs: { p50: 0, p99: 0, max: 0 }, cpuMs: 0 };
    // PostgreSQL: DEADLINE_SWEEP_WORKERS transactions may claim side by side (SKIP LOCKED keeps
    // them apart, as it does between instances). SQLite has one writer.
    const workers = this.db.isPostgres ? this.config.deadlines.sweepWorkers : 1;
    try {
      await Promise.all(Array.from({ length: workers }, () => this.fireAll(now, report, new SweepPacer(this.config.deadlines.sweepSharePercent))));
      await this.drain((tx) => this.remindSome(tx, now, report));
    } finally {
      await this.releaseCheckpoints();
    }
    delay.disable();
    // The histogram counts the 1 ms sampling interval itself; report only the time beyond it.
    const ms = (ns: number) => Math.max(0, Math.round(ns / 1e5 - 10) / 10);
    report.eventLoopDelayMs = { p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max) };
    report.durationMs = Math.round(performance.now() - started);
    const used = process.cpuUsage(cpu);
    report.cpuMs = Math.round((used.user + used.system) / 1000);
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

  /** A mass sweep on SQLite: WAL checkpoints move off the main thread until it ends (./wal-checkpointer.ts). */
  private takeOverCheckpoints(): void {
    if (this.db.isPostgres || this.checkpointer) return;
    this.checkpointer = WalCheckpointer.start(this.db.sqliteWriter, String(this.db.writer.options.database)).catch((error) => {
      this.logger.warn(`WAL 检查点线程未能启动，由提交时自动检查点代替：${error instanceof Error ? error.message : error}`);
      return undefined;
    });
  }

  private async releaseCheckpoints(): Promise<void> {
    const checkpointer = await this.checkpointer;
    this.checkpointer = undefined;
    await checkpointer?.stop();
  }

  // ---- expiry ----------------------------------------------------------------------------------

  /**
   * Rounds until nothing is due. A round first runs without a savepoint per clock (they cost a
   * tenth of the work); if any clock of it fails, the round is undone and run again carefully,
   * each clock in its own savepoint, so one bad clock cannot hold the others back.
   */
  private async fireAll(now: Date, report: SweepReport, pacer: SweepPacer): Promise<void> {
    let careful = false;
    // Claim about what a round gets through in its time budget, not more: on PostgreSQL every
    // claimed row is locked for the whole round.
    let claim = this.config.deadlines.sweepBatch;
    let handled = 0;
    while (!this.closing) {
      let round: RoundTally;
      try {
        round = await this.db.write((tx) => this.fireSome(tx, now, careful, claim, pacer));
      } catch (error) {
        if (error instanceof RoundAborted && !careful) {
          careful = true;
          continue;
        }
        throw error;
      }
      // Counted once committed: an undone round fired nothing.
      report.fired += round.fired;
      report.stopped += round.stopped;
      report.failed += round.failed;
      careful = false;
      if (!round.handled) return;
      claim = Math.min(this.config.deadlines.sweepBatch, Math.max(10, Math.ceil(round.handled * 1.5)));
      handled += round.handled;
      if (handled >= this.config.deadlines.sweepBatch) this.takeOverCheckpoints();
      await pacer.pause();
    }
  }

  /**
   * Claims a round of due clocks together with their cases and fires them. On PostgreSQL the claim
   * locks both rows and skips any already locked — by another instance's sweep, or by a request
   * working on that case — so nothing ever waits for a lock while holding one (no deadlocks).
   */
  private async fireSome(tx: Tx, now: Date, careful: boolean, claim: number, pacer: SweepPacer): Promise<RoundTally> {
    const at = now.toISOString();
    // A round's statements are the same few texts every time: prepared once per connection.
    prepareStatements(tx.em);
    // Narrow rows: the claim of a whole batch is one synchronous statement on SQLite, so it must
    // be cheap; each case row is read when its turn comes.
    const rows = await sql<DueRow>(tx.em, this.db.isPostgres ? claimLocking : claimInOrder, [at, at, claim]);
    // One commit (one fsync) per round, but the event loop is let go every slice so requests are
    // answered meanwhile. Writes wait for the round to commit: it ends after roundMs, and the
    // clocks it claimed but did not reach go back to the pool for the next round.
    const { sweepSliceMs, sweepRoundMs, sweepFlushRows } = this.config.deadlines;
    const roundEnds = performance.now() + sweepRoundMs;
    let sliceEnds = performance.now() + sweepSliceMs;
    const tally: RoundTally = { handled: 0, fired: 0, stopped: 0, failed: 0 };
    // One instant for the round: the transitions it records and the clocks it marks fired.
    const firedAt = this.clock.now();
    const fired: string[] = [];
    // An optimistic round collects history, audit, segment, case and summary rows and writes them
    // in a few multi-row statements (on PostgreSQL a round trip costs more than a row); a careful
    // one writes each clock's rows in its savepoint.
    const batch = careful ? undefined : new WriteBatch();
    const roundTx: Tx = batch ? { ...tx, batch } : tx;
    // The round goes in chunks of flushRows clocks, each written before the next is read: the
    // rows kept in memory are a chunk's, not the round's, and a young-generation collection (which
    // copies what is still alive, holding the event loop) has less to copy.
    for (let start = 0; start < rows.length; start += sweepFlushRows) {
      const chunk = rows.slice(start, start + sweepFlushRows);
      // PostgreSQL: the chunk's cases in one statement; SQLite reads each when its turn comes.
      const preloaded = batch && this.db.isPostgres ? await this.loadCases(tx, chunk) : undefined;
      for (const row of chunk) {
        if (tally.handled > 0 && performance.now() > roundEnds) break;
        const caseRow = preloaded?.get(row.case_id) ?? (await this.readCase(tx, row.case_id));
        if (careful) tally[await this.fireCarefully(tx, row, caseRow, firedAt)] += 1;
        else {
          await this.fire(roundTx, row, caseRow, firedAt);
          fired.push(row.clock_id);
          tally.fired += 1;
        }
        tally.handled += 1;
        if (performance.now() > sliceEnds) {
          await pacer.pause();
          sliceEnds = performance.now() + sweepSliceMs;
        }
      }
      // The flush lets the event loop go between statements, as the round does between slices. On
      // SQLite a statement holds the thread (200 rows took 4–5 ms); on PostgreSQL building and
      // sending a 200-row statement did (event-loop p99 during a sweep 6.1–6.6 → 4.2–5.5 ms).
      if (batch) await batch.flush(tx.em, () => pacer.pause(), sweepFlushRows).catch((error) => Promise.reject(new RoundAborted(error)));
      if (start + chunk.length > tally.handled) break; // the round's time ran out within this chunk
    }
    await this.markFired(tx, fired, firedAt);
    return tally;
  }

  /**
   * Read when its turn comes, not with the claim: a second clock of a case moved earlier in this
   * round sees the case as it is now. (On PostgreSQL the claim already holds the row's lock.)
   */
  private async readCase(tx: Tx, caseId: string): Promise<CaseRecord> {
    const [caseRow] = await selectAs(tx.em, CaseRecord, 'SELECT * FROM cases WHERE id = ?', [caseId]);
    return caseRow;
  }

  /**
   * PostgreSQL, optimistic round: a chunk's cases in one statement (a round trip costs more than
   * the rows). A case with two clocks in the round is one object, which the engine keeps current
   * as it applies each expiry; a failure undoes the whole round, objects and all.
   */
  private async loadCases(tx: Tx, rows: DueRow[]): Promise<Map<string, CaseRecord>> {
    const ids = [...new Set(rows.map((r) => r.case_id))];
    if (!ids.length) return new Map();
    const cases = await selectAs(tx.em, CaseRecord, `SELECT * FROM cases WHERE id IN (${ids.map(() => '?').join(', ')})`, ids);
    return new Map(cases.map((c) => [c.id, c]));
  }

  /**
   * Sends one expiry in the round's transaction (the clock is marked fired with the others of the
   * round, in the same transaction); anything unexpected, refusals included, undoes the round.
   */
  private async fire(tx: Tx, row: DueRow, caseRow: CaseRecord, at: Date): Promise<void> {
    try {
      await this.sendExpiry(tx, row, caseRow, at);
    } catch (error) {
      throw new RoundAborted(error);
    }
  }

  private async markFired(tx: Tx, ids: string[], at: Date): Promise<void> {
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      await sql(
        tx.em,
        `UPDATE clocks SET status = 'fired', fired_at = ?, remind_at = NULL, next_attempt_at = NULL, stopped_at = NULL, stopped_reason = NULL WHERE id IN (${chunk.map(() => '?').join(', ')})`,
        [at.toISOString(), ...chunk],
      );
    }
  }

  /** Fires one clock in a savepoint of its own, so whatever goes wrong is undone for this clock alone. */
  private async fireCarefully(tx: Tx, row: DueRow, caseRow: CaseRecord, at: Date): Promise<'fired' | 'stopped' | 'failed'> {
    try {
      await tx.em.transaction(async () => {
        await this.sendExpiry(tx, row, caseRow, at);
        await this.markFired(tx, [row.clock_id], at);
      });
      return 'fired';
    } catch (error) {
      if (error instanceof DomainError && refusals.has(error.code)) {
        // The case moved on (concluded, another track): stop the clock for good rather than loop.
        const reason = `期限届满时案件不再接受届满事件：${error.message}`;
        const [{ basis }] = await sql<{ basis: string }>(tx.em, 'SELECT basis FROM clocks WHERE id = ?', [row.clock_id]);
        await markStopped(tx.em, { id: row.clock_id, basis: JSON.parse(basis) as ClockBasis }, at, reason);
        await this.audit.append(
          { actorUsername: 'system', actorUnitCode: caseRow.handlingUnitCode, action: 'clock.stopped', targetType: 'case', targetId: caseRow.id, detail: { clockId: row.clock_id, kind: row.clock_kind, reason } },
          tx.em,
          at,
        );
        return 'stopped';
      }
      // Anything else (a database error, a bug) is tried again later: back-off 1, 2, 4 … minutes,
      // at most an hour, so a broken clock does not hog every round.
      const attempts = Number(row.clock_attempts) + 1;
      const retryAt = new Date(at.getTime() + Math.min(60, 2 ** (attempts - 1)) * 60_000).toISOString();
      const message = error instanceof Error ? error.message : String(error);
      await sql(tx.em, 'UPDATE clocks SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?', [attempts, retryAt, message.slice(0, 2000), row.clock_id]);
      this.logger.warn(`期限 ${row.clock_id}（${row.clock_kind}）触发失败，第 ${attempts} 次，将于 ${retryAt} 重试：${message}`);
      return 'failed';
    }
  }

  /** CLOCK_EXPIRED through the engine, as the system acting for the handling unit. */
  private async sendExpiry(tx: Tx, row: DueRow, caseRow: CaseRecord, at: Date): Promise<void> {
    const expiry: EventPayload<'CLOCK_EXPIRED'> = { type: 'CLOCK_EXPIRED', clock: row.clock_kind };
    await this.engine.apply(tx, caseRow, expiry, await this.systemActor(caseRow), at);
  }

  /** The sender of CLOCK_EXPIRED: the system, on behalf of the unit handling the case (documents it issues are that unit's). */
  private async systemActor(caseRow: CaseRecord): Promise<Actor> {
    const unit = this.orgs.cached(caseRow.handlingUnitCode) ?? (await this.orgs.get(caseRow.handlingUnitCode));
    return { username: 'system', unit: toUnitRef(unit), roles: ['system'] };
  }

  // ---- reminders (R-D3) ------------------------------------------------------------------------

  private async remindSome(tx: Tx, now: Date, report: SweepReport): Promise<number> {
    const at = now.toISOString();
    prepareStatements(tx.em);
    const rows = await sql<ReminderRow>(
      tx.em,
      // The clocks limited (and on PostgreSQL locked) on their own before the join, as for expiries.
      `WITH claimed AS MATERIALIZED (
         SELECT id FROM clocks WHERE status = 'running' AND remind_at IS NOT NULL AND remind_at <= ? AND due_at > ?
         ORDER BY remind_at, id LIMIT ?${this.db.isPostgres ? ' FOR UPDATE SKIP LOCKED' : ''})
       SELECT k.id, k.case_id, k.kind, k.due_at, k.basis, c.case_no, c.handling_unit_code
       FROM claimed JOIN clocks k ON k.id = claimed.id JOIN cases c ON c.id = k.case_id
       ORDER BY k.remind_at, k.id`,
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
