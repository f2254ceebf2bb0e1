// R-S3: every transition and every read of personal data leaves a record. Inside a transaction the
// record commits or rolls back with the change it describes.
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/time/clock';
import { Database } from '../database/database';
import { insertRow } from '../database/hydrate';
import { AuditRecord } from './audit-record.entity';

export interface AuditEntry {
  actorUsername: string;
  actorUnitCode: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  detail?: Record<string, unknown>;
}

@Injectable()
export class AuditService {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** Appends in the caller's transaction when given one, else in its own. */
  async append(entry: AuditEntry, em?: EntityManager, at = this.clock.now()): Promise<void> {
    const row: Partial<AuditRecord> = { ...entry, detail: entry.detail ?? null, at: at.toISOString() };
    if (em) {
      await insertRow(em, AuditRecord, row);
      return;
    }
    await this.db.write(({ em: tx }) => insertRow(tx, AuditRecord, row));
  }
}
