// A unit's monthly report: the live draft rolled up from the summary (R-T3), the frozen copy once
// submitted (R-T4), or the record recounted as of a cut-off. Times are shown in +08:00.
import type { Tier } from '../../workflows/case';
import { NotFoundError, ValidationError } from '../common/errors/domain.error';
import { toShanghaiIso } from '../common/time/instant';
import { isOverdue, dueDate, type DueDays } from './due-dates';
import { evaluate, type Evaluation } from './evaluation';
import { addInto, derived, emptyFigures, measures, type Figures } from './measures';
import { monthBounds, addMonths, type Month } from './month';
import {
  assertAddsUp,
  assertChildrenMatch,
  adjustmentsOf,
  frozenFrontier,
  ownByDivision,
  rollUp,
  type Adjustment,
  type ChildLine,
  type ReportStatus,
  type SubmissionState,
} from './monthly-rollup';
import type { OrgDirectory, OrgSnapshot, UnitInfo } from './org-directory';
import type { StatisticsReader } from './read-pool';
import { recount } from './recount';
import { reportOfUnit, type Scope } from './reporting-tree';
import { placeholders } from './sql-dialect';
import { frozenReports, latestSubmissions, submittedIn, type Submission } from './submission-store';
import { readLateChanges, readSummary } from './summary-store';
import { screeningFigures } from './screening-figures';

export interface MonthlyReport {
  unit: { code: string; name: string };
  division: { code: string; name: string; level: string };
  month: Month;
  scope: Scope;
  status: ReportStatus | 'as-of';
  /** How many times it has been submitted (0: never). */
  version: number;
  submittedAt: string | null;
  submittedBy: string | null;
  reopened: { at: string; by: string; reason: string } | null;
  dueDate: string;
  overdue: boolean;
  asOf: string | null;
  generatedAt: string;
  figures: Figures;
  derived: ReturnType<typeof derived>;
  own: Figures;
  children: ChildLine[];
  adjustments: { items: Adjustment[]; total: Figures };
  /** R-O1: divisions administratively below this one that report elsewhere this month. */
  excluded: { code: string; name: string; reportsTo: string | null }[];
  /** All-track reports (综治中心) show each track's share of the figures. */
  byTrack: Record<string, Figures> | null;
  evaluation: Evaluation;
}

export interface ReportTarget {
  unit: UnitInfo;
  scope: Scope;
}

/** Reading all summary rows of a month is cheaper than an IN list of thousands of units. */
const unitListLimit = 800;

export class MonthlyReports {
  constructor(
    readonly reader: StatisticsReader,
    readonly orgs: OrgDirectory,
    private readonly dueDays: () => Promise<DueDays>,
  ) {}

  /** The unit and which form it reports, or why it cannot have a report. */
  async target(unitCode: string): Promise<ReportTarget> {
    const org = await this.orgs.snapshot();
    const unit = org.units.get(unitCode);
    if (!unit) throw new NotFoundError('UNIT', `单位 ${unitCode} `);
    const scope = reportOfUnit(unit);
    if (!scope) {
      throw ValidationError.field('unitCode', `${unit.name}不是统计报送单位（村居调委会、司法所、县市司法局报送人民调解统计，综治中心查看各渠道统计）`);
    }
    return { unit, scope };
  }

  /** What GET answers: the frozen copy while submitted, else the live draft. */
  async current(target: ReportTarget, month: Month, now: Date): Promise<MonthlyReport> {
    if (target.scope === 'peoples') {
      const latest = (await latestSubmissions(this.reader.query, month)).get(target.unit.divisionCode);
      if (latest && !latest.reopenedAt) return this.verifiedFrozen(latest, month);
    }
    return this.live(target, month, now);
  }

  /** The report as it would be submitted now. */
  async live(target: ReportTarget, month: Month, now: Date, cutoff?: string): Promise<MonthlyReport> {
    const org = await this.orgs.snapshot();
    const tree = org.tree(month);
    const root = target.unit.divisionCode;
    const subtree = new Set(tree.subtree(root));
    const unitCodes = [...subtree].flatMap((d) => (org.unitsByDivision.get(d) ?? []).map((u) => u.code));
    const divisionOf = (unitCode: string) => org.units.get(unitCode)?.divisionCode ?? '';
    const inScope = (r: { unitCode: string; track: string }) => (target.scope === 'all' || r.track === 'peoples') && subtree.has(divisionOf(r.unitCode));

    const chain = target.scope === 'peoples' && !cutoff;
    // Independent reads, side by side (on SQLite the read pool runs two at a time).
    const [counted, screening, latest, adjustments, relapses, escalationsToCrime, days] = await Promise.all([
      cutoff
        ? recount(this.reader, { month, unitCodes, cutoff })
        : readSummary(this.reader, { from: month, to: month }, unitCodes.length > unitListLimit ? undefined : unitCodes),
      screeningFigures(this.reader.query, month, cutoff),
      chain ? latestSubmissions(this.reader.query, month) : new Map<string, Submission>(),
      chain ? this.adjustments(org, subtree, month, now) : new Map<string, Adjustment[]>(),
      this.relapses(month, unitCodes, cutoff),
      this.escalationsToCrime(month, unitCodes, cutoff),
      this.dueDays(),
    ]);
    const rows = counted.filter(inScope);
    const own = ownByDivision(
      [...rows, ...[...screening].map(([unitCode, figures]) => ({ unitCode, track: 'peoples', figures }))]
        .filter(inScope)
        .map((r) => ({ divisionCode: divisionOf(r.unitCode), figures: r.figures })),
    );
    const submissions = new Map<string, SubmissionState>();
    for (const [division, s] of latest) {
      if (subtree.has(division)) submissions.set(division, { status: s.reopenedAt ? 'reopened' : 'submitted', submittedAt: toShanghaiIso(s.submittedAt) });
    }
    const frontier = frozenFrontier({ tree, submissions }, root);
    const frozen = await frozenReports(this.reader.query, frontier.map((d) => latest.get(d)!.id));
    for (const division of frontier) {
      const report = frozen.get(latest.get(division)!.id)!;
      submissions.get(division)!.frozen = { total: report.figures, adjustments: report.adjustments.total };
    }

    const rollup = rollUp({ tree, scope: target.scope, own, adjustments, submissions }, root);
    assertAddsUp(`${target.unit.name}${month}`, rollup);

    const division = tree.division(root)!;
    const mine = latest.get(root);
    return {
      unit: { code: target.unit.code, name: target.unit.name },
      division: { code: division.code, name: division.name, level: division.level },
      month,
      scope: target.scope,
      status: cutoff ? 'as-of' : target.scope === 'all' ? 'live' : mine ? 'reopened' : 'draft',
      version: mine?.seq ?? 0,
      submittedAt: null,
      submittedBy: null,
      reopened: mine?.reopenedAt ? { at: toShanghaiIso(mine.reopenedAt), by: mine.reopenedBy!, reason: mine.reopenReason! } : null,
      dueDate: dueDate(month, division.level, days),
      overdue: target.scope === 'peoples' && isOverdue(now, month, division.level, days),
      asOf: cutoff ? toShanghaiIso(cutoff) : null,
      generatedAt: toShanghaiIso(now),
      figures: rollup.total,
      derived: derived(rollup.total),
      own: rollup.own,
      children: rollup.children.map((c) => ({ ...c, overdue: c.status !== 'submitted' && target.scope === 'peoples' && isOverdue(now, month, c.level as Tier, days) })),
      adjustments: rollup.adjustments,
      excluded: tree.reportingElsewhere(root),
      byTrack: target.scope === 'all' ? byTrack(rows) : null,
      evaluation: evaluate(rollup.total, { relapses, escalationsToCrime }),
    };
  }

  /** A frozen copy, checked against the frozen copies of its children before it is shown (R-T3). */
  private async verifiedFrozen(latest: Submission, month: Month): Promise<MonthlyReport> {
    const report = (await frozenReports(this.reader.query, [latest.id])).get(latest.id)!;
    assertAddsUp(`${report.unit.name}${month}（已报送）`, { own: report.own, children: report.children, total: report.figures });
    const current = await latestSubmissions(this.reader.query, month);
    const ids = report.children.map((c) => current.get(c.divisionCode)).filter((s): s is Submission => !!s && !s.reopenedAt);
    const children = await frozenReports(this.reader.query, ids.map((s) => s.id));
    const totals = new Map(ids.map((s) => [s.divisionCode, children.get(s.id)!.figures]));
    assertChildrenMatch(`${report.unit.name}${month}（已报送）`, report.children, totals);
    return report;
  }

  /** R-T4: this month's late changes to earlier submitted months, for the divisions of the subtree. */
  private async adjustments(org: OrgSnapshot, subtree: Set<string>, month: Month, now: Date): Promise<Map<string, Adjustment[]>> {
    const changes = (await readLateChanges(this.reader.query, month, now.toISOString())).filter((c) => c.track === 'peoples');
    const frozen = await submittedIn(this.reader.query, [...new Set(changes.map((c) => c.month))]);
    return adjustmentsOf(changes, (unitCode) => {
      const division = org.units.get(unitCode)?.divisionCode;
      return division && subtree.has(division) ? division : undefined;
    }, (division, m) => frozen.get(`${division}|${m}`)?.submittedAt);
  }

  private escalationsToCrime(month: Month, unitCodes: string[], cutoff?: string): Promise<number> {
    return countEscalations(this.reader, month, unitCodes, cutoff);
  }

  /** Cases accepted this month by the subtree whose parties (by ID number, through its search hash) had a case in the 12 months before. */
  private async relapses(month: Month, unitCodes: string[], cutoff?: string): Promise<number> {
    if (!unitCodes.length) return 0;
    const { startsAt, endsAt } = monthBounds(month);
    const [row] = await this.reader.query<{ n: number | string }>(
      `SELECT COUNT(DISTINCT s.case_id) AS n
       FROM case_segments s JOIN parties p ON p.case_id = s.case_id
       WHERE s.seq = 1 AND s.started_at >= ? AND s.started_at < ? AND s.started_at <= ?
         AND s.unit_code IN (${placeholders(unitCodes.length)}) AND p.id_number_hash IS NOT NULL
         AND EXISTS (SELECT 1 FROM parties q JOIN case_segments e ON e.case_id = q.case_id AND e.seq = 1
                     WHERE q.id_number_hash = p.id_number_hash AND q.case_id <> s.case_id
                       AND e.started_at >= ? AND e.started_at < s.started_at)`,
      [startsAt, endsAt, cutoff ?? endsAt, ...unitCodes, monthBounds(addMonths(month, -12)).startsAt],
    );
    return Number(row?.n ?? 0);
  }
}

/** Cases mediated by a unit of the subtree (a segment there) and recorded as 民转刑 this month (R-T5). */
async function countEscalations(reader: StatisticsReader, month: Month, unitCodes: string[], cutoff?: string): Promise<number> {
  if (!unitCodes.length) return 0;
  const [row] = await reader.query<{ n: number | string }>(
    `SELECT COUNT(DISTINCT x.case_id) AS n FROM crime_escalations x
     WHERE x.occurred_on >= ? AND x.occurred_on < ? AND x.recorded_at <= ?
       AND EXISTS (SELECT 1 FROM case_segments s WHERE s.case_id = x.case_id AND s.unit_code IN (${placeholders(unitCodes.length)}))`,
    [`${month}-01`, `${addMonths(month, 1)}-01`, cutoff ?? '9999', ...unitCodes],
  );
  return Number(row?.n ?? 0);
}

function byTrack(rows: { track: string; figures: Figures }[]): Record<string, Figures> {
  const out: Record<string, Figures> = {};
  for (const r of rows) addInto((out[r.track] ??= emptyFigures()), r.figures);
  return out;
}

/** The form's columns, for clients that lay the figures out (R-T6). */
export const reportColumns = measures.filter((x) => !x.hidden).map(({ id, header, group, month }) => ({ id, header, group, month }));
