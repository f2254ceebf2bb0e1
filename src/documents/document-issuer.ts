// The in-transaction half of issuing a document: a number and a pending row whose `content`
// freezes the facts the letter will show (R-F1, R-F2). Rendering happens after commit.
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { documentKinds, type DocumentKind } from '../../workflows/case';
import { Party } from '../cases/party.entity';
import { uuidv7 } from '../common/ids';
import { shanghaiDate } from '../common/time/instant';
import { nextNumber } from '../database/number-sequences';
import { OrgsService } from '../orgs/orgs.service';
import { EffectRegistry, type EffectContext } from '../workflow-engine/effects';
import { DocumentRecord } from './document.entity';
import { formatDocumentNumber, numberScope } from './document-number';

@Injectable()
export class DocumentIssuer implements OnModuleInit {
  constructor(
    @Inject(EffectRegistry) private readonly effects: EffectRegistry,
    @Inject(OrgsService) private readonly orgs: OrgsService,
  ) {}

  onModuleInit(): void {
    this.effects.register('issueDocument', (effect, params: { kind: DocumentKind }) => this.issue(effect, params.kind));
  }

  async issue(effect: EffectContext, kind: DocumentKind): Promise<DocumentRecord> {
    const { tx, caseRow, actor, at } = effect;
    const unit = await this.orgs.get(actor.unit.code);
    const year = Number(shanghaiDate(at).slice(0, 4));
    const n = await nextNumber(tx.em, numberScope(unit.code, kind, year));
    const parties = await tx.em.find(Party, { where: { caseId: caseRow.id }, order: { seq: 'ASC' } });
    const row = Object.assign(new DocumentRecord(), {
      id: uuidv7(at.getTime()),
      caseId: caseRow.id,
      kind,
      number: formatDocumentNumber(year, unit, kind, n),
      issuingUnitCode: unit.code,
      issuedBy: actor.username,
      issuedAt: at.toISOString(),
      transitionVersion: effect.version,
      content: {
        title: documentKinds[kind].title,
        caseNo: caseRow.caseNo,
        issuingUnit: { code: unit.code, name: unit.name },
        parties: parties.map((p) => ({ id: p.id, role: p.role, kind: p.kind, name: p.name, gender: p.gender, address: p.address })),
        disputeType: caseRow.disputeType,
        summary: caseRow.summary,
        event: { ...effect.event, actor: undefined, units: undefined },
        // The whole statechart context as it was at issue: templates read their facts from here.
        context: effect.context,
      },
      status: 'pending',
      templateVersion: null,
      sha256: null,
      path: null,
      attempts: 0,
      nextAttemptAt: at.toISOString(),
      lastError: null,
    });
    await tx.em.insert(DocumentRecord, row);
    return row;
  }
}
