// R-S3: every transition and every read of personal data leaves a record — who, which unit, when,
// what — appended to a hash chain. Inside a transaction the record commits or rolls back with the
// change it describes. Reads are buffered briefly and appended in batches, off the request path.
import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/time/clock';
import { startOfShanghaiDay, toShanghaiIso } from '../common/time/instant';
import { Database } from '../database/database';
import { sql } from '../database/sql';
import type { Tx } from '../database/tx';
import { chainHash, genesisHash, type ChainedFields } from './audit-chain';
import type { AuditQuery } from './audit.query';

const nextDate = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export interface AuditEntry {
  actorUsername: string;
  actorUnitCode: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  detail?: Record<string, unknown>;
}

@Injectable()
export class AuditService implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Audit');
  private readonly pendingReads: { entry: AuditEntry; at: Date }[] = [];
  private flushTimer?: NodeJS.Timeout;
  private closing = false;

  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** Appends in the caller's transaction when given one, else in its own. */
  async append(entry: AuditEntry, em?: EntityManager, at = this.clock.now()): Promise<void> {
    if (em) return this.appendIn(em, entry, at);
    await this.db.write(({ em: tx }) => this.appendIn(tx, entry, at));
  }

  /** A read of personal data: recorded within a quarter second, without holding up the answer. */
  recordRead(entry: AuditEntry): void {
    this.pendingReads.push({ entry, at: this.clock.now() });
    if (this.pendingReads.length >= 200) void this.flushReads();
    else this.schedule(250);
  }

  async flushReads(): Promise<void> {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const batch = this.pendingReads.splice(0);
    if (!batch.length) return;
    try {
      await this.db.write(({ em }) => this.appendAll(em, batch));
    } catch (error) {
      if (this.closing) {
        this.logger.error(`${batch.length} read audit record(s) lost at shutdown: ${(error as Error).message}`);
        return;
      }
      this.pendingReads.unshift(...batch);
      this.logger.error(`read audit not yet written, will retry: ${(error as Error).message}`);
      this.schedule(1000);
    }
  }

  /** Before the database closes (its module shuts down after this hook), the buffer is written. */
  async beforeApplicationShutdown(): Promise<void> {
    this.closing = true;
    await this.flushReads();
  }

  private schedule(ms: number): void {
    if (this.closing || this.flushTimer) return;
    // unref: a pending flush never keeps a stopping process alive.
    this.flushTimer = setTimeout(() => void this.flushReads(), ms).unref();
  }

  /** The trail for the audit administrator, newest first. */
  async search(query: AuditQuery) {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (clause: string, value: unknown) => {
      where.push(clause);
      params.push(value);
    };
    if (query.actor) add('actor_username = ?', query.actor);
    if (query.action) add('action = ?', query.action);
    if (query.targetId) add('target_id = ?', query.targetId);
    if (query.from) add('at >= ?', startOfShanghaiDay(query.from));
    if (query.to) add('at < ?', startOfShanghaiDay(nextDate(query.to)));
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await sql<{ total: number }>(this.db.reader, `SELECT COUNT(*) AS total FROM audit_records ${whereSql}`, params);
    const rows = await sql<Record<string, any>>(
      this.db.reader,
      `SELECT * FROM audit_records ${whereSql} ORDER BY seq DESC LIMIT ? OFFSET ?`,
      [...params, pageSize, (page - 1) * pageSize],
    );
    const items = rows.map((r) => ({
      seq: Number(r.seq),
      at: toShanghaiIso(r.at),
      actor: { username: r.actor_username, unitCode: r.actor_unit_code },
      action: r.action,
      target: { type: r.target_type, id: r.target_id },
      detail: r.detail ? JSON.parse(r.detail) : null,
      hash: r.hash,
    }));
    return { items, total: Number(total), page, pageSize };
  }

  /** In the caller's transaction; put off to the end of it when the transaction collects its writes. */
  async appendTx(tx: Tx, entry: AuditEntry, at: Date): Promise<void> {
    if (tx.batch) tx.batch.defer('audit', { entry, at }, (em, items) => this.appendAll(em, items));
    else await this.appendIn(tx.em, entry, at);
  }

  private appendIn(em: EntityManager, entry: AuditEntry, at: Date): Promise<void> {
    return this.appendAll(em, [{ entry, at }]);
  }

  /** Chains the entries onto the head in their order: one head read, one multi-row insert, one head update. */
  private async appendAll(em: EntityManager, items: { entry: AuditEntry; at: Date }[]): Promise<void> {
    if (!items.length) return;
    // The head row is locked until commit: appends from every instance form one chain.
    const lock = this.db.isPostgres ? ' FOR UPDATE' : '';
    const [head] = await sql<{ last_seq: number; last_hash: string }>(em, `SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1${lock}`);
    let seq = Number(head?.last_seq ?? 0);
    let prevHash = head?.last_hash ?? genesisHash;
    const rows: unknown[][] = [];
    for (const { entry, at } of items) {
      const record: ChainedFields = {
        seq: ++seq,
        at: at.toISOString(),
        actorUsername: entry.actorUsername,
        actorUnitCode: entry.actorUnitCode,
        action: entry.action,
        targetType: entry.targetType,
        targetId: entry.targetId,
        detail: entry.detail ?? null,
      };
      const hash = chainHash(prevHash, record);
      rows.push([record.seq, record.at, record.actorUsername, record.actorUnitCode, record.action, record.targetType, record.targetId, record.detail === null ? null : JSON.stringify(record.detail), prevHash, hash]);
      prevHash = hash;
    }
    for (let i = 0; i < rows.length; i += 2000) {
      const chunk = rows.slice(i, i + 2000);
      await sql(
        em,
        `INSERT INTO audit_records (seq, at, actor_username, actor_unit_code, action, target_type, target_id, detail, prev_hash, hash)
         VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        chunk.flat(),
      );
    }
    await sql(em, 'UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1', [seq, prevHash]);
  }
}
