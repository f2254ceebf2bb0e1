import { registerPredicate } from '../../common/validation/zh';
import { shanghaiDate } from '../../common/time/instant';
import { creditCodeProblem } from './credit-code';
import { idNumberProblem } from './id-number';

/** R-C1: checks the ID number against itself and the party's gender and birth date on the same object. */
export const IsIdNumber = () =>
  registerPredicate(
    'idNumber',
    (args) => {
      const o = args.object as { gender?: 'male' | 'female'; birthDate?: string };
      return (
        idNumberProblem(String(args.value ?? ''), { gender: o.gender, birthDate: o.birthDate, today: shanghaiDate(new Date()) }) ??
        '身份证号码无效'
      );
    },
    (value, o) =>
      typeof value === 'string' &&
      idNumberProblem(value, { gender: o?.gender, birthDate: o?.birthDate, today: shanghaiDate(new Date()) }) === null,
  );

export const IsCreditCode = () =>
  registerPredicate(
    'creditCode',
    (args) => creditCodeProblem(String(args.value ?? '')) ?? '统一社会信用代码无效',
    (value) => typeof value === 'string' && creditCodeProblem(value) === null,
  );

export const IsPhone = () =>
  registerPredicate(
    'phone',
    '电话号码格式不正确（手机 11 位，或固定电话如 0312-1234567）',
    (value) => typeof value === 'string' && /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/.test(value),
  );
