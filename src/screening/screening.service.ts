// R-V4 screening 排查: every village committee reports a round each month (each week where an
// administrator configured it), a zero report when nothing was found. Each dispute found is
// registered as a case of the committee with the source 主动调解（排查）, in the same transaction
// as the round; a red-risk find is reported at once by the statechart (see ./risk-reporter.ts).
import { Inject, Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { focusDisputeTypes } from '../cases/catalog/dispute-types';
import { CasesService, isUniqueViolation } from '../cases/cases.service';
import { DomainError, ForbiddenError, NotFoundError, ValidationError } from '../common/errors/domain.error';
import { uuidv7 } from '../common/ids';
import { Clock } from '../common/time/clock';
import { shanghaiDate, toShanghaiIso } from '../common/time/instant';
import { Database } from '../database/database';
import { sql } from '../database/sql';
import { OrgsService } from '../orgs/orgs.service';
import { subtreePrefix } from '../orgs/unit-codes';
import type { ScreeningFrequencyDto, ScreeningRoundDto } from './dto/screening.dto';
import { divisionLineage, frequencyOfPeriod, periodStart } from './screening-period';
import { ScreeningFind, ScreeningFrequencySetting, ScreeningRound, type ScreeningFrequency } from './screening-round.entity';

const screeningRoles = ['village-mediator', 'township-mediator'];
const frequencyName: Record<ScreeningFrequency, string> = { monthly: '每月', weekly: '每周' };

@Injectable()
export class ScreeningService {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(CasesService) private readonly cases: CasesService,
    @Inject(OrgsService) private readonly orgs: OrgsService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** Reports the caller's committee's round for a period; findings become cases. */
  async report(user: AuthUser, dto: ScreeningRoundDto) {
    const { actor } = user;
    if (actor.unit.kind !== 'MC' || !actor.roles.some((r) => screeningRoles.includes(r))) {
      throw new ForbiddenError('只有调委会报送矛盾纠纷排查情况');
    }
    const now = this.clock.now();
    const frequency = await this.frequencyFor(actor.unit.divisionCode);
    this.checkPeriod(dto.period, frequency, now);
    const findings = dto.findings ?? [];
    try {
      return await this.db.write(async (tx) => {
        const existing = await tx.em.findOne(ScreeningRound, { where: { unitCode: actor.unit.code, period: dto.period } });
        if (existing) throw this.duplicate(dto.period);
        const round = Object.assign(new ScreeningRound(), {
          id: uuidv7(now.getTime()),
          unitCode: actor.unit.code,
          divisionCode: actor.unit.divisionCode,
          period: dto.period,
          frequency,
          disputesFound: findings.length,
          note: dto.note ?? null,
          reportedAt: now.toISOString(),
          reportedBy: actor.username,
        });
        await tx.em.insert(ScreeningRound, round);
        const found = [];
        for (const [i, finding] of findings.entries()) {
          const { row } = await this.cases.insertCase(tx, actor, { ...finding, source: 'screening' }, now, now);
          await tx.em.insert(ScreeningFind, { roundId: round.id, seq: i + 1, caseId: row.id });
          found.push({ caseId: row.id, caseNo: row.caseNo, disputeType: row.disputeType, riskLevel: row.riskLevel });
        }
        return this.view(round, found);
      });
    } catch (error) {
      // Two clerks reporting the same round at once: the unique index keeps one.
      if (isUniqueViolation(error)) throw this.duplicate(dto.period);
      throw error;
    }
  }

  /** The rounds reported in the caller's subtree for a period, with the cases they found. */
  async rounds(user: AuthUser, period: string) {
    const prefix = this.subtreeOf(user);
    const rounds = await sql<{ id: string }>(
      this.db.reader,
      `SELECT id FROM screening_rounds WHERE period = ? AND division_code LIKE ? ORDER BY unit_code`,
      [period, `${prefix}%`],
    );
    if (!rounds.length) return { period, items: [] };
    const rows = await this.db.reader.find(ScreeningRound, { where: { id: In(rounds.map((r) => r.id)) }, order: { unitCode: 'ASC' } });
    const finds = await sql<{ round_id: string; case_id: string; case_no: string; dispute_type: string; risk_level: string }>(
      this.db.reader,
      `SELECT f.round_id, f.case_id, c.case_no, c.dispute_type, c.risk_level FROM screening_finds f JOIN cases c ON c.id = f.case_id
       WHERE f.round_id IN (${rows.map(() => '?').join(', ')}) ORDER BY f.round_id, f.seq`,
      rows.map((r) => r.id),
    );
    return {
      period,
      items: rows.map((round) =>
        this.view(
          round,
          finds
            .filter((f) => f.round_id === round.id)
            .map((f) => ({ caseId: f.case_id, caseNo: f.case_no, disputeType: f.dispute_type, riskLevel: f.risk_level })),
        ),
      ),
    };
  }

  /** Village committees in the caller's subtree that screen at the period's frequency and have not reported it. */
  async missing(user: AuthUser, period: string) {
    const prefix = this.subtreeOf(user);
    const kind = frequencyOfPeriod(period);
    const [committees, reported, settings] = await Promise.all([
      sql<{ code: string; name: string; division_code: string }>(
        this.db.reader,
        `SELECT code, name, division_code FROM units WHERE kind = 'MC' AND tier = 'village' AND division_code LIKE ? ORDER BY code`,
        [`${prefix}%`],
      ),
      sql<{ unit_code: string }>(this.db.reader, `SELECT unit_code FROM screening_rounds WHERE period = ?`, [period]),
      this.settings(),
    ]);
    const done = new Set(reported.map((r) => r.unit_code));
    const items = committees
      .filter((u) => !done.has(u.code) && frequencyIn(settings, u.division_code) === kind)
      .map((u) => ({ code: u.code, name: u.name }));
    return { period, frequency: kind, items, total: items.length };
  }

  async frequencies() {
    const rows = await this.db.reader.find(ScreeningFrequencySetting, { order: { divisionCode: 'ASC' } });
    return rows.map((r) => ({ ...r, updatedAt: toShanghaiIso(r.updatedAt) }));
  }

  /** An administrator (or a justice bureau over its own area) sets weekly or monthly screening. */
  async setFrequency(user: AuthUser, divisionCode: string, dto: ScreeningFrequencyDto) {
    const { actor } = user;
    const admin = actor.roles.includes('system-admin');
    const bureau = actor.unit.kind === 'JB' && divisionCode.startsWith(subtreePrefix(actor.unit.divisionCode, actor.unit.tier));
    if (!admin && !bureau) throw new ForbiddenError('只有系统管理员或本级司法局可以设置排查频次');
    if (!(await this.orgs.divisions([divisionCode])).length) throw new NotFoundError('DIVISION', `行政区划 ${divisionCode} `);
    const at = this.clock.now().toISOString();
    await this.db.write(async (tx) => {
      await sql(
        tx.em,
        `INSERT INTO screening_frequencies (division_code, frequency, updated_by, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (division_code) DO UPDATE SET frequency = excluded.frequency, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
        [divisionCode, dto.frequency, user.username, at],
      );
    });
    return { divisionCode, frequency: dto.frequency, updatedBy: user.username, updatedAt: toShanghaiIso(at) };
  }

  private async frequencyFor(divisionCode: string): Promise<ScreeningFrequency> {
    return frequencyIn(await this.settings(), divisionCode);
  }

  private async settings(): Promise<Map<string, ScreeningFrequency>> {
    const rows = await this.db.reader.find(ScreeningFrequencySetting);
    return new Map(rows.map((r) => [r.divisionCode, r.frequency]));
  }

  private checkPeriod(period: string, frequency: ScreeningFrequency, now: Date): void {
    if (frequencyOfPeriod(period) !== frequency) {
      const expected = frequency === 'weekly' ? 'YYYY-Www' : 'YYYY-MM';
      throw ValidationError.field('period', `本单位${frequencyName[frequency]}排查，期次应为 ${expected}`);
    }
    const start = periodStart(period);
    if (frequency === 'weekly' && isoWeekYear(start) !== Number(period.slice(0, 4))) {
      throw ValidationError.field('period', `${period.slice(0, 4)} 年没有第 ${period.slice(6)} 周`);
    }
    if (start > shanghaiDate(now)) throw ValidationError.field('period', '不能报送尚未开始的期次');
  }

  private subtreeOf(user: AuthUser): string {
    const { unit } = user.actor;
    if (!['MC', 'JO', 'JB'].includes(unit.kind)) throw new ForbiddenError('只有调委会、司法所和司法局查看排查情况');
    return subtreePrefix(unit.divisionCode, unit.tier);
  }

  private duplicate(period: string) {
    return new DomainError('DUPLICATE', `本单位 ${period} 期的排查情况已报送`, { period });
  }

  private view(round: ScreeningRound, found: { caseId: string; caseNo: string; disputeType: string; riskLevel: string }[]) {
    return {
      id: round.id,
      unit: { code: round.unitCode, name: this.orgs.cached(round.unitCode)?.name ?? round.unitCode },
      period: round.period,
      frequency: round.frequency,
      reportedAt: toShanghaiIso(round.reportedAt),
      reportedBy: round.reportedBy,
      disputesFound: round.disputesFound,
      zeroReport: round.disputesFound === 0,
      note: round.note,
      // Focus types for escalation to crime 民转刑 are flagged (domain §3).
      findings: found.map((f) => ({ ...f, escalationFocus: focusDisputeTypes.includes(f.disputeType) })),
    };
  }
}

function frequencyIn(settings: Map<string, ScreeningFrequency>, divisionCode: string): ScreeningFrequency {
  for (const code of divisionLineage(divisionCode)) {
    const setting = settings.get(code);
    if (setting) return setting;
  }
  return 'monthly';
}

/** The ISO week-numbering year of a date (the year its week's Thursday falls in). */
function isoWeekYear(date: string): number {
  const day = Date.parse(`${date}T00:00:00Z`);
  const thursday = day + (3 - ((new Date(day).getUTCDay() + 6) % 7)) * 86_400_000;
  return new Date(thursday).getUTCFullYear();
}
