// 人民调解终止书 — a party refused mediation or demanded termination (R-P3); the parties are told
// the other routes (R-P8; 人民调解法 art. 17, 23, 26).
import { ctx, issuer, partyNames, pick, type DocumentData } from '../content';
import { Sheet } from '../typesetting/sheet';
import { acceptance, addresses, disputeOf, law, objectingParties } from './common';
import type { Template } from '../template';

export const termination: Template = {
  kind: 'termination',
  version: '1',
  async draw(data: DocumentData) {
    const c = data.content;
    const reason = pick(ctx(c), 'failure.reason');
    const who = objectingParties(c) || '当事人';
    const note = pick(c.event, 'note') || pick(ctx(c), 'failure.note');
    const why =
      reason === 'refused'
        ? `因${who}明确表示拒绝调解，依照${law.mediation}第十七条“当事人一方明确拒绝调解的，不得调解”的规定，本委员会不予调解。`
        : `因${who}要求终止调解，依照${law.mediation}第二十三条第（二）项的规定，本委员会决定终止调解。`;
    const s = new Sheet(data, { template: 'termination@1' });
    s.letterhead(issuer(c), c.title ?? '人民调解终止书', data.number);
    s.addressee(partyNames(c));
    s.paragraph(`${disputeOf(c)}，${acceptance(c)}。${why}${note ? `有关情况：${note}。` : ''}`);
    s.paragraph(
      `依照${law.mediation}第二十六条的规定，你们可以依法通过仲裁、行政、司法等途径维护自己的权利；需要告知引导的，可以向当地司法所申请，或者拨打“12348”公共法律服务热线咨询。`,
    );
    s.paragraph('特此告知。');
    s.signature(issuer(c), data.issuedAt);
    s.receipt({ documentTitle: c.title ?? '人民调解终止书', number: data.number, recipient: partyNames(c), address: addresses(c), issuer: issuer(c) });
    return s.finish();
  },
};
