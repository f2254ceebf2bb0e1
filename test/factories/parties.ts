// Valid parties for intake bodies: ID numbers carry a correct check character (R-C1).
import { makeIdNumber } from '../../src/cases/identity/id-number';

export const person = (name: string, role: 'applicant' | 'respondent', gender: 'male' | 'female', birth: string, seq: number) => ({
  role,
  kind: 'person' as const,
  name,
  gender,
  ethnicity: '汉族',
  birthDate: birth,
  idNumber: makeIdNumber('130606', birth, gender, seq),
  phone: `1381234${String(5000 + seq).slice(-4)}`,
  address: '河北省保定市莲池区五四路街道',
});

export function intakeBody(overrides: Record<string, unknown> = {}) {
  return {
    parties: [person('张建国', 'applicant', 'male', '1975-04-12', 11), person('李秀兰', 'respondent', 'female', '1980-09-03', 22)],
    disputeType: 'neighbour',
    source: 'party-application',
    riskLevel: 'yellow',
    amountInvolved: '3000',
    summary: '双方因院墙排水问题发生争执，申请人要求被申请人改建排水沟并赔偿损失。',
    place: '五四路街道和平社区',
    ...overrides,
  };
}
