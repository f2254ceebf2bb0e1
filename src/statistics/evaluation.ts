// R-T5 quantitative evaluation: three scores per unit and month, each from figures of the report
// with its inputs beside it. Formulas are versioned; docs/statistics.md documents each version.
// A score whose inputs are all zero (nothing to judge) is null, not 0 or 100.
import { round, type Figures } from './measures';

export const evaluationVersion = 'v2';

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
  /** Mediated cases of the unit's subtree recorded this month as turned into criminal cases (民转刑). */
  escalationsToCrime: number;
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
 * Prevention effect 预防效果 (v2): share of mediated cases with a prevention flag, full marks at 5%
 * (40%); cases without relapse (30%); no mediated case turned into a criminal case this month
 * (零民转刑, 30%: all or nothing, as the target is zero). v1 had no 民转刑 records: 50% / 50% / —.
 */
function preventionScore(f: Figures, extras: EvaluationExtras): Score {
  const flagged = Object.keys(f)
    .filter((id) => id.startsWith('prevention.') && id.endsWith('.cases'))
    .reduce((s, id) => s + f[id], 0);
  const flagRate = rate(flagged, f.mediated);
  const relapseRate = rate(extras.relapses, f.mediated);
  const noEscalation = extras.escalationsToCrime === 0 ? 1 : 0;
  return {
    score:
      flagRate === null
        ? null
        : round(100 * (0.4 * Math.min(1, flagRate / 0.05) + 0.3 * (1 - Math.min(1, relapseRate ?? 0)) + 0.3 * noEscalation), 1),
    formula: '100 ×（0.4 × min(1, 预防标记案件率 ÷ 5%) + 0.3 ×（1 − 复发率）+ 0.3 ×（本月零民转刑 ? 1 : 0））',
    inputs: {
      mediated: f.mediated,
      preventionFlaggedCases: flagged,
      preventionFlagRatePct: pct(flagRate),
      relapses: extras.relapses,
      relapseRatePct: pct(relapseRate),
      escalationsToCrime: extras.escalationsToCrime,
    },
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
