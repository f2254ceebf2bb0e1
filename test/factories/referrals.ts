// Bodies for the referral intakes (POST /api/court-referrals, POST /api/petition-referrals).
import { intakeBody, person } from './parties';

/** A filing application of two neighbours of 五四路街道和平社区 (130606002001), where the dispute arose too. */
export function filingBody(overrides: Record<string, unknown> = {}) {
  return {
    parties: [
      { ...person('张建国', 'applicant', 'male', '1975-04-12', 11), residenceDivisionCode: '130606002001' },
      { ...person('李秀兰', 'respondent', 'female', '1980-09-03', 22), residenceDivisionCode: '130606002001' },
    ],
    disputeType: 'neighbour',
    riskLevel: 'yellow',
    amountInvolved: '3000',
    summary: '原告诉称被告修建院墙排水沟致其房屋受损，请求判令被告改建排水沟并赔偿损失。',
    claims: '1. 判令被告改建排水沟；2. 判令被告赔偿损失人民币3000元。',
    disputePlace: '五四路街道和平社区',
    disputeDivisionCode: '130606002001',
    ...overrides,
  };
}

/** A private-lending petition the petition office means to refer for mediation. */
export function petitionBody(overrides: Record<string, unknown> = {}) {
  const { source: _s, ...dispute } = intakeBody({ disputeType: 'private-lending', amountInvolved: '50000' });
  return {
    ...dispute,
    summary: '信访人反映借款五万元到期未还，多次催讨无果，要求有关部门督促还款。',
    petitionNo: 'XF-2026-0815',
    nature: { administrative: false, courtProceedingsPending: false },
    ...overrides,
  };
}
