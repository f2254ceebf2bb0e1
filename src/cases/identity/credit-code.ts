// R-C1: unified social credit codes (GB 32100-2015): 18 characters from a 31-character alphabet,
// the organisation code in positions 9–17 (GB 11714 check) and a MOD 31 check character.

const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const orgWeights = [3, 7, 9, 10, 5, 8, 4, 2];

export function creditCheckChar(first17: string): string {
  const sum = [...first17].reduce((acc, ch, i) => acc + alphabet.indexOf(ch) * weights[i], 0);
  return alphabet[(31 - (sum % 31)) % 31];
}

/** GB 11714 check character of an 8-character organisation code body. */
export function orgCodeCheckChar(body: string): string {
  const value = (ch: string) => (/\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55);
  const sum = [...body].reduce((acc, ch, i) => acc + value(ch) * orgWeights[i], 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** Null when valid, else the reason in Chinese for the field error. */
export function creditCodeProblem(code: string): string | null {
  if (!new RegExp(`^[${alphabet}]{18}$`).test(code)) return '统一社会信用代码应为18位数字或大写字母（不含I、O、Z、S、V）';
  if (!/^\d{6}$/.test(code.slice(2, 8))) return '统一社会信用代码的登记管理机关行政区划码无效';
  if (orgCodeCheckChar(code.slice(8, 16)) !== code[16]) return '统一社会信用代码中的组织机构代码校验位错误';
  if (creditCheckChar(code.slice(0, 17)) !== code[17]) return '统一社会信用代码校验位错误，请核对';
  return null;
}
