// The in-transaction half of issuing a document: a number and a pending row whose `content`
// freezes the facts the letter will show (R-F1, R-F2). Rendering happens after commit
// (./document-generator.ts); docs/documents.md describes the content shape templates read.
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { documentKinds, type DocumentKind } from '../../workflows/case';
import { User } from '../auth/user.entity';
import { disputeTypeName } from '../cases/catalog/dispute-types';
import { caseSources, riskLevels } from '../cases/catalog/sources';
import { partyView } from '../cases/party-view';
import { Party } from '../cases/party.entity';
import { uuidv7 } from '../common/ids';
import { shanghaiDate } from '../common/time/instant';
import { nextNumber } from '../database/number-sequences';
import type { Tx } from '../database/tx';
import { OrgsService } from '../orgs/orgs.service';
import { EffectRegistry, type EffectContext } from '../workflow-engine/effects';
import { DocumentGenerator } from './document-generator';
import { DocumentRecord } from './document.entity';
import { formatDocumentNumber, numberScope } from './document-number';
import { UnitNames } from './unit-names';

/** Kinds that list or attach the case's earlier documents. */
const listsDocuments = new Set<DocumentKind>(['case-file-cover', 'court-result-letter', 'petition-feedback']);

@Injectable()
export class DocumentIssuer implements OnModuleInit {
  constructor(
    @Inject(EffectRegistry) private readonly effects: EffectRegistry,
    @Inject(OrgsService) private readonly orgs: OrgsService,
    @Inject(UnitNames) private readonly unitNames: UnitNames,
    @Inject(DocumentGenerator) private readonly generator: DocumentGenerator,
  ) {}

  onModuleInit(): void {
    this.effects.register('issueDocument', (effect, params: { kind: DocumentKind }) => this.issue(effect, params.kind));
  }

  async issue(effect: EffectContext, kind: DocumentKind): Promise<DocumentRecord> {
    const { tx, caseRow, actor, at } = effect;
    const unit = await this.orgs.get(actor.unit.code);
    const year = Number(shanghaiDate(at).slice(0, 4));
    // R-F1: the counter moves in this transaction — a rollback gives the number back.
    const n = await nextNumber(tx.em, numberScope(unit.code, kind, year));
    const parties = await tx.em.find(Party, { where: { caseId: caseRow.id }, order: { seq: 'ASC' } });
    const acceptingUnit = await this.orgs.find(caseRow.acceptingUnitCode);
    const issuer = await tx.em.findOne(User, { where: { username: actor.username } });
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
        issuingUnit: await this.unitNames.facts(unit),
        issuedByName: issuer?.displayName ?? actor.username,
        acceptingUnit: acceptingUnit ? await this.unitNames.facts(acceptingUnit) : undefined,
        acceptedAt: caseRow.acceptedAt,
        // R-S2: documents travel beyond the case file, so ID numbers and phones are masked.
        parties: parties.map((p) => partyView(p)),
        disputeType: caseRow.disputeType,
        disputeTypeLabel: disputeTypeName(caseRow.disputeType, caseRow.catalogVersion, caseRow.disputeSubtype),
        sourceLabel: caseSources[caseRow.source as keyof typeof caseSources] ?? caseRow.source,
        riskLabel: riskLevels[caseRow.riskLevel as keyof typeof riskLevels] ?? caseRow.riskLevel,
        summary: caseRow.summary,
        place: caseRow.place,
        amountFen: caseRow.amountFen,
        peopleInvolved: caseRow.peopleInvolved,
        event: { ...effect.event, actor: undefined, units: undefined },
        // The whole statechart context as it was at issue: templates read their facts from here.
        context: effect.context,
        units: await this.unitNames.namesIn(effect.context),
        documents: listsDocuments.has(kind) ? await this.earlierDocuments(tx, caseRow.id) : undefined,
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
    tx.afterCommit(() => this.generator.kick());
    return row;
  }

  private async earlierDocuments(tx: Tx, caseId: string) {
    const rows = await tx.em.find(DocumentRecord, { where: { caseId }, order: { issuedAt: 'ASC', id: 'ASC' } });
    return rows.map((d) => ({ kind: d.kind, title: d.content?.title ?? documentKinds[d.kind]?.title ?? d.kind, number: d.number, issuedAt: d.issuedAt }));
  }
}
