// 人民调解受理登记表 — written at registration (R-P1).
import { issuer, parties, str, type DocumentData } from '../content';
import { Sheet } from '../typesetting/sheet';
import { yuan, zhDate, zhDateTime } from '../typesetting/zh';
import { dash, law, partyLine } from './common';
import type { Template } from '../template';

export const registrationForm: Template = {
  kind: 'registration-form',
  version: '1',
  async draw(data: DocumentData) {
    const c = data.content;
    const s = new Sheet(data, { form: true, template: 'registration-form@1' });
    s.formhead(issuer(c), c.title ?? '人民调解受理登记表', data.number);
    const amount = typeof c.amountFen === 'number' ? yuan(c.amountFen) : '';
    s.table(
      [1.1, 1.9, 1.1, 1.9],
      [
        [{ text: '案件编号', align: 'center' }, { text: dash(c.caseNo ?? '') }, { text: '受理时间', align: 'center' }, { text: dash(zhDateTime(c.acceptedAt)) }],
        [{ text: '案件来源', align: 'center' }, { text: dash(c.sourceLabel ?? '') }, { text: '纠纷类型', align: 'center' }, { text: dash(c.disputeTypeLabel ?? '') }],
        [{ text: '涉及金额', align: 'center' }, { text: dash(amount) }, { text: '涉及人数', align: 'center' }, { text: c.peopleInvolved ? `${c.peopleInvolved}人` : '——' }],
        [{ text: '纠纷发生地', align: 'center' }, { text: dash(c.place ?? ''), span: 1 }, { text: '风险等级', align: 'center' }, { text: dash(c.riskLabel ?? '') }],
        ...parties(c).map((p) => [{ text: '当事人', align: 'center' as const }, { text: partyLine(p), span: 3 }]),
        [{ text: '纠纷简要情况', align: 'center' }, { text: dash(c.summary ?? ''), span: 3 }],
        [
          { text: '受理意见', align: 'center' },
          {
            text: `经审查，该纠纷属于人民调解的受理范围，${/主动|排查/.test(c.sourceLabel ?? '') ? '本委员会主动调解' : '当事人申请调解'}，依照${law.mediation}第十七条的规定，予以受理登记。`,
            span: 3,
          },
        ],
        [{ text: '登记人', align: 'center' }, { text: str(c.issuedByName) || data.issuedBy }, { text: '登记日期', align: 'center' }, { text: zhDate(data.issuedAt) }],
      ],
      { minRowHeight: 30 },
    );
    s.signature(issuer(c), data.issuedAt);
    return s.finish();
  },
};
