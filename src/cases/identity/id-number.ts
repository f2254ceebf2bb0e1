// R-C1: mainland resident ID numbers (GB 11643): 6-digit division code, birth date YYYYMMDD,
// 3-digit sequence (odd = male, even = female), ISO 7064 MOD 11-2 check character.

const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkChars = '10X98765432';
const provinces = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43',
  '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82', '83', '91',
]);

export function idCheckChar(first17: string): string {
  const sum = [...first17].reduce((acc, ch, i) => acc + Number(ch) * weights[i], 0);
  return checkChars[sum % 11];
}

/** A well-formed number for demo and test data: the sequence is made odd for a man, even for a woman. */
export function makeIdNumber(division: string, birthDate: string, gender: 'male' | 'female', seq: number): string {
  const body = `${division}${birthDate.replace(/-/g, '')}${String(gender === 'male' ? seq * 2 + 1 : seq * 2 + 2).padStart(3, '0')}`;
  return body + idCheckChar(body);
}

export const birthDateOf = (id: string) => `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
export const genderOf = (id: string): 'male' | 'female' => (Number(id[16]) % 2 === 1 ? 'male' : 'female');

function isRealDate(iso: string): boolean {
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso;
}

export interface IdNumberFacts {
  gender?: 'male' | 'female' | null;
  birthDate?: string | null;
  /** YYYY-MM-DD; a birth date after it is impossible. */
  today: string;
}

/** Null when valid, else the reason in Chinese for the field error. */
export function idNumberProblem(id: string, facts: IdNumberFacts): string | null {
  if (!/^\d{17}[\dX]$/.test(id)) return '身份证号码应为18位：前17位为数字，最后一位为数字或大写X';
  if (!provinces.has(id.slice(0, 2))) return '身份证号码的地区码无效';
  const birth = birthDateOf(id);
  if (!isRealDate(birth) || birth > facts.today || birth < '1900-01-01') return '身份证号码中的出生日期不存在';
  if (idCheckChar(id.slice(0, 17)) !== id[17]) return '身份证号码校验位错误，请核对';
  if (facts.gender && genderOf(id) !== facts.gender) return '身份证号码与性别不符（第17位奇数为男，偶数为女）';
  if (facts.birthDate && facts.birthDate !== birth) return '身份证号码与出生日期不符';
  return null;
}
