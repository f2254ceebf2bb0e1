import { allowedChainEvents, refusal, type ChainFacts } from '../../../src/statistics/submission-rules';

const facts = (overrides: Partial<ChainFacts>): ChainFacts => ({
  state: 'draft',
  monthEnded: true,
  childrenNotSubmitted: [],
  parentSubmitted: false,
  laterMonthSubmitted: false,
  ...overrides,
});

describe('R-T4 the chain draft → submitted → reopened by the parent → resubmitted', () => {
  it.each<[string, Partial<ChainFacts>, string[]]>([
    ['a finished month whose children all submitted may be submitted', {}, ['submit']],
    ['a submitted report may only be reopened', { state: 'submitted' }, ['reopen']],
    ['a reopened report may be submitted again', { state: 'reopened' }, ['submit']],
    ['a month not yet over may not be submitted', { monthEnded: false }, []],
    ['not before every child has submitted', { childrenNotSubmitted: ['和平社区'] }, []],
    ['not reopened once the parent froze it in its own report', { state: 'submitted', parentSubmitted: true }, []],
    ['not reopened once a later month is submitted (its correction becomes an adjustment)', { state: 'submitted', laterMonthSubmitted: true }, []],
  ])('%s', (_name, overrides, allowed) => {
    expect(allowedChainEvents(facts(overrides))).toEqual(allowed);
  });

  it('names the children still missing, with the rule', () => {
    expect(refusal('submit', facts({ childrenNotSubmitted: ['和平社区', '新华社区'] }))).toEqual({
      code: 'RULE_VIOLATED',
      rule: 'R-T4',
      message: '下级单位尚未报送：和平社区、新华社区',
      details: { notSubmitted: ['和平社区', '新华社区'] },
    });
    expect(refusal('submit', facts({ state: 'submitted' }))?.code).toBe('TRANSITION_NOT_ALLOWED');
  });
});
