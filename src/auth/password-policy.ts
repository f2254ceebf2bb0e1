// 等保 level 3 password policy: at least 12 characters, three of four character classes, not the
// username, not the demo password.

export function passwordProblem(password: string, username: string): string | null {
  if (password.length < 12) return '密码至少 12 位';
  if (password.length > 128) return '密码不能超过 128 位';
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) return '密码须包含大写字母、小写字母、数字、符号中的至少三类';
  if (password.toLowerCase().includes(username.toLowerCase())) return '密码不能包含用户名';
  if (password.toLowerCase().includes('sandiao')) return '密码不能包含系统名称';
  return null;
}
