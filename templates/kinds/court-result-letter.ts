// 调解结果告知函 — whatever the outcome of a court referral, the justice office reports it to the
// referring court, with the agreement if any (R-L4). Facts from `context.courtReferral`.
import { ctx, issuer, partyNames, pick, pickObj, unitName, type DocumentData } from '../content';
import { Sheet } from '../typesetting/sheet';
import { zhDate } from '../typesetting/zh';
import { disputeOf, law } from './common';
import { resultOf } from './result';
import type { Template } from '../template';

export const courtResultLetter: Template = {
  kind: 'court-result-letter',
  version: '1',
  async draw(data: DocumentData) {
    const c = data.content;
    const referral = pickObj(ctx(c), 'courtReferral', 'referral') ?? {};
    const court = pickObj(referral, 'court', 'referringCourt', 'issuedBy');
    const courtName = court ? unitName(c, court) : '';
    const filingNo = pick(referral, 'preFilingNo', 'filingNo', 'applicationNo');
    const handedOver = zhDate(pick(referral, 'handedOverAt', 'referredAt', 'deferredAt', 'at'));
    const result = resultOf(c, referral);

    const s = new Sheet(data, { template: 'court-result-letter@1' });
    s.letterhead(issuer(c), c.title ?? '调解结果告知函', data.number);
    s.addressee(courtName || '人民法院');
    s.paragraph(
      `${handedOver ? `贵院于${handedOver}` : '贵院'}暂缓立案并移交本所调解的${disputeOf(c)}${filingNo ? `（贵院诉前调解案号：${filingNo}）` : ''}，本所已组织调解。依照${law.invited}的规定，现将调解结果函告如下：`,
    );
    s.paragraph(`调解结果：${result.label}${result.at ? `（${result.at}）` : ''}。${result.note ? `情况说明：${result.note.replace(/[。]$/, '')}。` : ''}`);
    if (result.agreed) {
      if (result.terms.length) {
        s.paragraph('协议主要内容：');
        s.items(result.terms);
      }
      s.paragraph(
        `该纠纷已经化解，请贵院对暂缓立案的起诉材料依法处理。双方当事人可以自调解协议生效之日起三十日内共同向贵院申请司法确认（${law.mediation}第三十三条）。`,
      );
    } else {
      s.paragraph('该纠纷经调解未能化解，现退回贵院，请依法登记立案并进行立案审查。');
    }
    s.paragraph('特此函告。');
    if (result.agreementNumber) s.note(`附件：人民调解协议书（${result.agreementNumber}）`);
    s.signature(issuer(c), data.issuedAt);
    s.note(`抄送：${partyNames(c)}`);
    s.receipt({ documentTitle: c.title ?? '调解结果告知函', number: data.number, recipient: courtName || '人民法院', issuer: issuer(c) });
    return s.finish();
  },
};
