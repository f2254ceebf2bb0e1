// R-T5 quantitative evaluation: three scores per unit and month, each from figures of the report
// with its inputs beside it. Formulas are versioned; docs/statistics.md documents each version.
// A score whose inputs are all zero (nothing to judge) is null, not 0 or 100.
import { round, type Figures } from './measures';

export const evaluationVersion = 'v1';

export interface Score {
  score: number | null;
  formula: string;
  inputs: Record<string, number | null>;
  notes?: string[];
}

export interface Evaluation {
  version: string;
  process: Score;
  prevention: Score;
  petition: Score;
}

const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null);
const pct = (value: number | null) => (value === null ? null : round(value * 100, 1));

/** Extra inputs that are not columns of the form. */
export interface EvaluationExtras {
  /** Cases accepted this month whose parties already had a case in the 12 months before (复发). */
  relapses: number;
}

export function evaluate(f: Figures, extras: EvaluationExtras): Evaluation {
  return { version: evaluationVersion, process: processScore(f), prevention: preventionScore(f, extras), petition: petitionScore(f) };
}

/** Process 过程: concluded within the time limit (60%) and agreements followed up (40%). */
function processScore(f: Figures): Score {
  const concluded = f.succeeded + f.failed;
  const agreements = f.agreementsWritten + f.agreementsOral;
  const onTime = rate(concluded - f.overdue, concluded);
  const followedUp = agreements > 0 ? Math.min(1, f.followUps / agreements) : null;
  const parts = [
    [onTime, 0.6],
    [followedUp, 0.4],
  ].filter(([value]) => value !== null) as [number, number][];
  const weight = parts.reduce((s, [, w]) => s + w, 0);
  return {
    score: weight ? round((100 * parts.reduce((s, [v, w]) => s + v * w, 0)) / weight, 1) : null,
    formula: '100 ×（0.6 × 按期办结率 + 0.4 × 协议回访率）；无办结或无协议时按其余一项计',
    inputs: {
      concluded,
      overdue: f.overdue,
      onTimeRatePct: pct(onTime),
      agreements,
      followUps: f.followUps,
      followUpRatePct: pct(followedUp),
    },
  };
}

/**
 * Prevention effect 预防效果: share of mediated cases with a prevention flag, full marks at 5%
 * (50%), and cases without relapse (50%). 民转刑 among mediated cases is not yet recorded by any
 * event, so it is shown as not recorded and not scored.
 */
function preventionScore(f: Figures, extras: EvaluationExtras): Score {
  const flagged = Object.keys(f)
    .filter((id) => id.startsWith('prevention.') && id.endsWith('.cases'))
    .reduce((s, id) => s + f[id], 0);
  const flagRate = rate(flagged, f.mediated);
  const relapseRate = rate(extras.relapses, f.mediated);
  return {
    score: flagRate === null ? null : round(100 * (0.5 * Math.min(1, flagRate / 0.05) + 0.5 * (1 - Math.min(1, relapseRate ?? 0))), 1),
    formula: '100 ×（0.5 × min(1, 预防标记案件率 ÷ 5%) + 0.5 ×（1 − 复发率））',
    inputs: {
      mediated: f.mediated,
      preventionFlaggedCases: flagged,
      preventionFlagRatePct: pct(flagRate),
      relapses: extras.relapses,
      relapseRatePct: pct(relapseRate),
      escalationsToCrime: null,
    },
    notes: ['民转刑结果尚无登记事件，未计入评分'],
  };
}

/** Petition resolution 信访化解: referrals received that were fed back (R-V3). */
function petitionScore(f: Figures): Score {
  const fedBack = rate(f.petitionFedBack, f.petitionReceived);
  return {
    score: fedBack === null ? null : round(100 * Math.min(1, fedBack), 1),
    formula: '100 × min(1, 向信访部门反馈数 ÷ 接收信访移送数)',
    inputs: { petitionReceived: f.petitionReceived, petitionFedBack: f.petitionFedBack, fedBackRatePct: pct(fedBack) },
  };
}
