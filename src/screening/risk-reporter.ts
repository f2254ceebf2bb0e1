// R-V4: a red-risk case is reported at once to the township leadership (its justice office) and
// the county police, and the report is recorded. The statechart asks for it (`reportRisk`) when a
// red-risk case is registered; this handler writes the report, the inbox messages and the
// police's read access in the same transaction, so the case never exists unreported.
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { CaseContext } from '../../workflows/case';
import { grantCaseAccess } from '../cases/case-access.entity';
import { disputeTypeName } from '../cases/catalog/dispute-types';
import { uuidv7 } from '../common/ids';
import { InboxService } from '../inbox/inbox.service';
import type { Unit } from '../orgs/unit.entity';
import { OrgsService } from '../orgs/orgs.service';
import { EffectRegistry, type EffectContext } from '../workflow-engine/effects';
import { RiskReport, type RiskRecipient } from './risk-report.entity';

/**
 * Where the dispute is: the registering unit's township, or — for a case opened by a county-level
 * court or petition office — the dispute place or the first party's residence the court recorded.
 */
function placeOf(context: CaseContext): string {
  const unit = context.handlingUnit.divisionCode;
  if (unit.length >= 9) return unit;
  const referral = context.courtReferral;
  return referral?.disputePlace?.divisionCode ?? Object.values(referral?.residences ?? {})[0] ?? unit;
}

@Injectable()
export class RiskReporter implements OnModuleInit {
  constructor(
    @Inject(EffectRegistry) private readonly effects: EffectRegistry,
    @Inject(OrgsService) private readonly orgs: OrgsService,
    @Inject(InboxService) private readonly inbox: InboxService,
  ) {}

  onModuleInit(): void {
    this.effects.register('reportRisk', (effect) => this.report(effect));
  }

  async report({ tx, caseRow, context, actor, at }: EffectContext): Promise<void> {
    const recipients = await this.recipientsFor(context);
    await tx.em.insert(RiskReport, {
      id: uuidv7(at.getTime()),
      caseId: caseRow.id,
      level: 'red',
      unitCode: context.handlingUnit.code,
      reportedAt: at.toISOString(),
      reportedBy: actor.username,
      recipients: recipients.map(({ unit, as }) => ({ unitCode: unit.code, unitName: unit.name, as })),
    });
    const type = disputeTypeName(caseRow.disputeType, caseRow.catalogVersion, caseRow.disputeSubtype);
    for (const { unit } of recipients) {
      // The recipients read the case they were told about (R-S1: units that received a case).
      await grantCaseAccess(tx.em, caseRow.id, unit);
      await this.inbox.deliver(
        tx.em,
        {
          unitCode: unit.code,
          kind: 'red-risk',
          caseId: caseRow.id,
          subject: `红色风险纠纷报告：${caseRow.caseNo}`,
          body:
            `${context.handlingUnit.name}登记的${type}纠纷（${caseRow.caseNo}）风险等级为红色，依规即时报告。` +
            `简要情况：${caseRow.summary.slice(0, 200)}。请立即关注并落实“一案一策”（R-V4）。`,
          dedupeKey: `red-risk:${caseRow.id}:${unit.code}`,
        },
        at,
      );
    }
  }

  private async recipientsFor(context: CaseContext): Promise<{ unit: Unit; as: RiskRecipient['as'] }[]> {
    const place = placeOf(context);
    const county = place.slice(0, 6);
    // Without a township (a county-level referral with no place recorded) the county justice bureau stands in.
    const leadership = place.length >= 9 ? `${place.slice(0, 9)}-jo` : `${county}-jb`;
    const found = await Promise.all([
      this.orgs.find(leadership).then((unit) => unit && { unit, as: 'township-leadership' as const }),
      this.orgs.find(`${county}-ag-police`).then((unit) => unit && { unit, as: 'police' as const }),
    ]);
    return found.filter((r): r is { unit: Unit; as: RiskRecipient['as'] } => !!r);
  }
}
