// 人民调解权利义务告知书 — served on the parties before the first session (R-P4).
import { ctx, issuer, partyNames, type DocumentData } from '../content';
import { Sheet } from '../typesetting/sheet';
import { zhNumber } from '../typesetting/zh';
import { disputeOf, law } from './common';
import type { Template } from '../template';

export const rightsNotice: Template = {
  kind: 'rights-notice',
  version: '1',
  async draw(data: DocumentData) {
    const c = data.content;
    const s = new Sheet(data, { template: 'rights-notice@1' });
    const days = Number(ctx(c).policy?.days) || 30;
    s.letterhead(issuer(c), c.title ?? '人民调解权利义务告知书', data.number);
    s.addressee(partyNames(c));
    s.paragraph(
      `${disputeOf(c)}，已由本委员会受理。为保障你们在人民调解活动中的合法权益，依照${law.mediation}第二十三条、第二十四条的规定，现将你们享有的权利和应当履行的义务告知如下：`,
    );
    s.heading('一、当事人享有下列权利');
    s.items([
      '选择或者接受人民调解员；',
      '接受调解、拒绝调解或者要求终止调解；',
      '要求调解公开进行或者不公开进行；',
      '自主表达意愿、自愿达成调解协议。',
    ]);
    s.heading('二、当事人应当履行下列义务');
    s.items(['如实陈述纠纷事实；', '遵守调解现场秩序，尊重人民调解员；', '尊重对方当事人行使权利。']);
    s.heading('三、其他事项');
    s.items([
      '人民调解不收取任何费用。',
      `调解一般应当自受理之日起${zhNumber(days)}日内结束；经双方当事人同意，可以延长。`,
      `经调解达成的调解协议具有法律约束力，当事人应当按照约定履行；双方当事人认为有必要的，可以自调解协议生效之日起三十日内共同向人民法院申请司法确认（${law.mediation}第三十一条、第三十三条）。`,
      `调解不成的，本委员会将终止调解，并告知你们可以依法通过仲裁、行政、司法等途径维护自己的权利（${law.mediation}第二十六条）。`,
    ]);
    s.paragraph('请认真阅读本告知书，并在送达回执上签名。');
    s.signature(issuer(c), data.issuedAt);
    s.receipt({ documentTitle: c.title ?? '人民调解权利义务告知书', number: data.number, recipient: partyNames(c), issuer: issuer(c) });
    return s.finish();
  },
};
