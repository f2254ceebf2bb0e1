// 民转刑 records (R-T5): the township justice office over a mediated case, or the police who can read
// it, record that the dispute later became a criminal case. Read with the case (R-S1); audited.
import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { CasesService } from '../cases/cases.service';
import { ForbiddenError, ValidationError } from '../common/errors/domain.error';
import { uuidv7 } from '../common/ids';
import { Clock } from '../common/time/clock';
import { shanghaiDate, toShanghaiIso } from '../common/time/instant';
import { Database } from '../database/database';
import { sql } from '../database/sql';
import { CrimeEscalation } from './crime-escalation.entity';
import type { RecordEscalationDto } from './dto/record-escalation.dto';

/** The justice office of a township, or a county's police (who handle the criminal case). */
const mayRecord = (user: AuthUser) =>
  (user.actor.unit.kind === 'JO' && user.actor.roles.includes('justice-officer')) ||
  (user.actor.unit.kind === 'AG' && user.actor.unit.code.endsWith('-ag-police'));

@Injectable()
export class CrimeEscalations {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(CasesService) private readonly cases: CasesService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async record(user: AuthUser, caseId: string, dto: RecordEscalationDto) {
    const now = this.clock.now();
    if (dto.occurredOn > shanghaiDate(now.toISOString())) throw ValidationError.field('occurredOn', '发生日期不能晚于今天');
    return this.db.write(async (tx) => {
      const kase = await this.cases.loadVisible(tx.em, user, caseId);
      if (!mayRecord(user)) throw new ForbiddenError('民转刑情况由司法所或公安机关登记');
      // "Among mediated cases": the dispute must have been on some track of mediation.
      const segments = await sql(tx.em, 'SELECT 1 FROM case_segments WHERE case_id = ? LIMIT 1', [caseId]);
      if (!segments.length) throw ValidationError.field('id', '该案件尚未进入调解，不属于调解后的民转刑');
      if (dto.occurredOn < shanghaiDate(kase.acceptedAt)) throw ValidationError.field('occurredOn', '发生日期不能早于案件受理日期');
      const row = Object.assign(new CrimeEscalation(), {
        id: uuidv7(now.getTime()),
        caseId,
        occurredOn: dto.occurredOn,
        policeCaseNo: dto.policeCaseNo ?? null,
        description: dto.description,
        recordedBy: user.username,
        recordedUnitCode: user.actor.unit.code,
        recordedAt: now.toISOString(),
      });
      await tx.em.insert(CrimeEscalation, row);
      await this.audit.append(
        {
          actorUsername: user.username,
          actorUnitCode: user.actor.unit.code,
          action: 'case.escalation-to-crime',
          targetType: 'case',
          targetId: caseId,
          detail: { occurredOn: dto.occurredOn, policeCaseNo: dto.policeCaseNo ?? null },
        },
        tx.em,
        now,
      );
      return view(row);
    });
  }

  async list(user: AuthUser, caseId: string) {
    await this.cases.loadVisible(this.db.reader, user, caseId);
    const rows = await this.db.reader.find(CrimeEscalation, { where: { caseId }, order: { occurredOn: 'ASC', recordedAt: 'ASC' } });
    return { items: rows.map(view) };
  }
}

const view = (r: CrimeEscalation) => ({
  id: r.id,
  caseId: r.caseId,
  occurredOn: r.occurredOn,
  policeCaseNo: r.policeCaseNo,
  description: r.description,
  recordedBy: { username: r.recordedBy, unitCode: r.recordedUnitCode },
  recordedAt: toShanghaiIso(r.recordedAt),
});
