// The two intakes that start a case outside the mediation system: a basic court's filing
// application (§7) and a petition office's petition (§8). Each case starts in the referrer's
// hands; the statechart takes it from there.
import { Inject, Injectable } from '@nestjs/common';
import { petitionExclusion, type CaseInput } from '../../workflows/case';
import type { AuthUser } from '../auth/auth-user';
import { CaseViews } from '../cases/case-view';
import { CasesService } from '../cases/cases.service';
import type { Party } from '../cases/party.entity';
import { DomainError, ForbiddenError, ValidationError } from '../common/errors/domain.error';
import { Clock } from '../common/time/clock';
import { shanghaiDate } from '../common/time/instant';
import { APP_CONFIG, type AppConfig } from '../config/app.config';
import { Database } from '../database/database';
import { nextNumber } from '../database/number-sequences';
import { OrgsService, toUnitRef } from '../orgs/orgs.service';
import type { CourtFilingDto, PetitionReferralDto } from './dto/referral-intake.dto';
import { formatPetitionCaseNumber, formatPreFilingNumber, petitionCaseScope, preFilingScope } from './referral-numbers';

@Injectable()
export class ReferralIntake {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(CasesService) private readonly cases: CasesService,
    @Inject(CaseViews) private readonly views: CaseViews,
    @Inject(OrgsService) private readonly orgs: OrgsService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** 立案申请: the court's pre-filing case, numbered (2026)冀0606民诉前调12号, awaiting the parties' consents (R-L1). */
  async fileAtCourt(user: AuthUser, dto: CourtFilingDto) {
    const { actor } = user;
    if (actor.unit.kind !== 'CT' || actor.unit.tier !== 'county' || !actor.roles.includes('court-clerk')) {
      throw new ForbiddenError('只有基层人民法院可以登记诉前委派调解的立案申请');
    }
    const now = this.clock.now();
    const receivedAt = this.notInFuture('receivedAt', dto.receivedAt, now);
    await this.checkDivisions({
      ...Object.fromEntries(dto.parties.map((p, i) => [`parties.${i}.residenceDivisionCode`, p.residenceDivisionCode])),
      disputeDivisionCode: dto.disputeDivisionCode,
    });
    return this.db.write(async (tx) => {
      const court = await this.orgs.get(actor.unit.code);
      const year = Number(shanghaiDate(receivedAt).slice(0, 4));
      const preFilingNo = formatPreFilingNumber(year, court, await nextNumber(tx.em, preFilingScope(court.code, year)));
      const input = (parties: Party[]): Partial<CaseInput> => ({
        // R-L3: the court-referral period, configured apart from ordinary people's mediation.
        policy: { ...this.config.courtReferral },
        courtReferral: {
          court: toUnitRef(court),
          preFilingNo,
          receivedAt: receivedAt.toISOString(),
          claims: dto.claims,
          residences: Object.fromEntries(
            dto.parties.flatMap((p, i) => (p.residenceDivisionCode ? [[parties[i].id, p.residenceDivisionCode]] : [])),
          ),
          ...(dto.disputeDivisionCode
            ? { disputePlace: { divisionCode: dto.disputeDivisionCode, ...(dto.disputePlace ? { description: dto.disputePlace } : {}) } }
            : {}),
        },
      });
      const { row, snapshot } = await this.cases.insertCase(
        tx,
        actor,
        { ...dto, source: 'court-referral', place: dto.disputePlace },
        receivedAt,
        now,
        { caseNo: preFilingNo, input },
      );
      return this.views.full(tx.em, row, snapshot, actor, now);
    });
  }

  /** A petition registered for referral (R-V1): excluded kinds are refused here, with the rule. */
  async receivePetition(user: AuthUser, dto: PetitionReferralDto) {
    const { actor } = user;
    if (actor.unit.kind !== 'PO' || !actor.roles.includes('petition-officer')) {
      throw new ForbiddenError('只有信访部门可以登记访调对接事项');
    }
    const exclusion = petitionExclusion(dto.nature);
    if (exclusion) throw new DomainError('RULE_VIOLATED', exclusion.message, { rule: exclusion.rule });
    const now = this.clock.now();
    const receivedAt = this.notInFuture('receivedAt', dto.receivedAt, now);
    return this.db.write(async (tx) => {
      const office = await this.orgs.get(actor.unit.code);
      const year = Number(shanghaiDate(receivedAt).slice(0, 4));
      const caseNo = formatPetitionCaseNumber(year, office, await nextNumber(tx.em, petitionCaseScope(office.code, year)));
      const { row, snapshot } = await this.cases.insertCase(tx, actor, { ...dto, source: 'petition-transfer' }, receivedAt, now, {
        caseNo,
        input: () => ({
          petitionReferral: {
            office: toUnitRef(office),
            receivedAt: receivedAt.toISOString(),
            ...(dto.petitionNo ? { petitionNo: dto.petitionNo } : {}),
          },
        }),
      });
      return this.views.full(tx.em, row, snapshot, actor, now);
    });
  }

  private notInFuture(field: string, value: string | undefined, now: Date): Date {
    const at = value ? new Date(value) : now;
    if (at.getTime() > now.getTime() + 60_000) throw ValidationError.field(field, '时间不能晚于当前时间');
    return at;
  }

  /** R-L2 is checked against these codes later, so each must name a real township or village. */
  private async checkDivisions(codes: Record<string, string | undefined>): Promise<void> {
    const given = Object.entries(codes).filter((entry): entry is [string, string] => !!entry[1]);
    const known = new Set((await this.orgs.divisions([...new Set(given.map(([, code]) => code))])).map((d) => d.code));
    const unknown = given.filter(([, code]) => !known.has(code));
    if (unknown.length) {
      throw new ValidationError(Object.fromEntries(unknown.map(([path]) => [path, ['行政区划代码不存在']])));
    }
  }
}
