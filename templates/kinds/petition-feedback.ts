// 访调结果反馈函 — the result of a petition referral is fed back to the referring petition office,
// whatever it is (R-V3), with the lawyer's opinion where one was recorded (R-V2).
import { ctx, issuer, obj, partyNames, pick, pickObj, unitName, type DocumentData } from '../content';
import { Sheet } from '../typesetting/sheet';
import { zhDate } from '../typesetting/zh';
import { disputeOf } from './common';
import { resultOf } from './result';
import type { Template } from '../template';

const lawyerRoles: Record<string, string> = { reception: '接待', advice: '提供法律意见', agent: '担任代理人' };

export const petitionFeedback: Template = {
  kind: 'petition-feedback',
  version: '1',
  async draw(data: DocumentData) {
    const c = data.content;
    const referral = pickObj(ctx(c), 'petitionReferral', 'referral') ?? {};
    const office = pickObj(referral, 'petitionOffice', 'office', 'referringUnit', 'issuedBy');
    const officeName = office ? unitName(c, office) : '';
    const petitionNo = pick(referral, 'petitionNo', 'referenceNo', 'workOrderNo');
    const referredAt = zhDate(pick(referral, 'referredAt', 'at'));
    const lawyer = obj(referral.lawyer);
    const result = resultOf(c, referral);

    const s = new Sheet(data, { template: 'petition-feedback@1' });
    s.letterhead(issuer(c), c.title ?? '访调结果反馈函', data.number);
    s.addressee(officeName || '信访工作机构');
    s.paragraph(
      `${referredAt ? `贵单位于${referredAt}` : '贵单位'}转交调解的${disputeOf(c)}${petitionNo ? `（信访件编号：${petitionNo}）` : ''}，经双方当事人同意，本所已依法组织调解。依照访调对接工作的有关规定，现将调解结果反馈如下：`,
    );
    s.paragraph(`调解结果：${result.label}${result.at ? `（${result.at}）` : ''}。${result.note ? `情况说明：${result.note.replace(/[。]$/, '')}。` : ''}`);
    if (result.terms.length) {
      s.paragraph('协议主要内容：');
      s.items(result.terms);
    }
    const opinion = pick(referral, 'opinion.text') || pick(lawyer, 'opinion');
    if (pick(lawyer, 'name')) {
      const role = lawyerRoles[pick(lawyer, 'role')] ?? '参与';
      const firm = lawyer.unit ? `（${unitName(c, lawyer.unit)}）` : '';
      s.paragraph(`律师参与情况：${pick(lawyer, 'name')}律师${firm}${role}${opinion ? `，法律意见：${opinion.replace(/[。]$/, '')}` : ''}。`);
    }
    const eligible = typeof obj(referral.legalAid).eligible === 'boolean' ? obj(referral.legalAid).eligible : referral.legalAidEligible;
    if (typeof eligible === 'boolean') {
      s.paragraph(`法律援助：当事人${eligible ? '符合' : '不符合'}法律援助条件。`);
    }
    s.paragraph(result.agreed ? '该信访事项涉及的民间纠纷已经化解。' : '该纠纷经调解未能化解，已告知当事人依法通过仲裁、行政、司法等途径解决，请贵单位依法依规处理。');
    s.paragraph('特此反馈。');
    if (result.agreementNumber) s.note(`附件：人民调解协议书（${result.agreementNumber}）`);
    s.signature(issuer(c), data.issuedAt);
    s.note(`抄送：${partyNames(c)}`);
    s.receipt({ documentTitle: c.title ?? '访调结果反馈函', number: data.number, recipient: officeName || '信访工作机构', issuer: issuer(c) });
    return s.finish();
  },
};
