// 口头调解协议登记表 — an oral agreement is recorded by the mediator and takes effect when reached
// (R-P7; 人民调解法 art. 28, 30).
import { ctx, issuer, parties, pickObj, str, type DocumentData } from '../content';
import { Sheet } from '../typesetting/sheet';
import { yuan, zhDate, zhDateTime } from '../typesetting/zh';
import { dash, law, partyLine, termItems } from './common';
import type { Template } from '../template';

export const oralAgreementRecord: Template = {
  kind: 'oral-agreement-record',
  version: '1',
  async draw(data: DocumentData) {
    const c = data.content;
    const a = pickObj(ctx(c), 'agreement') ?? {};
    const terms = termItems(a.terms).map((t, i) => `${i + 1}. ${t}`).join('\n');
    const performance = [
      str(a.performanceMethod),
      str(a.performancePlace) ? `地点：${str(a.performancePlace)}` : '',
      str(a.performanceDeadline) ? `期限：${zhDate(a.performanceDeadline) || str(a.performanceDeadline)}前` : '',
    ]
      .filter(Boolean)
      .join('；');
    const s = new Sheet(data, { form: true, template: 'oral-agreement-record@1' });
    s.formhead(issuer(c), c.title ?? '口头调解协议登记表', data.number);
    s.table(
      [1.1, 1.9, 1.1, 1.9],
      [
        [{ text: '案件编号', align: 'center' }, { text: dash(c.caseNo ?? '') }, { text: '纠纷类型', align: 'center' }, { text: dash(c.disputeTypeLabel ?? '') }],
        ...parties(c).map((p) => [{ text: '当事人', align: 'center' as const }, { text: partyLine(p), span: 3 }]),
        [{ text: '纠纷简要情况', align: 'center' }, { text: dash(str(c.summary)), span: 3 }],
        [{ text: '协议内容', align: 'center' }, { text: dash(terms), span: 3 }],
        [{ text: '履行方式、\n地点和期限', align: 'center' }, { text: dash(performance), span: 3 }],
        [
          { text: '协议金额', align: 'center' },
          { text: typeof a.amountFen === 'number' ? yuan(a.amountFen) : '——' },
          { text: '达成时间', align: 'center' },
          { text: dash(zhDateTime(a.reachedAt)) },
        ],
        [
          { text: '协议效力', align: 'center' },
          { text: `口头调解协议自各方当事人达成协议之日起生效，具有法律约束力，当事人应当按照约定履行（${law.mediation}第三十条、第三十一条）。`, span: 3 },
        ],
        [{ text: '记录人', align: 'center' }, { text: str(c.issuedByName) || data.issuedBy }, { text: '登记日期', align: 'center' }, { text: zhDate(data.issuedAt) }],
      ],
      { minRowHeight: 30 },
    );
    s.signLines([...parties(c).map((p) => `当事人（签名或按指印）${p.name}`), '人民调解员（签名）']);
    s.signature(issuer(c), data.issuedAt);
    return s.finish();
  },
};
