// Sentences several documents share: who the parties are, what the dispute is, the legal basis.
import { ctx, parties, pick, str, unitName, type DocumentContent, type PartyFacts } from '../content';
import { genderLabels, partyRoleLabels, zhDate } from '../typesetting/zh';

export const law = {
  mediation: '《中华人民共和国人民调解法》',
  civilProcedure: '《中华人民共和国民事诉讼法》',
  rules2002: '《人民调解工作若干规定》',
  invited: '《最高人民法院关于人民法院特邀调解的规定》',
};

/** 申请人：张三，男，汉族，1980年1月2日生，身份证号码130602********1234，住…，联系电话138****5678。 */
export function partyLine(p: PartyFacts): string {
  const role = partyRoleLabels[p.role] ?? '当事人';
  const facts: string[] = [p.name];
  if (p.kind === 'organisation') {
    if (p.creditCode) facts.push(`统一社会信用代码${p.creditCode}`);
    if (p.address) facts.push(`住所地${p.address}`);
    if (p.legalRepresentative) facts.push(`法定代表人${p.legalRepresentative}`);
  } else {
    if (p.gender && genderLabels[p.gender]) facts.push(genderLabels[p.gender]);
    if (p.ethnicity) facts.push(p.ethnicity);
    if (p.birthDate) facts.push(`${zhDate(p.birthDate)}生`);
    if (p.idNumber) facts.push(`身份证号码${p.idNumber}`);
    if (p.address) facts.push(`住${p.address}`);
  }
  if (p.phone) facts.push(`联系电话${p.phone}`);
  let line = `${role}：${facts.join('，')}。`;
  if (p.agent?.name) line += `委托代理人：${p.agent.name}${p.agent.scope ? `（${p.agent.scope}）` : ''}。`;
  return line;
}

const byRole = (c: DocumentContent, role: string) => parties(c).filter((p) => p.role === role).map((p) => p.name).join('、');

/** 申请人张三与被申请人李四之间的邻里纠纷 */
export function disputeOf(c: DocumentContent): string {
  const applicants = byRole(c, 'applicant');
  const respondents = byRole(c, 'respondent');
  const type = c.disputeTypeLabel ? `${c.disputeTypeLabel}纠纷` : '纠纷';
  if (applicants && respondents) return `申请人${applicants}与被申请人${respondents}之间的${type}`;
  const names = parties(c).map((p) => p.name).join('、');
  return names ? `${names}之间的${type}` : `该${type}`;
}

/** The unit that accepted the case and when. */
export function acceptance(c: DocumentContent): string {
  const unit = c.acceptingUnit ? unitName(c, c.acceptingUnit) : unitName(c, ctx(c).handlingUnit);
  const at = zhDate(c.acceptedAt ?? ctx(c).acceptedAt);
  return [at ? `${at}` : '', unit ? `由${unit}受理` : '受理'].join('');
}

/** Names of the parties who refused or demanded termination, from the consents and the event. */
export function objectingParties(c: DocumentContent): string {
  const consents = ctx(c).consents ?? {};
  const ids = new Set<string>(Object.entries(consents).filter(([, v]) => v === 'refused').map(([k]) => k));
  const partyId = pick(c.event, 'partyId');
  if (partyId) ids.add(partyId);
  return parties(c).filter((p) => ids.has(p.id)).map((p) => p.name).join('、');
}

/** Agreed terms split into items: one per line of what the mediator typed. */
export function termItems(terms: unknown): string[] {
  return str(terms)
    .split(/\n+|；(?=\S)/)
    .map((t) => t.replace(/^\s*(?:\d+[.、．)]|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、)\s*/, '').trim())
    .filter(Boolean);
}

export const dash = (s: string) => s || '——';

/** 张三：住…；李四：住… for the receipt's address line. */
export const addresses = (c: DocumentContent) =>
  parties(c)
    .filter((p) => p.address)
    .map((p) => `${p.name}：${p.address}`)
    .join('；');
