// 告知引导书 — only a township justice office issues it (R-G1), when the dispute is outside people's
// mediation or mediation failed (R-G2). It names the route and the receiving unit.
import { ctx, issuer, partyNames, pick, pickObj, unitName, type DocumentContent, type DocumentData } from '../content';
import { Sheet } from '../typesetting/sheet';
import { failureReasonLabels, routeLabels } from '../typesetting/zh';
import { acceptance, addresses, disputeOf, law } from './common';
import type { Template } from '../template';

/** The sentence naming where the parties should go next. */
export function routeSentence(route: string, target: string): string {
  switch (route) {
    case 'administrative':
      return `你们可以向${target || '有关行政机关'}申请行政调解。该单位收到本告知引导书后，将与你们联系并确认是否受理。`;
    case 'judicial':
      return `你们可以向${target || '有管辖权的人民法院'}申请诉前调解（司法调解）。该院收到本告知引导书后，将与你们联系并确认是否受理。`;
    case 'litigation':
      return `你们可以依法向${target || '有管辖权的人民法院'}提起民事诉讼。`;
    case 'arbitration':
      return `你们可以依法向${target || '有管辖权的仲裁机构'}申请仲裁（劳动争议应当先向劳动人事争议仲裁委员会申请仲裁）。`;
    case 'legal-aid':
      return `你们可以拨打“12348”公共法律服务热线咨询，或者向${target || '当地法律援助机构'}申请法律援助。`;
    default:
      return '你们可以依法通过仲裁、行政、司法等途径维护自己的权利。';
  }
}

function reasonParagraph(c: DocumentContent, reason: string): string {
  if (reason === 'out-of-scope' || !reason) {
    return `经本所审查，该纠纷依照${law.rules2002}第二十二条的规定，不宜通过人民调解方式解决。`;
  }
  const why = failureReasonLabels[reason] ?? '调解不成';
  return `经人民调解，因${why}，调解已经终止。依照${law.mediation}第二十六条的规定，本所对你们进行告知引导。`;
}

export const guidanceNotice: Template = {
  kind: 'guidance-notice',
  version: '1',
  async draw(data: DocumentData) {
    const c = data.content;
    const g = pickObj(ctx(c), 'guidance') ?? {};
    const route = pick(g, 'route') || pick(c.event, 'route');
    const target = g.target ? unitName(c, g.target) : pick(c.event, 'targetUnitCode') ? unitName(c, pick(c.event, 'targetUnitCode')) : '';
    const reason = pick(g, 'reason') || pick(ctx(c), 'failure.reason') || 'out-of-scope';
    const note = pick(c.event, 'note');
    const s = new Sheet(data, { template: 'guidance-notice@1' });
    s.letterhead(issuer(c), c.title ?? '告知引导书', data.number);
    s.addressee(partyNames(c));
    s.paragraph(`${disputeOf(c)}，${acceptance(c)}。${reasonParagraph(c, reason)}${note ? `具体情况：${note}。` : ''}`);
    s.paragraph(`现告知如下：${routeSentence(route, target)}`);
    if (route && routeLabels[route]) s.paragraph(`引导途径：${routeLabels[route]}${target ? `（${target}）` : ''}。`);
    s.paragraph('你们也可以拨打“12348”公共法律服务热线，或者到当地公共法律服务中心（站）咨询，符合条件的可以申请法律援助。');
    s.paragraph('特此告知。');
    s.signature(issuer(c), data.issuedAt);
    if (target && ['administrative', 'judicial'].includes(route)) s.note(`抄送：${target}`);
    s.receipt({ documentTitle: c.title ?? '告知引导书', number: data.number, recipient: partyNames(c), address: addresses(c), issuer: issuer(c) });
    return s.finish();
  },
};
