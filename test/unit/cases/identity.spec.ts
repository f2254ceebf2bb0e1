// R-C1 identity numbers, R-S2 masking, and amounts in fen: the checks a clerk meets when registering
// parties, each answering with the Chinese reason shown beside the field.
import { validate } from 'class-validator';
import { creditCheckChar, creditCodeProblem, orgCodeCheckChar } from '../../../src/cases/identity/credit-code';
import { birthDateOf, genderOf, idCheckChar, idNumberProblem } from '../../../src/cases/identity/id-number';
import { IsCreditCode, IsIdNumber, IsPhone } from '../../../src/cases/identity/identity.validators';
import { maskIdNumber, maskPhone } from '../../../src/cases/masking';
import { fenToYuan, yuanToFen } from '../../../src/common/money';

const today = '2026-03-02';
/** Seventeen digits and their correct check character. */
const withCheck = (first17: string) => first17 + idCheckChar(first17);

const problems = {
  format: '身份证号码应为18位：前17位为数字，最后一位为数字或大写X',
  region: '身份证号码的地区码无效',
  date: '身份证号码中的出生日期不存在',
  check: '身份证号码校验位错误，请核对',
  gender: '身份证号码与性别不符（第17位奇数为男，偶数为女）',
  birthDate: '身份证号码与出生日期不符',
};
const codeProblems = {
  format: '统一社会信用代码应为18位数字或大写字母（不含I、O、Z、S、V）',
  division: '统一社会信用代码的登记管理机关行政区划码无效',
  orgCheck: '统一社会信用代码中的组织机构代码校验位错误',
  check: '统一社会信用代码校验位错误，请核对',
};

describe('R-C1 mainland ID numbers (GB 11643, ISO 7064 MOD 11-2)', () => {
  // The standard's own example: born 1949-12-31 in 北京市朝阳区, sequence 002 (even: female), check X.
  const example = '11010519491231002X';

  it('R-C1 accepts the GB 11643 example with its X check character, gender and birth date', () => {
    expect(idCheckChar(example.slice(0, 17))).toBe('X');
    expect(idNumberProblem(example, { today, gender: 'female', birthDate: '1949-12-31' })).toBeNull();
    expect(genderOf(example)).toBe('female');
    expect(birthDateOf(example)).toBe('1949-12-31');
  });

  it('R-C1 accepts a Baoding (莲池区 130606) number for a man (odd 17th digit)', () => {
    const id = withCheck('13060619750412023');
    expect(id).toBe('130606197504120236');
    expect(idNumberProblem(id, { today, gender: 'male', birthDate: '1975-04-12' })).toBeNull();
  });

  it.each([
    ['a wrong check character', '110105194912310021', problems.check],
    ['a lowercase x check character', '11010519491231002x', problems.format],
    ['17 characters', '11010519491231002', problems.format],
    ['19 characters', '11010519491231002X1', problems.format],
    ['a letter before the check character', '1101051949123100AX', problems.format],
    ['an X anywhere but last', 'X10105194912310021', problems.format],
    ['an impossible date (31 February)', withCheck('11010519490231002'), problems.date],
    ['29 February of a common year', withCheck('11010520260229002'), problems.date],
    ['month 13', withCheck('11010519491301002'), problems.date],
    ['a birth date after today', withCheck('11010520300101002'), problems.date],
    ['a birth date before 1900', withCheck('11010518991231002'), problems.date],
    ['an unknown province code 99', withCheck('99010519491231002'), problems.region],
    ['province code 00', withCheck('00010519491231002'), problems.region],
  ])('R-C1 refuses %s', (_what, id, problem) => {
    expect(idNumberProblem(id, { today })).toBe(problem);
  });

  it('R-C1 accepts 29 February of a leap year and a child born today', () => {
    expect(idNumberProblem(withCheck('11010520240229002'), { today })).toBeNull();
    expect(idNumberProblem(withCheck('11010520260302002'), { today })).toBeNull();
  });

  it('R-C1 refuses a gender that contradicts the 17th digit', () => {
    expect(idNumberProblem(example, { today, gender: 'male' })).toBe(problems.gender);
    expect(idNumberProblem(withCheck('13060619750412023'), { today, gender: 'female' })).toBe(problems.gender);
  });

  it('R-C1 refuses a birth date that contradicts the number', () => {
    expect(idNumberProblem(example, { today, birthDate: '1949-12-30' })).toBe(problems.birthDate);
  });

  it('R-C1 reports a wrong check character before a gender mismatch (the number itself is wrong)', () => {
    expect(idNumberProblem('110105194912310021', { today, gender: 'male', birthDate: '1950-01-01' })).toBe(problems.check);
  });

  it('R-C1 every single-digit typo in the first 17 digits is caught by the check character', () => {
    const body = example.slice(0, 17);
    const typos = [...body].flatMap((digit, i) =>
      [...'0123456789'].filter((d) => d !== digit).map((d) => body.slice(0, i) + d + body.slice(i + 1) + 'X'),
    );
    // Typos that keep a valid region and date must still fail the check character.
    const wellFormed = typos.filter((id) => idNumberProblem(id, { today }) !== problems.region && idNumberProblem(id, { today }) !== problems.date);
    expect(wellFormed.length).toBeGreaterThan(50);
    for (const id of wellFormed) expect(idNumberProblem(id, { today })).toBe(problems.check);
  });
});

describe('R-C1 unified social credit codes (GB 32100)', () => {
  it.each(['91350100M000100Y43', '91110000600037341L'])('R-C1 accepts the real code %s', (code) => {
    expect(creditCodeProblem(code)).toBeNull();
    expect(orgCodeCheckChar(code.slice(8, 16))).toBe(code[16]);
    expect(creditCheckChar(code.slice(0, 17))).toBe(code[17]);
  });

  it('R-C1 refuses a wrong final check character', () => {
    expect(creditCodeProblem('91350100M000100Y44')).toBe(codeProblems.check);
    expect(creditCodeProblem('91110000600037341M')).toBe(codeProblems.check);
  });

  it('R-C1 refuses a wrong organisation-code (GB 11714) check even when the final check matches', () => {
    const body = '91110000600037342';
    const code = body + creditCheckChar(body);
    expect(creditCodeProblem(code)).toBe(codeProblems.orgCheck);
  });

  it.each(['I', 'O', 'Z', 'S', 'V'])('R-C1 refuses the forbidden letter %s', (letter) => {
    expect(creditCodeProblem(`91350100${letter}000100Y43`)).toBe(codeProblems.format);
  });

  it.each([
    ['lowercase letters', '91350100m000100y43', codeProblems.format],
    ['17 characters', '91350100M000100Y4', codeProblems.format],
    ['19 characters', '91350100M000100Y431', codeProblems.format],
    ['letters in the registration division code', '91A50100M000100Y43', codeProblems.division],
  ])('R-C1 refuses %s', (_what, code, problem) => {
    expect(creditCodeProblem(code)).toBe(problem);
  });
});

describe('R-C1 field errors on intake DTOs', () => {
  class PersonFields {
    @IsIdNumber() idNumber!: string;
    @IsPhone() phone!: string;
    gender?: 'male' | 'female';
    birthDate?: string;
  }
  class OrganisationFields {
    @IsCreditCode() creditCode!: string;
  }
  const errorsOf = async (o: object) =>
    Object.fromEntries((await validate(o)).map((e) => [e.property, Object.values(e.constraints ?? {})]));

  it('R-C1 an ID number that contradicts the gender on the same form is refused with the reason', async () => {
    const person = Object.assign(new PersonFields(), { idNumber: '11010519491231002X', phone: '13812345678', gender: 'male', birthDate: '1949-12-31' });
    expect(await errorsOf(person)).toEqual({ idNumber: [problems.gender] });
  });

  it('R-C1 a consistent person passes; mobile and landline phones are accepted', async () => {
    const person = Object.assign(new PersonFields(), { idNumber: '11010519491231002X', phone: '0312-1234567', gender: 'female', birthDate: '1949-12-31' });
    expect(await errorsOf(person)).toEqual({});
  });

  it('R-C1 a malformed phone number is refused', async () => {
    const person = Object.assign(new PersonFields(), { idNumber: '11010519491231002X', phone: '1381234567' });
    expect(await errorsOf(person)).toEqual({ phone: ['电话号码格式不正确（手机 11 位，或固定电话如 0312-1234567）'] });
  });

  it('R-C1 a credit code with a wrong check is refused with the reason', async () => {
    const organisation = Object.assign(new OrganisationFields(), { creditCode: '91350100M000100Y44' });
    expect(await errorsOf(organisation)).toEqual({ creditCode: [codeProblems.check] });
  });
});

describe('R-S2 masking in lists and exports', () => {
  it('R-S2 an ID number keeps its region and last four characters', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskIdNumber('130606197504120236')).toBe('130606********0236');
  });

  it('R-S2 a short or empty value is masked entirely or left empty', () => {
    expect(maskIdNumber('12345')).toBe('*****');
    expect(maskIdNumber('')).toBe('');
    expect(maskIdNumber(null)).toBeNull();
  });

  it('R-S2 a mobile number shows its first three and last four digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('138-1234-5678')).toBe('138****5678');
  });

  it('R-S2 a landline keeps its area code and last four digits', () => {
    expect(maskPhone('0312-1234567')).toBe('0312****4567');
    expect(maskPhone('0312-12345678')).toBe('0312-****5678');
    expect(maskPhone(null)).toBeNull();
  });
});

describe('R-T1 amounts: yuan as typed, fen as stored', () => {
  it.each([
    ['3000', 300_000],
    ['12000.50', 1_200_050],
    ['12000.5', 1_200_050],
    ['0.05', 5],
    ['0', 0],
    ['9999999999999.99', 999_999_999_999_999],
  ])('R-T1 %s 元 is stored as %d 分', (yuan, fen) => {
    expect(yuanToFen(yuan)).toBe(fen);
  });

  it.each([
    [300_000, '3000.00'],
    [1_200_050, '12000.50'],
    [5, '0.05'],
    [0, '0.00'],
    [999_999_999_999_999, '9999999999999.99'],
  ])('R-T1 %d 分 is shown as %s 元', (fen, yuan) => {
    expect(fenToYuan(fen)).toBe(yuan);
  });

  it('R-T1 a missing amount stays missing', () => {
    expect(fenToYuan(null)).toBeNull();
    expect(fenToYuan(undefined)).toBeNull();
  });

  it('R-T1 every amount round-trips from yuan to fen and back', () => {
    for (const yuan of ['1.00', '1.01', '1.10', '99.99', '100.00', '123456789.12']) expect(fenToYuan(yuanToFen(yuan))).toBe(yuan);
  });
});
