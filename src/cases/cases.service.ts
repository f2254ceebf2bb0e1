// Registering cases, sending them events, and reading them within the caller's jurisdiction.
// Rules live in the statechart; this service loads, persists and answers.
import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import type { Actor, CaseEventType, CaseInput, EventPayload, RiskLevel } from '../../workflows/case';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { DomainError, ForbiddenError, NotFoundError, ValidationError } from '../common/errors/domain.error';
import { fieldCipher } from '../common/crypto/field-cipher';
import { uuidv7 } from '../common/ids';
import { yuanToFen } from '../common/money';
import { Clock } from '../common/time/clock';
import { shanghaiDate, startOfShanghaiDay, toShanghaiIso } from '../common/time/instant';
import { validateInto } from '../common/validation/validate';
import { APP_CONFIG, type AppConfig } from '../config/app.config';
import { Database } from '../database/database';
import { nextNumber } from '../database/number-sequences';
import { selectAs } from '../database/hydrate';
import { sql } from '../database/sql';
import { unitTaskClock } from '../deadlines/clock-labels';
import type { Tx } from '../database/tx';
import { OrgsService, toUnitRef } from '../orgs/orgs.service';
import { isHandOffTransition, seesHandOffOnly } from '../referrals/court-hand-off-view';
import { IdempotencyKey } from '../workflow-engine/idempotency-key.entity';
import { WorkflowEngine } from '../workflow-engine/workflow-engine';
import { CaseTransition } from './case-transition.entity';
import { readCaseWithRelated } from './case-related';
import { CaseViews } from './case-view';
import { CaseRecord } from './case.entity';
import { caseNumberScope, formatCaseNumber } from './case-number';
import { currentCatalogVersion, currentDisputeTypes } from './catalog/dispute-types';
import { eventDtos } from './dto/event.dtos';
import type { IntakeDto } from './dto/intake.dto';
import type { ListCasesQuery } from './dto/list-cases.query';
import { priorAcceptanceRefusal } from './intake-rules';
import { caseListScope, visibleCases } from './jurisdiction';
import { Party } from './party.entity';
import { PreventionFlag } from './prevention-flag.entity';

export interface SendOptions {
  ifMatch?: number;
  idempotencyKey?: string;
}

const intakeRoles = ['village-mediator', 'township-mediator', 'justice-officer'];

/** The facts a case is registered with (IntakeDto and the referral and screening intakes). */
export type NewCase = Pick<
  IntakeDto,
  'parties' | 'disputeType' | 'disputeSubtype' | 'source' | 'workOrderNo' | 'riskLevel' | 'amountInvolved' | 'summary' | 'place' | 'peopleInvolved' | 'preventionFlags'
>;

export interface NewCaseOptions {
  /** A case number the referrer gave (e.g. a court's pre-filing number) instead of the unit's own. */
  caseNo?: string;
  /** More statechart input, given the parties as inserted (their ids). */
  input?: (parties: Party[]) => Partial<CaseInput>;
}

export const isUniqueViolation = (error: unknown) => {
  const e = error as { code?: string; driverError?: { code?: string } };
  const code = e?.driverError?.code ?? e?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
};

@Injectable()
export class CasesService {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(WorkflowEngine) private readonly engine: WorkflowEngine,
    @Inject(CaseViews) private readonly views: CaseViews,
    @Inject(OrgsService) private readonly orgs: OrgsService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** 受理登记 (R-P1). Answers `created: false` with the existing case for a repeated work order (R-C2). */
  async register(user: AuthUser, dto: IntakeDto) {
    const { actor } = user;
    if (!['MC', 'JO'].includes(actor.unit.kind) || !actor.roles.some((r) => intakeRoles.includes(r))) {
      throw new ForbiddenError('只有调委会或司法所可以受理登记人民调解案件');
    }
    const refusal = priorAcceptanceRefusal(dto.priorAcceptance);
    if (refusal) throw new DomainError('RULE_VIOLATED', refusal.message, { rule: refusal.rule });
    this.checkSubtype(dto);
    const now = this.clock.now();
    const acceptedAt = dto.acceptedAt ? new Date(dto.acceptedAt) : now;
    if (acceptedAt.getTime() > now.getTime() + 60_000) throw ValidationError.field('acceptedAt', '受理时间不能晚于当前时间');

    if (dto.workOrderNo) {
      const existing = await this.existingWorkOrder(dto.source, dto.workOrderNo, user);
      if (existing) return existing;
    }
    try {
      return await this.db.write(async (tx) => {
        const { row, snapshot } = await this.insertCase(tx, actor, dto, acceptedAt, now);
        return { created: true, case: await this.views.full(tx.em, row, snapshot, actor, now) };
      });
    } catch (error) {
      if (dto.workOrderNo && isUniqueViolation(error)) {
        const existing = await this.existingWorkOrder(dto.source, dto.workOrderNo, user);
        if (existing) return existing;
      }
      throw error;
    }
  }

  /**
   * Inserts the parties, prevention flags and case row and starts the statechart, inside the
   * caller's transaction. Intake, court and petition referrals and screening rounds all register
   * through here; a referral brings its own case number and statechart input.
   */
  async insertCase(tx: Tx, actor: Actor, dto: NewCase, acceptedAt: Date, now: Date, options: NewCaseOptions = {}) {
    const unit = await this.orgs.get(actor.unit.code);
    const year = Number(shanghaiDate(acceptedAt).slice(0, 4));
    const caseId = uuidv7(now.getTime());
    const parties = dto.parties.map((p, i) =>
      Object.assign(new Party(), {
        id: uuidv7(now.getTime()),
        caseId,
        seq: i + 1,
        role: p.role,
        kind: p.kind,
        name: p.name,
        gender: p.kind === 'person' ? p.gender : null,
        ethnicity: p.ethnicity ?? null,
        birthDate: p.birthDate ?? (p.idNumber ? `${p.idNumber.slice(6, 10)}-${p.idNumber.slice(10, 12)}-${p.idNumber.slice(12, 14)}` : null),
        idNumber: p.idNumber ?? null,
        idNumberHash: p.idNumber ? fieldCipher().hash(p.idNumber) : null,
        phone: p.phone ?? null,
        address: p.address ?? null,
        creditCode: p.kind === 'organisation' ? p.creditCode : null,
        legalRepresentative: p.kind === 'organisation' ? p.legalRepresentative : null,
        agent: p.agent ? { ...p.agent } : null,
      }),
    );
    const row = Object.assign(new CaseRecord(), {
      id: caseId,
      caseNo: options.caseNo ?? formatCaseNumber(year, unit, await nextNumber(tx.em, caseNumberScope(unit.code, year))),
      acceptingUnitCode: unit.code,
      disputeType: dto.disputeType,
      disputeSubtype: dto.disputeSubtype ?? null,
      catalogVersion: currentCatalogVersion,
      source: dto.source,
      workOrderNo: dto.workOrderNo ?? null,
      riskLevel: dto.riskLevel,
      amountFen: dto.amountInvolved ? yuanToFen(dto.amountInvolved) : null,
      summary: dto.summary,
      place: dto.place ?? null,
      peopleInvolved: dto.peopleInvolved ?? null,
      acceptedAt: acceptedAt.toISOString(),
      createdBy: actor.username,
    });
    // Parties first: the registration form issued by the initial transition lists them.
    await tx.em.insert(Party, parties);
    if (dto.preventionFlags?.length) {
      await tx.em.insert(PreventionFlag, dto.preventionFlags.map((f) => ({ caseId, kind: f.kind, people: f.people })));
    }
    const input: CaseInput = {
      caseId,
      parties: parties.map((p) => ({ id: p.id, name: p.name })),
      acceptingUnit: toUnitRef(unit),
      acceptedAt: acceptedAt.toISOString(),
      policy: { ...this.config.mediation },
      // R-V4: the statechart reports a red-risk case at once.
      riskLevel: dto.riskLevel as RiskLevel,
      ...options.input?.(parties),
    };
    const { snapshot } = await this.engine.start(tx, row, input, actor, now);
    return { row, snapshot, parties };
  }

  /** Sends one event to a case (POST /api/cases/:id/events). */
  async send(user: AuthUser, caseId: string, body: unknown, options: SendOptions) {
    const payload = this.parseEvent(body);
    const requestHash = createHash('sha256').update(JSON.stringify({ caseId, body })).digest('hex');
    if (options.idempotencyKey) {
      const replay = await this.replay(this.db.reader, user, options.idempotencyKey, requestHash);
      if (replay) return replay;
    }
    const now = this.clock.now();
    try {
      return await this.db.write(async (tx) => {
        const row = await this.loadVisible(tx.em, user, caseId, { forUpdate: true });
        if (options.ifMatch !== undefined && options.ifMatch !== row.version) {
          throw new DomainError('VERSION_CONFLICT', '案件已被他人更新，请刷新后重试', { currentVersion: row.version });
        }
        const { row: updated, snapshot } = await this.engine.apply(tx, row, payload, user.actor, now);
        const view = await this.views.full(tx.em, updated, snapshot, user.actor, now);
        if (options.idempotencyKey) {
          await tx.em.insert(IdempotencyKey, {
            userId: user.id,
            key: options.idempotencyKey,
            requestHash,
            status: 200,
            body: JSON.stringify(view),
            createdAt: now.toISOString(),
          });
        }
        return view;
      });
    } catch (error) {
      if (options.idempotencyKey && isUniqueViolation(error)) {
        const replay = await this.replay(this.db.reader, user, options.idempotencyKey, requestHash);
        if (replay) return replay;
      }
      throw error;
    }
  }

  async get(user: AuthUser, caseId: string, reveal = false) {
    const em = this.db.reader;
    const visible = visibleCases(user.actor);
    const found = await readCaseWithRelated(em, `c.id = ? AND ${visible.sql}`, [caseId, ...visible.params]);
    if (!found) return this.notVisible(em, user, caseId);
    if (reveal) await this.authorizeReveal(user, found.row);
    // R-S3: a case shows its parties' personal data; the read is recorded (off the request path).
    this.audit.recordRead({ actorUsername: user.username, actorUnitCode: user.actor.unit.code, action: 'read.case', targetType: 'case', targetId: found.row.id });
    return this.views.full(em, found.row, this.engine.restore(found.row), user.actor, this.clock.now(), reveal, found.related);
  }

  async history(user: AuthUser, caseId: string) {
    const row = await this.loadVisible(this.db.reader, user, caseId);
    const rows = await this.db.reader.find(CaseTransition, { where: { caseId }, order: { version: 'ASC' } });
    // R-L5: a referring court reads the hand-off steps only while the mediators hold the case.
    const shown = seesHandOffOnly(user.actor, row) ? rows.filter((t) => isHandOffTransition(user.actor.unit.code, t)) : rows;
    return shown.map((t) => ({
      version: t.version,
      at: toShanghaiIso(t.at),
      actor: { username: t.actorUsername, unitCode: t.actorUnitCode },
      event: t.event,
      from: t.fromState,
      to: t.toState,
      payload: t.payload,
    }));
  }

  async list(user: AuthUser, query: ListCasesQuery) {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (clause: string, ...values: unknown[]) => {
      where.push(clause);
      params.push(...values);
    };
    const prefixOf = (state: string) => [state, `${state}.%`] as const;
    if (query.state) add('(c.state = ? OR c.state LIKE ?)', ...prefixOf(query.state));
    if (query.track) add('(c.state = ? OR c.state LIKE ?)', ...prefixOf(query.track));
    if (query.disputeType) add('c.dispute_type = ?', query.disputeType);
    if (query.unit) add('c.handling_unit_code = ?', query.unit);
    if (query.risk) add('c.risk_level = ?', query.risk);
    if (query['accepted-from']) add('c.accepted_at >= ?', startOfShanghaiDay(query['accepted-from']));
    if (query['accepted-to']) add('c.accepted_at < ?', startOfShanghaiDay(nextDay(query['accepted-to'])));
    if (query.overdue !== undefined) {
      const overdue = `EXISTS (SELECT 1 FROM clocks k WHERE k.case_id = c.id AND k.status = 'running' AND k.due_at <= ? AND ${unitTaskClock('k')})`;
      add(query.overdue ? overdue : `NOT ${overdue}`, this.clock.now().toISOString());
    }
    if (query.q && /^\d{17}[\dXx]$/.test(query.q)) {
      // An ID number is found by its keyed hash: the stored value is encrypted (R-S2).
      add('EXISTS (SELECT 1 FROM parties p WHERE p.case_id = c.id AND p.id_number_hash = ?)', fieldCipher().hash(query.q));
    } else if (query.q) {
      const like = `%${query.q.replace(/[%_]/g, '')}%`;
      add('(c.case_no LIKE ? OR c.summary LIKE ? OR EXISTS (SELECT 1 FROM parties p WHERE p.case_id = c.id AND p.name LIKE ?))', like, like, like);
    }
    const em = this.db.reader;
    const count = async (text: string, values: unknown[]) => Number((await sql<{ n: number | string }>(em, text, values))[0].n);
    const { scope, visible } = await caseListScope(count, user.actor, {
      filtered: where.length > 0,
      setLimit: this.config.caseListSetLimit,
      postgres: this.db.isPostgres,
    });
    const whereSql = [scope.sql, ...where].join(' AND ');
    const scoped = [...scope.params, ...params];
    const total = where.length === 0 && visible !== undefined ? visible : await count(`SELECT COUNT(*) AS n FROM cases c WHERE ${whereSql}`, scoped);
    const ids = await sql<{ id: string }>(
      em,
      `SELECT c.id FROM cases c WHERE ${whereSql} ORDER BY c.accepted_at DESC, c.id DESC LIMIT ? OFFSET ?`,
      [...scoped, pageSize, (page - 1) * pageSize],
    );
    const rows = ids.length ? await em.findBy(CaseRecord, { id: In(ids.map((r) => r.id)) }) : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    const parties = ids.length
      ? await em.createQueryBuilder(Party, 'p').where('p.caseId IN (:...ids)', { ids: ids.map((r) => r.id) }).orderBy('p.seq').getMany()
      : [];
    const items = ids.map(({ id }) => {
      const row = byId.get(id)!;
      return this.views.summary(row, parties.filter((p) => p.caseId === id));
    });
    if (items.length) {
      this.audit.recordRead({
        actorUsername: user.username,
        actorUnitCode: user.actor.unit.code,
        action: 'read.cases',
        targetType: 'case',
        targetId: null,
        detail: { cases: items.map((i) => i.id) },
      });
    }
    return { items, total, page, pageSize };
  }

  /** The case if the caller may read it (R-S1); otherwise CASE_NOT_FOUND, and the attempt is logged. */
  async loadVisible(em: EntityManager, user: AuthUser, caseId: string, { forUpdate = false } = {}): Promise<CaseRecord> {
    const visible = visibleCases(user.actor);
    // On PostgreSQL, events on one case queue behind each other, so the later one is judged
    // against the state the earlier one left (SQLite's single writer already does this).
    const lock = forUpdate && this.db.isPostgres ? ' FOR UPDATE OF c' : '';
    const [row] = await selectAs(em, CaseRecord, `SELECT c.* FROM cases c WHERE c.id = ? AND ${visible.sql}${lock}`, [caseId, ...visible.params]);
    return row ?? this.notVisible(em, user, caseId);
  }

  /** CASE_NOT_FOUND for a case the caller may not read — or that does not exist; an attempt on a real one is logged. */
  private async notVisible(em: EntityManager, user: AuthUser, caseId: string): Promise<never> {
    if ((await sql(em, 'SELECT 1 FROM cases WHERE id = ?', [caseId])).length) {
      void this.audit.append({
        actorUsername: user.username,
        actorUnitCode: user.actor.unit.code,
        action: 'case.access-denied',
        targetType: 'case',
        targetId: caseId,
      });
    }
    throw new NotFoundError('CASE', '案件', { id: caseId });
  }

  /** Full ID numbers and phones only for the units that mediate the case, each reveal audited (R-S2). */
  private async authorizeReveal(user: AuthUser, row: CaseRecord): Promise<void> {
    const { actor } = user;
    const mediates = [row.handlingUnitCode, row.acceptingUnitCode].includes(actor.unit.code);
    const role = actor.roles.some((r) => ['village-mediator', 'township-mediator', 'justice-officer', 'agency-mediator', 'court-clerk'].includes(r));
    if (!mediates || !role) throw new ForbiddenError('只有承办本案的调解人员可以查看完整的身份证号码和电话');
    await this.audit.append({
      actorUsername: user.username,
      actorUnitCode: actor.unit.code,
      action: 'case.reveal-personal-data',
      targetType: 'case',
      targetId: row.id,
    });
  }

  private parseEvent(body: unknown): EventPayload {
    const type = (body as { type?: unknown } | null)?.type;
    const dtoClass = typeof type === 'string' ? eventDtos[type as CaseEventType] : undefined;
    if (!dtoClass) {
      throw ValidationError.field('type', `未知的事件类型，可选：${Object.keys(eventDtos).join('、')}`);
    }
    const { amount, ...rest } = validateInto(dtoClass, body) as unknown as Record<string, unknown>;
    return (typeof amount === 'string' ? { ...rest, amountFen: yuanToFen(amount) } : rest) as unknown as EventPayload;
  }

  private async replay(em: EntityManager, user: AuthUser, key: string, requestHash: string) {
    const prior = await em.findOne(IdempotencyKey, { where: { userId: user.id, key } });
    if (!prior) return null;
    if (prior.requestHash !== requestHash) {
      throw new DomainError('IDEMPOTENCY_KEY_REUSED', '该幂等键已用于另一个请求', { key });
    }
    return JSON.parse(prior.body);
  }

  private async existingWorkOrder(source: string, workOrderNo: string, user: AuthUser) {
    const row = await this.db.reader.findOne(CaseRecord, { where: { source, workOrderNo } });
    if (!row) return null;
    const visible = await sql(this.db.reader, `SELECT 1 FROM cases c WHERE c.id = ? AND ${visibleCases(user.actor).sql}`, [row.id, ...visibleCases(user.actor).params]);
    if (!visible.length) {
      throw new DomainError('DUPLICATE', `工单 ${workOrderNo} 已由其他单位登记为案件 ${row.caseNo}`, { caseNo: row.caseNo });
    }
    return { created: false, case: await this.get(user, row.id) };
  }

  private checkSubtype(dto: IntakeDto): void {
    if (!dto.disputeSubtype) return;
    const type = currentDisputeTypes.find((t) => t.code === dto.disputeType);
    if (!type?.subtypes?.[dto.disputeSubtype]) {
      const allowed = type?.subtypes ? Object.keys(type.subtypes).join('、') : '（该类型无细类）';
      throw ValidationError.field('disputeSubtype', `细类无效，可选：${allowed}`);
    }
  }
}

const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
