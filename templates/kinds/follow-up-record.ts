// 人民调解回访记录 — the agreement is followed up before the case is closed; non-performance is
// recorded and the other party told it may sue or apply for judicial confirmation (R-P7).
import { ctx, issuer, parties, pick, pickObj, str, type DocumentData } from '../content';
import { Sheet } from '../typesetting/sheet';
import { performanceLabels, zhDate, zhDateTime } from '../typesetting/zh';
import { dash, law, termItems } from './common';
import type { Template } from '../template';

export const followUpRecord: Template = {
  kind: 'follow-up-record',
  version: '1',
  async draw(data: DocumentData) {
    const c = data.content;
    const f = pickObj(ctx(c), 'followUp') ?? {};
    const a = pickObj(ctx(c), 'agreement') ?? {};
    const performance = pick(f, 'performance') || pick(c.event, 'performance');
    const advice =
      performance && performance !== 'performed'
        ? `已告知当事人：一方不履行调解协议的，对方当事人可以就调解协议的履行或者内容向人民法院提起诉讼，或者自调解协议生效之日起三十日内共同申请司法确认（${law.mediation}第三十二条、第三十三条）。`
        : '调解协议已履行完毕，纠纷化解。';
    const s = new Sheet(data, { form: true, template: 'follow-up-record@1' });
    s.formhead(issuer(c), c.title ?? '人民调解回访记录', data.number);
    s.table(
      [1.1, 1.9, 1.1, 1.9],
      [
        [{ text: '案件编号', align: 'center' }, { text: dash(c.caseNo ?? '') }, { text: '纠纷类型', align: 'center' }, { text: dash(c.disputeTypeLabel ?? '') }],
        [{ text: '当事人', align: 'center' }, { text: dash(parties(c).map((p) => p.name).join('、')), span: 3 }],
        [
          { text: '协议形式', align: 'center' },
          { text: a.form === 'oral' ? '口头协议' : a.form === 'written' ? '书面协议' : '——' },
          { text: '协议生效', align: 'center' },
          { text: dash(zhDate(a.effectiveAt ?? a.reachedAt)) },
        ],
        [{ text: '协议内容', align: 'center' }, { text: dash(termItems(a.terms).join('；')), span: 3 }],
        [{ text: '回访时间', align: 'center' }, { text: dash(zhDateTime(f.at ?? data.issuedAt)) }, { text: '履行情况', align: 'center' }, { text: dash(performanceLabels[performance] ?? '') }],
        [{ text: '回访情况', align: 'center' }, { text: dash(str(f.note) || pick(c.event, 'note')), span: 3 }],
        [{ text: '处理意见', align: 'center' }, { text: advice, span: 3 }],
        [{ text: '回访人', align: 'center' }, { text: str(c.issuedByName) || data.issuedBy }, { text: '记录日期', align: 'center' }, { text: zhDate(data.issuedAt) }],
      ],
      { minRowHeight: 30 },
    );
    s.signLines(['被回访人（签名）', '回访人（签名）']);
    s.signature(issuer(c), data.issuedAt);
    return s.finish();
  },
};
