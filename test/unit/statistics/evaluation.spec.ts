import { evaluate } from '../../../src/statistics/evaluation';
import { emptyFigures, type Figures } from '../../../src/statistics/measures';

const f = (values: Partial<Figures>): Figures => ({ ...emptyFigures(), ...values }) as Figures;

describe('R-T5 evaluation formulas v2 for a township month', () => {
  const figures = f({
    mediated: 40,
    succeeded: 30,
    failed: 10,
    overdue: 4,
    agreementsWritten: 20,
    agreementsOral: 5,
    followUps: 20,
    'prevention.prevented-suicide.cases': 1,
    'prevention.prevented-group-fight.cases': 1,
    petitionReceived: 4,
    petitionFedBack: 3,
  });
  const e = evaluate(figures, { relapses: 2, escalationsToCrime: 0 });

  it('process = 100 × (0.6 × on-time rate + 0.4 × follow-up rate), inputs beside it', () => {
    // on time 36/40 = 0.9, followed up 20/25 = 0.8 → 100 × (0.54 + 0.32) = 86
    expect(e.process).toEqual(expect.objectContaining({ score: 86, inputs: expect.objectContaining({ concluded: 40, overdue: 4, onTimeRatePct: 90, followUpRatePct: 80 }) }));
  });

  it('prevention = 100 × (0.4 × min(1, flagged rate ÷ 5%) + 0.3 × (1 − relapse rate) + 0.3 × zero 民转刑)', () => {
    // flagged 2/40 = 5% → 1; relapse 2/40 = 5% → 0.95; no 民转刑 → 1: 100 × (0.4 + 0.285 + 0.3) = 98.5
    expect(e.prevention.score).toBe(98.5);
    expect(e.prevention.inputs).toEqual(expect.objectContaining({ preventionFlaggedCases: 2, relapses: 2, escalationsToCrime: 0 }));
  });

  it('one mediated case turned into a criminal case this month loses the whole 零民转刑 share', () => {
    const escalated = evaluate(figures, { relapses: 2, escalationsToCrime: 1 });
    // 100 × (0.4 + 0.285 + 0) = 68.5
    expect(escalated.prevention.score).toBe(68.5);
    expect(escalated.prevention.inputs.escalationsToCrime).toBe(1);
  });

  it('petition resolution = share of referrals fed back', () => {
    expect(e.petition).toEqual(expect.objectContaining({ score: 75, inputs: { petitionReceived: 4, petitionFedBack: 3, fedBackRatePct: 75 } }));
  });

  it('a month with nothing to judge scores null, not 0 or 100', () => {
    const empty = evaluate(emptyFigures(), { relapses: 0, escalationsToCrime: 0 });
    expect([empty.version, empty.process.score, empty.prevention.score, empty.petition.score]).toEqual(['v2', null, null, null]);
  });
});
