// After commit: pending documents are claimed, rendered by the worker pool and marked ready.
// Claims are atomic (FOR UPDATE SKIP LOCKED on PostgreSQL, the single writer on SQLite) and carry
// a lease: if this process dies mid-render, the row stays `pending` and is taken again once the
// lease runs out. Errors are retried with back-off; after `maxAttempts` the row is `failed` with
// the reason — never silently lost.
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { In } from 'typeorm';
import { Clock } from '../common/time/clock';
import { within } from '../common/worker-pool';
import { APP_CONFIG, type AppConfig } from '../config/app.config';
import { Database } from '../database/database';
import { sql } from '../database/sql';
import { DocumentRecord } from './document.entity';
import { absolutePath, relativePath, renderInput } from './document-files';
import { documentsSettings, retryDelay, type DocumentsSettings } from './documents.settings';
import { RenderPool } from './render-pool';
import type { RenderResult } from './render-task';

/** How long an orderly stop waits for the claimed letters (a few seconds' worth at most). */
const SHUTDOWN_WAIT_MS = 30_000;

/** UPDATE … RETURNING answers rows on SQLite and [rows, count] on PostgreSQL through TypeORM. */
const returned = <T>(result: unknown): T[] => (Array.isArray(result) && Array.isArray(result[0]) ? (result[0] as T[]) : (result as T[]));

@Injectable()
export class DocumentGenerator implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DocumentGenerator');
  readonly settings: DocumentsSettings = documentsSettings();
  private pool?: RenderPool;
  private readonly inFlight = new Set<string>();
  /** Renders under way, each until its row is recorded: shutdown waits for them. */
  private readonly rendering = new Set<Promise<void>>();
  private timer?: NodeJS.Timeout;
  private draining = false;
  private drained: Promise<void> = Promise.resolve();
  private again = false;
  private closed = false;

  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.pool = new RenderPool(this.settings.threads, this.settings.nice);
    await this.pool.warm();
    // Start-up: whatever an earlier process left pending is picked up now.
    this.kick();
    if (this.settings.pollIntervalMs > 0) {
      this.timer = setInterval(() => this.kick(), this.settings.pollIntervalMs);
      this.timer.unref();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    // An orderly stop renders the rows it has claimed and records them before the database closes
    // (DatabaseModule shuts down after this module); only a crash leaves a claimed row to its lease.
    await within(SHUTDOWN_WAIT_MS, async () => {
      await this.drained;
      await Promise.allSettled([...this.rendering]);
    });
    await this.pool?.close();
  }

  /** Look for work now (after a commit that issued documents, at start-up, on each poll). */
  kick(): void {
    if (this.closed) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.drained = this.drain();
  }

  /** Resolves when nothing is pending-and-due or in flight (tests, benchmarks). */
  async settle(timeoutMs = 30_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (Date.now() < end) {
      if (!this.draining && this.inFlight.size === 0 && (await this.dueCount()) === 0) return;
      this.kick();
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('documents did not settle in time');
  }

  private get capacity(): number {
    return this.settings.threads * 4;
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      do {
        this.again = false;
        const room = this.capacity - this.inFlight.size;
        if (room <= 0 || this.closed) break;
        const claimed = await this.claim(room);
        for (const row of claimed) this.track(this.renderOne(row));
        if (claimed.length === room) this.again = true;
      } while (this.again && !this.closed);
    } catch (error) {
      if (!this.closed) this.logger.error(`claiming pending documents failed: ${(error as Error).message}`);
    } finally {
      this.draining = false;
    }
  }

  private async dueCount(): Promise<number> {
    const [{ n }] = await sql<{ n: number | string }>(
      this.db.reader,
      `SELECT COUNT(*) AS n FROM documents WHERE status = 'pending' AND next_attempt_at <= ?`,
      [this.clock.now().toISOString()],
    );
    return Number(n);
  }

  /** Takes up to `limit` due rows: one attempt each, leased until `now + leaseMs`. */
  private async claim(limit: number): Promise<DocumentRecord[]> {
    const now = this.clock.now();
    const lease = new Date(now.getTime() + this.settings.leaseMs).toISOString();
    const lock = this.db.isPostgres ? 'FOR UPDATE SKIP LOCKED' : '';
    const ids = await this.db.write(async (tx) =>
      returned<{ id: string }>(
        await sql(
          tx.em,
          `UPDATE documents SET attempts = attempts + 1, next_attempt_at = ?
           WHERE id IN (SELECT id FROM documents WHERE status = 'pending' AND next_attempt_at <= ?
                        ORDER BY next_attempt_at, id LIMIT ? ${lock})
           RETURNING id`,
          [lease, now.toISOString(), limit],
        ),
      ),
    );
    if (!ids.length) return [];
    const rows = await this.db.reader.find(DocumentRecord, { where: { id: In(ids.map((r) => r.id)) } });
    for (const row of rows) this.inFlight.add(row.id);
    return rows;
  }

  private track(rendering: Promise<void>): void {
    this.rendering.add(rendering);
    void rendering.finally(() => this.rendering.delete(rendering));
  }

  private async renderOne(row: DocumentRecord): Promise<void> {
    const path = relativePath(row);
    try {
      const result = await this.pool!.render({ data: renderInput(row), file: absolutePath(this.config.documentsDir, path) });
      await this.complete(row, path, result);
    } catch (error) {
      if (!this.closed) await this.fail(row, error).catch((e) => this.logger.error(`recording a render failure failed: ${(e as Error).message}`));
    } finally {
      this.inFlight.delete(row.id);
      this.kick();
    }
  }

  private async complete(row: DocumentRecord, path: string, r: RenderResult): Promise<void> {
    await this.db.write((tx) =>
      sql(
        tx.em,
        `UPDATE documents SET status = 'ready', sha256 = ?, template_version = ?, path = ?, pages = ?, size = ?,
                rendered_at = ?, next_attempt_at = NULL, last_error = NULL
         WHERE id = ? AND status = 'pending'`,
        [r.sha256, r.templateVersion, path, r.pages, r.size, this.clock.now().toISOString(), row.id],
      ),
    );
  }

  private async fail(row: DocumentRecord, error: unknown): Promise<void> {
    const reason = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
    // `attempts` was counted when the row was claimed.
    const [current] = await sql<{ attempts: number | string }>(this.db.reader, 'SELECT attempts FROM documents WHERE id = ?', [row.id]);
    const attempts = Number(current?.attempts ?? row.attempts + 1);
    const permanent = attempts >= this.settings.maxAttempts;
    const next = permanent ? null : new Date(this.clock.now().getTime() + retryDelay(this.settings, attempts)).toISOString();
    this.logger.warn(`文书 ${row.number} 第 ${attempts} 次生成失败${permanent ? '，不再重试' : ''}：${reason}`);
    await this.db.write((tx) =>
      sql(tx.em, `UPDATE documents SET status = ?, next_attempt_at = ?, last_error = ? WHERE id = ? AND status = 'pending'`, [
        permanent ? 'failed' : 'pending',
        next,
        reason,
        row.id,
      ]),
    );
  }
}
