// Messages to a unit (R-D3 reminders and the like). Delivery happens inside the caller's
// transaction and is idempotent by key, so a retried sweep never delivers twice.
import { Inject, Injectable } from '@nestjs/common';
import { IsNull, type EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { NotFoundError } from '../common/errors/domain.error';
import { uuidv7 } from '../common/ids';
import { Clock } from '../common/time/clock';
import { toShanghaiIso } from '../common/time/instant';
import { Database } from '../database/database';
import { sql } from '../database/sql';
import type { ListInboxQuery } from './dto/list-inbox.query';
import { InboxMessage } from './inbox-message.entity';

export interface Delivery {
  unitCode: string;
  kind: string;
  caseId?: string;
  subject: string;
  body: string;
  dedupeKey: string;
}

@Injectable()
export class InboxService {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** Puts a message in a unit's inbox unless one with the same key is already there; true if delivered. */
  async deliver(em: EntityManager, message: Delivery, at: Date): Promise<boolean> {
    const rows = await sql(
      em,
      `INSERT INTO inbox_messages (id, unit_code, kind, case_id, subject, body, dedupe_key, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [uuidv7(at.getTime()), message.unitCode, message.kind, message.caseId ?? null, message.subject.slice(0, 200), message.body, message.dedupeKey, at.toISOString()],
    );
    return rows.length === 1;
  }

  /** The caller's unit's messages, newest first. */
  async list(user: AuthUser, query: ListInboxQuery) {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const unit = user.actor.unit.code;
    const em = this.db.reader;
    const [counts] = await sql<{ total: number | string; unread: number | string }>(
      em,
      `SELECT COUNT(*) AS total, COALESCE(SUM(CASE WHEN read_at IS NULL THEN 1 ELSE 0 END), 0) AS unread FROM inbox_messages WHERE unit_code = ?`,
      [unit],
    );
    const rows = await em.find(InboxMessage, {
      where: { unitCode: unit, ...(query.unread === true ? { readAt: IsNull() } : {}) },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: pageSize,
      skip: (page - 1) * pageSize,
    });
    return {
      unit: { code: unit, name: user.actor.unit.name },
      items: rows.map(view),
      total: Number(query.unread === true ? counts.unread : counts.total),
      unread: Number(counts.unread),
      page,
      pageSize,
    };
  }

  /** Marks one of the unit's messages read (the first reader is kept). */
  async markRead(user: AuthUser, id: string) {
    const unit = user.actor.unit.code;
    const now = this.clock.now().toISOString();
    return this.db.write(async ({ em }) => {
      await sql(em, 'UPDATE inbox_messages SET read_at = ?, read_by = ? WHERE id = ? AND unit_code = ? AND read_at IS NULL', [now, user.username, id, unit]);
      const row = await em.findOne(InboxMessage, { where: { id, unitCode: unit } });
      if (!row) throw new NotFoundError('INBOX_MESSAGE', '消息', { id });
      return view(row);
    });
  }
}

const view = (m: InboxMessage) => ({
  id: m.id,
  kind: m.kind,
  caseId: m.caseId,
  subject: m.subject,
  body: m.body,
  createdAt: toShanghaiIso(m.createdAt),
  readAt: m.readAt ? toShanghaiIso(m.readAt) : null,
  readBy: m.readBy,
});
