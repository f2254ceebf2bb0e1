// R-T4: submit (freeze a copy) and reopen (by the parent, with a reason, audited). The facts the
// rules need are read here; the rules themselves are in ./submission-rules.ts.
import type { Actor } from '../../workflows/case';
import type { AuditService } from '../audit/audit.service';
import { DomainError, ForbiddenError } from '../common/errors/domain.error';
import { toShanghaiIso } from '../common/time/instant';
import type { Database } from '../database/database';
import { monthBounds, type Month } from './month';
import { emQuery, type Query } from './read-pool';
import type { MonthlyReport, MonthlyReports, ReportTarget } from './report';
import { maySubmit, mayReopen } from './statistics-access';
import { insertSubmission, latestSubmissions, markReopened, submissionsOf, type Submission } from './submission-store';
import { allowedChainEvents, refusal, type ChainEvent, type ChainFacts } from './submission-rules';

export class SubmissionChain {
  constructor(
    private readonly db: Database,
    private readonly reports: MonthlyReports,
    private readonly audit: Pick<AuditService, 'append'>,
  ) {}

  async facts(target: ReportTarget, month: Month, now: Date, query: Query = this.reports.reader.query): Promise<ChainFacts & { latest?: Submission }> {
    const org = await this.reports.orgs.snapshot();
    const tree = org.tree(month);
    const division = target.unit.divisionCode;
    const latest = await latestSubmissions(query, month);
    const mine = latest.get(division);
    const inForce = (code: string) => {
      const s = latest.get(code);
      return !!s && !s.reopenedAt;
    };
    const parent = tree.parentOf(division);
    const later = (await submissionsOf(query, target.unit.code)).some((s) => s.month > month && !s.reopenedAt);
    return {
      latest: mine,
      state: !mine ? 'draft' : mine.reopenedAt ? 'reopened' : 'submitted',
      monthEnded: now.toISOString() >= monthBounds(month).endsAt,
      childrenNotSubmitted: tree
        .childrenOf(division)
        .filter((c) => !inForce(c))
        .map((c) => tree.division(c)?.name ?? c),
      parentSubmitted: !!parent && inForce(parent),
      laterMonthSubmitted: later,
    };
  }

  async allowedEvents(actor: Actor, target: ReportTarget, month: Month, now: Date): Promise<ChainEvent[]> {
    if (target.scope !== 'peoples') return [];
    const tree = (await this.reports.orgs.snapshot()).tree(month);
    const mayAct = { submit: maySubmit(actor, target), reopen: mayReopen(actor, target, tree) };
    if (!mayAct.submit && !mayAct.reopen) return [];
    return allowedChainEvents(await this.facts(target, month, now)).filter((e) => mayAct[e]);
  }

  async submit(actor: Actor, target: ReportTarget, month: Month, now: Date): Promise<MonthlyReport> {
    if (!maySubmit(actor, target)) throw new ForbiddenError('只有本单位可以报送本单位的统计报表');
    this.refuseUnless('submit', await this.facts(target, month, now));
    const draft = await this.reports.live(target, month, now);
    return this.db.write(async ({ em }) => {
      // Checked again inside the write: a concurrent submit of the same report loses here.
      const facts = await this.facts(target, month, now, emQuery(em));
      this.refuseUnless('submit', facts);
      const seq = (facts.latest?.seq ?? 0) + 1;
      const report: MonthlyReport = {
        ...draft,
        status: 'submitted',
        version: seq,
        submittedAt: toShanghaiIso(now),
        submittedBy: actor.username,
        reopened: null,
        overdue: false,
      };
      await insertSubmission(
        em,
        { unitCode: target.unit.code, divisionCode: target.unit.divisionCode, month, seq, submittedAt: now.toISOString(), submittedBy: actor.username },
        report,
      );
      await this.audit.append(
        {
          actorUsername: actor.username,
          actorUnitCode: actor.unit.code,
          action: 'statistics.submit',
          targetType: 'statistics-report',
          targetId: `${target.unit.code}/${month}`,
          detail: { version: seq, mediated: report.figures.mediated, succeeded: report.figures.succeeded },
        },
        em,
        now,
      );
      return report;
    });
  }

  async reopen(actor: Actor, target: ReportTarget, month: Month, reason: string, now: Date): Promise<void> {
    const tree = (await this.reports.orgs.snapshot()).tree(month);
    if (target.scope !== 'peoples' || !mayReopen(actor, target, tree)) {
      throw new ForbiddenError('只有上级单位可以退回下级的统计报表');
    }
    await this.db.write(async ({ em }) => {
      const facts = await this.facts(target, month, now, emQuery(em));
      this.refuseUnless('reopen', facts);
      await markReopened(em, facts.latest!.id, actor.username, reason, now.toISOString());
      await this.audit.append(
        {
          actorUsername: actor.username,
          actorUnitCode: actor.unit.code,
          action: 'statistics.reopen',
          targetType: 'statistics-report',
          targetId: `${target.unit.code}/${month}`,
          detail: { version: facts.latest!.seq, reason },
        },
        em,
        now,
      );
    });
  }

  private refuseUnless(event: ChainEvent, facts: ChainFacts): void {
    const why = refusal(event, facts);
    if (!why) return;
    throw new DomainError(why.code, why.message, {
      rule: why.rule,
      state: facts.state,
      allowedEvents: allowedChainEvents(facts),
      ...why.details,
    });
  }
}
