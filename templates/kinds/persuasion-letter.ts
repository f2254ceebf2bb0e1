// 劝导书 — a basic court defers filing 暂缓立案 with both parties' consent and hands the dispute to a
// justice office (R-L1, R-L2, R-L3). Facts come from `context.courtReferral` (docs/documents.md).
import { ctx, issuer, obj, parties, partyNames, pick, pickObj, unitName, type DocumentData } from '../content';
import { Sheet } from '../typesetting/sheet';
import { zhDate, zhNumber } from '../typesetting/zh';
import { addresses, disputeOf, law } from './common';
import type { Template } from '../template';

export const persuasionLetter: Template = {
  kind: 'persuasion-letter',
  version: '1',
  async draw(data: DocumentData) {
    const c = data.content;
    const referral = pickObj(ctx(c), 'courtReferral', 'referral') ?? {};
    const office = pickObj(referral, 'handedTo', 'justiceOffice', 'target', 'targetUnit', 'receivingUnit');
    const officeName = office ? unitName(c, office) : unitName(c, pick(c.event, 'targetUnitCode', 'justiceOfficeUnitCode'));
    const appliedAt = zhDate(pick(referral, 'receivedAt', 'appliedAt', 'filedAt'));
    const filingNo = pick(referral, 'preFilingNo', 'filingNo', 'applicationNo');
    const days = Number(referral.days ?? obj(referral.policy).days ?? ctx(c).policy?.days) || 30;
    const claims = pick(referral, 'claims');
    const basis = pick(referral, 'handOverBasis.kind', 'basis');
    const basisLabel = basis === 'residence' ? '当事人住所地' : basis === 'dispute-place' ? '纠纷发生地' : '';
    const consents = obj(referral.consents ?? ctx(c).consents);
    const consentLine = parties(c)
      .map((p) => `${p.name}（${consents[p.id] === 'given' ? '同意' : consents[p.id] === 'refused' ? '不同意' : '已征询'}）`)
      .join('、');

    const s = new Sheet(data, { template: 'persuasion-letter@1' });
    s.letterhead(issuer(c), c.title ?? '劝导书', data.number);
    s.addressee(partyNames(c));
    s.paragraph(
      `${appliedAt ? `你们于${appliedAt}` : '你们'}向本院提交的${disputeOf(c)}起诉材料${filingNo ? `（诉前调解案号：${filingNo}）` : ''}已收悉。${claims ? `诉讼请求：${claims.replace(/[。；]$/, '')}。` : ''}本院经审查认为，该纠纷适宜通过人民调解方式解决。`,
    );
    s.paragraph(
      `依照${law.civilProcedure}第一百二十五条、${law.mediation}第十八条及${law.invited}的规定，经征得双方当事人同意，本院决定对该纠纷暂缓立案，移交${basisLabel}${officeName || '纠纷发生地或者当事人住所地的司法所'}组织调解。`,
    );
    if (consentLine) s.paragraph(`当事人同意调解情况：${consentLine}。`);
    s.heading('有关事项告知如下：');
    s.items([
      `调解期限为${zhNumber(days)}日，自移交之日起计算；经双方当事人同意，可以延长。`,
      `调解达成协议的，双方当事人可以自调解协议生效之日起三十日内共同向本院申请司法确认（${law.mediation}第三十三条）。`,
      '调解不成或者调解期限届满未达成协议的，本院将依法进行立案审查，你们的起诉日期以向本院提交起诉材料之日为准。',
      '调解期间，你们应当如实陈述纠纷事实，配合调解工作。',
    ]);
    s.paragraph('特此劝导。');
    s.signature(issuer(c), data.issuedAt, [], { court: true });
    if (officeName) s.note(`抄送：${officeName}`);
    s.receipt({ documentTitle: c.title ?? '劝导书', number: data.number, recipient: partyNames(c), address: addresses(c), issuer: issuer(c) });
    return s.finish();
  },
};
