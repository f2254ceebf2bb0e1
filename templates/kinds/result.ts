// How a referred case ended, read from the context for the result letters (R-L4, R-V3).
import { arr, ctx, pick, pickObj, type DocumentContent } from '../content';
import { failureReasonLabels, zhDate } from '../typesetting/zh';
import { termItems } from './common';

export interface Result {
  agreed: boolean;
  /** 调解成功，达成协议 / 调解期限届满未达成协议 … */
  label: string;
  /** When the agreement was reached, or when mediation ended without one. */
  at: string;
  terms: string[];
  /** The number of the agreement document issued in this case, if any. */
  agreementNumber: string;
  note: string;
}

export function resultOf(c: DocumentContent, referral: Record<string, any>): Result {
  const context = ctx(c);
  // The referral's reported result (ReferralResult: { outcome, at, agreement, note }) wins over the context.
  const reported = pickObj(referral, 'result', 'feedback') ?? {};
  const agreement = pickObj(reported, 'agreement') ?? pickObj(context, 'agreement');
  const explicit = pick(reported, 'outcome') || pick(referral, 'result', 'outcome');
  const agreed = explicit ? ['agreement', 'agreed', 'success'].includes(explicit) : !!agreement || context.outcome === 'agreement';
  const doc = arr<{ kind: string; number: string }>(c.documents).find((d) => ['mediation-agreement', 'oral-agreement-record'].includes(d.kind));
  const reason = explicit && !agreed ? explicit : pick(context, 'failure.reason');
  return {
    agreed,
    label: agreed ? '调解成功，双方当事人达成调解协议' : (failureReasonLabels[reason] ?? '调解不成'),
    note: pick(reported, 'note'),
    at: zhDate(agreed ? (agreement?.effectiveAt ?? agreement?.reachedAt ?? reported.at) : pick(reported, 'at') || pick(context, 'failure.at')),
    terms: agreed ? termItems(agreement?.terms) : [],
    agreementNumber: doc?.number ?? '',
  };
}
