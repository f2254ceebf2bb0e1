// R-P2: a committee may not accept a dispute a court, the police or an administrative organ has
// already accepted or decided, unless that organ referred it (人民调解法 art. 22).
import type { Refusal } from '../../workflows/case';

export function priorAcceptanceRefusal(prior?: { organ: string; referred: boolean }): Refusal | null {
  if (!prior || prior.referred) return null;
  const organ = { court: '人民法院', police: '公安机关', administrative: '行政机关' }[prior.organ] ?? prior.organ;
  return { rule: 'R-P2', message: `该纠纷已由${organ}受理或处理，且未委托调解，人民调解委员会不予受理` };
}
