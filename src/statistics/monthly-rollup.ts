// R-T3: a unit's report = its own cases + its children's reports, down the reporting tree in force
// for the month (R-O1). A child that has submitted contributes its frozen copy (R-T4); one that has
// not contributes its live figures, computed the same way one level down.
import { DomainError } from '../common/errors/domain.error';
import { addInto, differences, emptyFigures, sumFigures, type Figures } from './measures';
import type { Month } from './month';
import { reportingUnitOf, type ReportingTree, type Scope } from './reporting-tree';

export type ReportStatus = 'draft' | 'submitted' | 'reopened' | 'live';

export interface Adjustment {
  /** The earlier, already submitted month the late change belongs to. */
  month: Month;
  figures: Figures;
}

export interface ChildLine {
  divisionCode: string;
  name: string;
  level: string;
  unitCode: string | null;
  status: ReportStatus;
  submittedAt: string | null;
  figures: Figures;
  adjustments: Figures;
  /** Not submitted after its due day (R-T4), set by the report that lists it. */
  overdue?: boolean;
}

export interface Rollup {
  own: Figures;
  children: ChildLine[];
  total: Figures;
  adjustments: { items: Adjustment[]; total: Figures };
}

/** What the roll-up is told about a division's submission for the month. */
export interface SubmissionState {
  status: 'submitted' | 'reopened';
  submittedAt: string;
  /** The frozen totals, present for submitted reports the roll-up needs. */
  frozen?: { total: Figures; adjustments: Figures };
}

export interface RollupInput {
  tree: ReportingTree;
  scope: Scope;
  own: Map<string, Figures>;
  adjustments: Map<string, Adjustment[]>;
  submissions: Map<string, SubmissionState>;
}

/** Submitted divisions whose frozen copy a report of `root` reads (the first submitted one down each branch). */
export function frozenFrontier(input: Pick<RollupInput, 'tree' | 'submissions'>, root: string): string[] {
  const out: string[] = [];
  const visit = (code: string) => {
    for (const child of input.tree.childrenOf(code)) {
      if (input.submissions.get(child)?.status === 'submitted') out.push(child);
      else visit(child);
    }
  };
  visit(root);
  return out;
}

export function rollUp(input: RollupInput, code: string): Rollup {
  const own = { ...(input.own.get(code) ?? emptyFigures()) };
  const items = input.adjustments.get(code) ?? [];
  const children = input.tree.childrenOf(code).map((child) => childLine(input, child));
  const total = sumFigures([own, ...children.map((c) => c.figures)]);
  const adjustmentsTotal = sumFigures([...items.map((a) => a.figures), ...children.map((c) => c.adjustments)]);
  return { own, children, total, adjustments: { items, total: adjustmentsTotal } };
}

function childLine(input: RollupInput, code: string): ChildLine {
  const division = input.tree.division(code);
  const submission = input.submissions.get(code);
  const base = {
    divisionCode: code,
    name: division?.name ?? code,
    level: division?.level ?? 'unknown',
    unitCode: division ? (reportingUnitOf(division, input.scope) ?? null) : null,
  };
  if (submission?.status === 'submitted') {
    if (!submission.frozen) throw new Error(`frozen report of ${code} was not loaded`);
    return { ...base, status: 'submitted', submittedAt: submission.submittedAt, figures: submission.frozen.total, adjustments: submission.frozen.adjustments };
  }
  const live = rollUp(input, code);
  const status: ReportStatus = input.scope === 'all' ? 'live' : (submission?.status ?? 'draft');
  return { ...base, status, submittedAt: null, figures: live.total, adjustments: live.adjustments.total };
}

/**
 * R-T4: a change recorded in a month to an earlier month whose report had already been submitted
 * is an adjustment in the report of the month it was recorded in — never a silent edit of the
 * frozen copy. A change recorded before the earlier report was (re)submitted is in that copy.
 */
export function adjustmentsOf(
  changes: { month: Month; unitCode: string; recordedAt: string; figures: Partial<Figures> }[],
  divisionOf: (unitCode: string) => string | undefined,
  submittedAt: (division: string, month: Month) => string | undefined,
): Map<string, Adjustment[]> {
  const byDivision = new Map<string, Map<Month, Figures>>();
  for (const change of changes) {
    const division = divisionOf(change.unitCode);
    const frozenAt = division && submittedAt(division, change.month);
    if (!division || !frozenAt || frozenAt >= change.recordedAt) continue;
    const months = byDivision.get(division) ?? byDivision.set(division, new Map()).get(division)!;
    addInto(months.get(change.month) ?? months.set(change.month, emptyFigures()).get(change.month)!, change.figures as Figures);
  }
  return new Map(
    [...byDivision].map(([division, months]) => [
      division,
      [...months].sort(([a], [b]) => a.localeCompare(b)).map(([month, figures]) => ({ month, figures })),
    ]),
  );
}

/** Adds figures of units into their division's own figures. */
export function ownByDivision(rows: { divisionCode: string; figures: Figures }[]): Map<string, Figures> {
  const out = new Map<string, Figures>();
  for (const r of rows) addInto(out.get(r.divisionCode) ?? out.set(r.divisionCode, emptyFigures()).get(r.divisionCode)!, r.figures);
  return out;
}

/** R-T3 fails loudly: answered as 500 STATISTICS_INCONSISTENT with the columns that differ. */
export class StatisticsInconsistentError extends DomainError {
  constructor(message: string, details: Record<string, unknown>) {
    super('STATISTICS_INCONSISTENT', message, details);
  }
}

/** R-T3: a report's total must equal its own figures plus its children's, column by column. */
export function assertAddsUp(label: string, rollup: Pick<Rollup, 'own' | 'children' | 'total'>): void {
  const expected = sumFigures([rollup.own, ...rollup.children.map((c) => c.figures)]);
  const diff = differences(rollup.total, expected);
  if (diff.length) {
    throw new StatisticsInconsistentError(`${label}：合计与本级及下级之和不一致`, { differences: diff });
  }
}

/** R-T3/R-T4: the children's figures a frozen parent shows must be the children's own frozen totals. */
export function assertChildrenMatch(label: string, children: ChildLine[], frozenTotals: Map<string, Figures>): void {
  for (const child of children) {
    const theirs = frozenTotals.get(child.divisionCode);
    if (!theirs) continue;
    const diff = differences(child.figures, theirs);
    if (diff.length) {
      throw new StatisticsInconsistentError(`${label}：下级“${child.name}”的数字与其已报送报表不一致`, {
        child: child.divisionCode,
        differences: diff,
      });
    }
  }
}
