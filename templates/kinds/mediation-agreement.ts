// 人民调解协议书 (R-P7, 人民调解法 art. 28, 29): parties, facts and issues, agreed terms, performance
// method, place and deadline; effective once every party and the mediator have signed and the
// committee has sealed.
import { ctx, issuer, parties, pickObj, str, type DocumentData } from '../content';
import { Sheet } from '../typesetting/sheet';
import { yuan, zhDate } from '../typesetting/zh';
import { law, partyLine, termItems } from './common';
import type { Template } from '../template';

export const mediationAgreement: Template = {
  kind: 'mediation-agreement',
  version: '1',
  async draw(data: DocumentData) {
    const c = data.content;
    const agreement = pickObj(ctx(c), 'agreement') ?? pickObj(c, 'event') ?? {};
    const copies = parties(c).length + 1;
    const s = new Sheet(data, { template: 'mediation-agreement@1' });
    s.letterhead(issuer(c), c.title ?? '人民调解协议书', data.number);
    for (const p of parties(c)) s.paragraph(partyLine(p), { indent: false });
    s.space(0.3);
    s.heading('一、纠纷主要事实、争议事项');
    s.paragraph(str(c.summary) || '　');
    s.heading('二、经调解，各方当事人自愿达成如下协议');
    s.items(termItems(agreement.terms).map((t) => (/[。；]$/.test(t) ? t : `${t}。`)));
    s.heading('三、履行方式、地点和期限');
    const amount = typeof agreement.amountFen === 'number' ? `协议涉及金额${yuan(agreement.amountFen)}。` : '';
    s.paragraph(
      [
        str(agreement.performanceMethod) ? `履行方式：${str(agreement.performanceMethod)}。` : '',
        str(agreement.performancePlace) ? `履行地点：${str(agreement.performancePlace)}。` : '',
        str(agreement.performanceDeadline) ? `履行期限：${zhDate(agreement.performanceDeadline) || str(agreement.performanceDeadline)}前。` : '',
        amount,
      ].join('') || '　',
    );
    s.heading('四、其他');
    s.paragraph(
      `本协议经人民调解委员会调解达成，具有法律约束力，当事人应当按照约定履行（${law.mediation}第三十一条）。双方当事人认为有必要的，可以自本协议生效之日起三十日内共同向人民法院申请司法确认（同法第三十三条）。`,
    );
    s.paragraph(
      `本协议自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效（同法第二十九条）。本协议一式${copies}份，当事人各执一份，人民调解委员会留存一份。`,
    );
    s.signLines([...parties(c).map((p) => `当事人（签名或按指印）${p.name}`), '人民调解员（签名）']);
    s.signature(issuer(c), data.issuedAt);
    return s.finish();
  },
};
