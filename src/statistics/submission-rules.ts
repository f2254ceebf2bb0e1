// R-T4, the submission chain as rules over the facts of one report: what may happen next and,
// when it may not, why (rule id and a message for the clerk).
export type ChainEvent = 'submit' | 'reopen';
export type ChainState = 'draft' | 'submitted' | 'reopened';

export interface ChainFacts {
  state: ChainState;
  /** The month is over in Asia/Shanghai. */
  monthEnded: boolean;
  /** Children in the month's tree without a report in force (names). */
  childrenNotSubmitted: string[];
  /** The parent's own report for the month is submitted (it froze this one's figures). */
  parentSubmitted: boolean;
  /** A later month of this unit is submitted (its adjustments already count on this copy). */
  laterMonthSubmitted: boolean;
}

export interface Refusal {
  code: 'TRANSITION_NOT_ALLOWED' | 'RULE_VIOLATED';
  rule: 'R-T4';
  message: string;
  details?: Record<string, unknown>;
}

export function refusal(event: ChainEvent, f: ChainFacts): Refusal | null {
  const notAllowed = (message: string): Refusal => ({ code: 'TRANSITION_NOT_ALLOWED', rule: 'R-T4', message });
  if (event === 'submit') {
    if (f.state === 'submitted') return notAllowed('本月报表已报送并冻结，如需更正请由上级单位退回');
    if (!f.monthEnded) return { code: 'RULE_VIOLATED', rule: 'R-T4', message: '本月尚未结束，月末之后才能报送' };
    if (f.childrenNotSubmitted.length) {
      return {
        code: 'RULE_VIOLATED',
        rule: 'R-T4',
        message: `下级单位尚未报送：${f.childrenNotSubmitted.join('、')}`,
        details: { notSubmitted: f.childrenNotSubmitted },
      };
    }
    return null;
  }
  if (f.state !== 'submitted') return notAllowed('本月报表尚未报送，无需退回');
  if (f.parentSubmitted) return notAllowed('上级单位已报送本月报表，须先由再上一级退回上级报表');
  if (f.laterMonthSubmitted) return notAllowed('以后月份的报表已报送，本月的更正将作为调整数计入下月报表');
  return null;
}

export const allowedChainEvents = (f: ChainFacts): ChainEvent[] =>
  (['submit', 'reopen'] as ChainEvent[]).filter((e) => refusal(e, f) === null);
