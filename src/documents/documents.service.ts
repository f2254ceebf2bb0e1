// Reading documents within the caller's jurisdiction (R-S1: exactly like their case) and recording
// their service (R-F3).
import { readFile } from 'node:fs/promises';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { visibleCases } from '../cases/jurisdiction';
import { DomainError, ForbiddenError, NotFoundError, ValidationError } from '../common/errors/domain.error';
import { uuidv7 } from '../common/ids';
import { Clock } from '../common/time/clock';
import { toShanghaiIso } from '../common/time/instant';
import { APP_CONFIG, type AppConfig } from '../config/app.config';
import { Database } from '../database/database';
import { handOffDocuments, seesHandOffOnly } from '../referrals/court-hand-off-view';
import { sql } from '../database/sql';
import { absolutePath } from './document-files';
import { DocumentServiceRecord } from './document-service.entity';
import { DocumentRecord } from './document.entity';
import { serviceMethods, type RecordServiceDto } from './dto/record-service.dto';

/** 409: the PDF is still being drawn (or failed); the list shows its status. */
class DocumentNotReadyError extends DomainError {
  override get status(): number {
    return 409;
  }
}

const at = (instant: string | null) => (instant ? toShanghaiIso(instant) : null);

@Injectable()
export class DocumentsService {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** GET /api/cases/:id/documents */
  async listForCase(user: AuthUser, caseId: string) {
    const em = this.db.reader;
    await this.assertCaseVisible(em, user, caseId);
    const all = await em.find(DocumentRecord, { where: { caseId }, order: { issuedAt: 'ASC', id: 'ASC' } });
    const rows = (await this.readsHandOffOnly(em, user, caseId)) ? handOffDocuments(all) : all;
    const services = rows.length ? await this.servicesOf(em, rows.map((r) => r.id)) : new Map();
    return rows.map((row) => this.view(row, services.get(row.id) ?? []));
  }

  /** GET /api/documents/:id */
  async get(user: AuthUser, id: string) {
    const row = await this.loadVisible(this.db.reader, user, id);
    return this.view(row, (await this.servicesOf(this.db.reader, [id])).get(id) ?? []);
  }

  /** GET /api/documents/:id/pdf — the stored bytes, checked against their hash (R-F2). */
  async pdf(user: AuthUser, id: string): Promise<{ bytes: Buffer; filename: string }> {
    const row = await this.loadVisible(this.db.reader, user, id);
    // Only seed:volume writes a document ready without a file: the record the statistics count, undrawn.
    if (row.status === 'ready' && !row.path) throw new DomainError('PDF_NOT_FOUND', '该文书是批量生成的演示记录（npm run seed:volume），没有 PDF 正文', { status: row.status });
    if (row.status !== 'ready' || !row.path) {
      throw new DocumentNotReadyError('DOCUMENT_NOT_READY', row.status === 'failed' ? `文书生成失败：${row.lastError ?? ''}` : '文书正在生成，请稍后再试', {
        status: row.status,
      });
    }
    const bytes = await readFile(absolutePath(this.config.documentsDir, row.path));
    return { bytes, filename: `${row.content?.title ?? row.kind}${row.number}.pdf` };
  }

  /** POST /api/documents/:id/service — by the issuing unit, which serves its own documents (R-F3). */
  async recordService(user: AuthUser, id: string, dto: RecordServiceDto) {
    const now = this.clock.now();
    const servedAt = new Date(dto.servedAt);
    if (servedAt.getTime() > now.getTime() + 60_000) throw ValidationError.field('servedAt', '送达时间不能晚于当前时间');
    if (dto.receiptSignedAt && Date.parse(dto.receiptSignedAt) < servedAt.getTime() - 60_000) {
      throw ValidationError.field('receiptSignedAt', '签收时间不能早于送达时间');
    }
    return this.db.write(async (tx) => {
      const row = await this.loadVisible(tx.em, user, id);
      if (row.issuingUnitCode !== user.actor.unit.code) throw new ForbiddenError('只有制发文书的单位可以登记送达情况');
      if (new Date(row.issuedAt).getTime() > servedAt.getTime() + 60_000) throw ValidationError.field('servedAt', '送达时间不能早于文书制发时间');
      const record = Object.assign(new DocumentServiceRecord(), {
        id: uuidv7(now.getTime()),
        documentId: id,
        method: dto.method,
        servedAt: servedAt.toISOString(),
        recipient: dto.recipient,
        address: dto.address ?? null,
        receiptSignedBy: dto.receiptSignedBy ?? null,
        receiptSignedAt: dto.receiptSignedAt ? new Date(dto.receiptSignedAt).toISOString() : null,
        receiptNote: dto.receiptNote ?? null,
        servedBy: user.username,
        servedByUnitCode: user.actor.unit.code,
        recordedAt: now.toISOString(),
      });
      await tx.em.insert(DocumentServiceRecord, record);
      await this.audit.append(
        {
          actorUsername: user.username,
          actorUnitCode: user.actor.unit.code,
          action: 'document.served',
          targetType: 'document',
          targetId: id,
          detail: { caseId: row.caseId, number: row.number, method: dto.method, recipient: dto.recipient },
        },
        tx.em,
        now,
      );
      return this.serviceView(record);
    });
  }

  private view(row: DocumentRecord, services: DocumentServiceRecord[]) {
    return {
      id: row.id,
      caseId: row.caseId,
      kind: row.kind,
      title: row.content?.title ?? row.kind,
      number: row.number,
      status: row.status,
      sha256: row.sha256,
      templateVersion: row.templateVersion,
      issuedAt: at(row.issuedAt),
      issuedBy: row.issuedBy,
      issuingUnitCode: row.issuingUnitCode,
      pages: row.pages,
      size: row.size,
      renderedAt: at(row.renderedAt),
      attempts: row.attempts,
      lastError: row.lastError,
      services: services.map((s) => this.serviceView(s)),
    };
  }

  private serviceView(s: DocumentServiceRecord) {
    return {
      id: s.id,
      method: s.method,
      methodLabel: serviceMethods[s.method],
      servedAt: at(s.servedAt),
      recipient: s.recipient,
      address: s.address,
      receipt: { signedBy: s.receiptSignedBy, signedAt: at(s.receiptSignedAt), note: s.receiptNote },
      servedBy: { username: s.servedBy, unitCode: s.servedByUnitCode },
      recordedAt: at(s.recordedAt),
    };
  }

  private async servicesOf(em: EntityManager, ids: string[]) {
    const rows = await em
      .createQueryBuilder(DocumentServiceRecord, 's')
      .where('s.documentId IN (:...ids)', { ids })
      .orderBy('s.servedAt', 'ASC')
      .getMany();
    const out = new Map<string, DocumentServiceRecord[]>();
    for (const r of rows) out.set(r.documentId, [...(out.get(r.documentId) ?? []), r]);
    return out;
  }

  private async assertCaseVisible(em: EntityManager, user: AuthUser, caseId: string): Promise<void> {
    const visible = visibleCases(user.actor);
    const rows = await sql(em, `SELECT c.id FROM cases c WHERE c.id = ? AND ${visible.sql}`, [caseId, ...visible.params]);
    if (!rows.length) {
      await this.logDenied(em, user, 'case', caseId);
      throw new NotFoundError('CASE', '案件', { id: caseId });
    }
  }

  /** A document is visible exactly when its case is (R-S1); otherwise DOCUMENT_NOT_FOUND, logged. */
  private async loadVisible(em: EntityManager, user: AuthUser, id: string): Promise<DocumentRecord> {
    const visible = visibleCases(user.actor, 'd.case_id');
    const rows = await sql<{ id: string }>(em, `SELECT d.id FROM documents d WHERE d.id = ? AND ${visible.sql}`, [id, ...visible.params]);
    let row = rows.length ? await em.findOne(DocumentRecord, { where: { id } }) : null;
    if (row && (await this.readsHandOffOnly(em, user, row.caseId))) {
      const siblings = await em.find(DocumentRecord, { where: { caseId: row.caseId }, select: { id: true, kind: true } });
      if (!handOffDocuments(siblings).some((d) => d.id === id)) row = null;
    }
    if (!row) {
      await this.logDenied(em, user, 'document', id);
      throw new NotFoundError('DOCUMENT', '文书', { id });
    }
    return row;
  }

  /** R-L5: the court that filed a case reads only the hand-off papers while mediators hold it. */
  private async readsHandOffOnly(em: EntityManager, user: AuthUser, caseId: string): Promise<boolean> {
    if (user.actor.unit.kind !== 'CT') return false;
    const [row] = await sql<{ source: string; accepting_unit_code: string; handling_unit_code: string }>(
      em,
      'SELECT source, accepting_unit_code, handling_unit_code FROM cases WHERE id = ?',
      [caseId],
    );
    return !!row && seesHandOffOnly(user.actor, { source: row.source, acceptingUnitCode: row.accepting_unit_code, handlingUnitCode: row.handling_unit_code });
  }

  private async logDenied(em: EntityManager, user: AuthUser, targetType: string, id: string): Promise<void> {
    const table = targetType === 'case' ? 'cases' : 'documents';
    const [exists] = await sql(em, `SELECT 1 AS x FROM ${table} WHERE id = ?`, [id]);
    if (!exists) return;
    void this.audit
      .append({ actorUsername: user.username, actorUnitCode: user.actor.unit.code, action: `${targetType}.access-denied`, targetType, targetId: id })
      .catch(() => undefined);
  }
}
