// The statistics API behind the controller and the CLI: reports with jurisdiction (R-S1), the
// submission chain (R-T4), overdue lists, custom analysis, exports (R-T6) and settings.
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Actor } from '../../workflows/case';
import { AuditService } from '../audit/audit.service';
import { ForbiddenError, ValidationError } from '../common/errors/domain.error';
import { Clock } from '../common/time/clock';
import { Database } from '../database/database';
import { analyse, type AnalysisRequest } from './analysis';
import type { AnalysisQuery, DueDaysDto } from './dto/statistics.dtos';
import { dueDate, isOverdue, type DueDays } from './due-dates';
import { ExportPool } from './exports/export-pool';
import type { ExportFormat } from './exports/export.worker';
import type { TrendPoint } from './exports/pdf';
import { addInto, emptyFigures, type Figures } from './measures';
import { addMonths, isMonth, monthsBetween, type Month } from './month';
import { OrgDirectory } from './org-directory';
import { statisticsReader, type StatisticsReader } from './read-pool';
import { MonthlyReports, reportColumns, type MonthlyReport, type ReportTarget } from './report';
import { reportingUnitOf } from './reporting-tree';
import { readDueDays, writeDueDays } from './settings';
import { mayRead } from './statistics-access';
import { SubmissionChain } from './submission-chain';
import { latestSubmissions, submissionsOf, frozenReports } from './submission-store';
import { readSummary } from './summary-store';
import { verifySummary } from './recount';

const contentTypes: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
};

@Injectable()
export class StatisticsService implements OnApplicationShutdown {
  readonly reader: StatisticsReader;
  readonly reports: MonthlyReports;
  private readonly chain: SubmissionChain;
  private readonly exports = new ExportPool();

  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(AuditService) audit: Pick<AuditService, 'append'>,
  ) {
    this.reader = statisticsReader(db);
    this.reports = new MonthlyReports(this.reader, new OrgDirectory(this.reader), () => this.dueDays());
    this.chain = new SubmissionChain(db, this.reports, audit);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.reader.close(), this.exports.close()]);
  }

  /** GET …/monthly/:unitCode/:month: the frozen copy while submitted, else the live draft (or as of a cut-off). */
  async report(actor: Actor, unitCode: string, month: string, asOf?: string) {
    const target = await this.readable(actor, unitCode, month);
    const now = this.clock.now();
    const report = asOf ? await this.reports.live(target, month, now, new Date(asOf).toISOString()) : await this.reports.current(target, month, now);
    return { ...report, columns: reportColumns, allowedEvents: asOf ? [] : await this.chain.allowedEvents(actor, target, month, now) };
  }

  async submit(actor: Actor, unitCode: string, month: string) {
    const target = await this.target(unitCode, month);
    const report = await this.chain.submit(actor, target, month, this.clock.now());
    return { ...report, columns: reportColumns, allowedEvents: await this.chain.allowedEvents(actor, target, month, this.clock.now()) };
  }

  async reopen(actor: Actor, unitCode: string, month: string, reason: string) {
    const target = await this.target(unitCode, month);
    await this.chain.reopen(actor, target, month, reason, this.clock.now());
    return this.report(actor, unitCode, month);
  }

  /** R-T4: reports below this unit not submitted after their due day. */
  async overdue(actor: Actor, unitCode: string, month: string) {
    const target = await this.readable(actor, unitCode, month);
    const org = await this.reports.orgs.snapshot();
    const tree = org.tree(month);
    const latest = await latestSubmissions(this.reader.query, month);
    const days = await this.dueDays();
    const now = this.clock.now();
    const items = tree
      .subtree(target.unit.divisionCode)
      .slice(1)
      .map((code) => tree.division(code)!)
      .filter((d) => {
        const s = latest.get(d.code);
        return (!s || s.reopenedAt) && isOverdue(now, month, d.level, days);
      })
      .map((d) => ({
        unitCode: reportingUnitOf(d, 'peoples') ?? null,
        divisionCode: d.code,
        name: d.name,
        level: d.level,
        parentCode: tree.parentOf(d.code) ?? null,
        dueDate: dueDate(month, d.level, days),
        status: latest.get(d.code) ? 'reopened' : 'draft',
      }));
    return { month, unitCode, items, total: items.length };
  }

  async analysis(actor: Actor, query: AnalysisQuery) {
    if (query.from > query.to) throw ValidationError.field('to', '结束月份不能早于开始月份');
    if (monthsBetween(query.from, query.to).length > 240) throw ValidationError.field('from', '分析区间最长 20 年');
    const target = await this.readable(actor, query.unit, query.to);
    const org = await this.reports.orgs.snapshot();
    const request: AnalysisRequest = { measure: query.measure ?? 'mediated', from: query.from, to: query.to, groupBy: query.groupBy ?? [], tier: query.tier, disputeType: query.disputeType, source: query.source, track: query.track, outcome: query.outcome };
    const result = await analyse(this.reader.query, org, org.tree(query.to), target.unit.divisionCode, target.scope === 'all' ? 'all' : ['peoples'], request);
    return { ...request, unit: query.unit, ...result };
  }

  async export(actor: Actor, unitCode: string, month: string, format: ExportFormat) {
    const { columns: _c, allowedEvents: _a, ...report } = await this.report(actor, unitCode, month);
    const trend = format === 'pdf' ? await this.trend(await this.target(unitCode, month), report) : [];
    const body = await this.exports.render({ format, report, trend });
    return { body, contentType: contentTypes[format], filename: `${unitCode}-${month}.${format}` };
  }

  /** The recount of the whole record compared with the summary (R-T1); on SQLite it runs in the read pool's threads. */
  async recompute(actor: Actor) {
    if (!actor.roles.includes('system-admin')) throw new ForbiddenError('只有系统管理员可以全量重算统计');
    const started = Date.now();
    const differences = await verifySummary(this.reader);
    return { consistent: differences.length === 0, differences: differences.length, items: differences.slice(0, 100), seconds: (Date.now() - started) / 1000 };
  }

  async settings() {
    return { dueDays: await this.dueDays() };
  }

  async updateSettings(actor: Actor, dueDays: DueDaysDto) {
    if (!actor.roles.includes('system-admin') && !(actor.unit.kind === 'JB' && actor.unit.tier === 'city')) {
      throw new ForbiddenError('只有系统管理员或市司法局可以修改报送期限');
    }
    await this.db.write(({ em }) => writeDueDays(em, { ...dueDays }, actor.username, this.clock.now().toISOString()));
    return this.settings();
  }

  /** The 12 months up to the report's: frozen totals where submitted, else the live sum of the subtree. */
  private async trend(target: ReportTarget, report: MonthlyReport): Promise<TrendPoint[]> {
    const months = monthsBetween(addMonths(report.month, -11), report.month);
    const org = await this.reports.orgs.snapshot();
    const rows = await readSummary(this.reader, { from: months[0], to: report.month });
    const mine = (await submissionsOf(this.reader.query, target.unit.code)).filter((s) => !s.reopenedAt && months.includes(s.month));
    const frozen = await frozenReports(this.reader.query, mine.map((s) => s.id));
    return months.map((month) => {
      if (month === report.month) return { month, mediated: report.figures.mediated, succeeded: report.figures.succeeded };
      const submitted = mine.find((s) => s.month === month);
      if (submitted) {
        const f = frozen.get(submitted.id)!.figures;
        return { month, mediated: f.mediated, succeeded: f.succeeded };
      }
      const subtree = new Set(org.tree(month).subtree(target.unit.divisionCode));
      const sum: Figures = emptyFigures();
      for (const r of rows) {
        if (r.month !== month || (target.scope === 'peoples' && r.track !== 'peoples')) continue;
        if (subtree.has(org.units.get(r.unitCode)?.divisionCode ?? '')) addInto(sum, r.figures);
      }
      return { month, mediated: sum.mediated, succeeded: sum.succeeded };
    });
  }

  private dueDays(): Promise<DueDays> {
    return readDueDays(this.reader.query);
  }

  private async target(unitCode: string, month: string): Promise<ReportTarget> {
    if (!isMonth(month)) throw ValidationError.field('month', '月份格式应为 YYYY-MM');
    return this.reports.target(unitCode);
  }

  private async readable(actor: Actor, unitCode: string, month: Month): Promise<ReportTarget> {
    const target = await this.target(unitCode, month);
    const tree = (await this.reports.orgs.snapshot()).tree(month);
    if (!mayRead(actor, target, tree)) throw new ForbiddenError('只能查看本单位及下级单位的统计报表');
    return target;
  }
}
