import { withShanghaiInstants } from '../../../src/common/time/instant';

describe('a statechart fact shown through the API: instants in Beijing time (+08:00)', () => {
  it('rewrites every UTC instant, nested in objects and lists, and leaves other text alone', () => {
    const facts = {
      handedOverAt: '2026-11-03T02:00:00.000Z',
      returns: [{ at: '2026-12-31T16:30:00Z', note: '当事人已迁出本辖区' }],
      birthDate: '1968-03-12',
      sessions: 2,
      lawyer: null,
    };
    expect(withShanghaiInstants(facts)).toEqual({
      handedOverAt: '2026-11-03T10:00:00.000+08:00',
      returns: [{ at: '2027-01-01T00:30:00.000+08:00', note: '当事人已迁出本辖区' }],
      birthDate: '1968-03-12',
      sessions: 2,
      lawyer: null,
    });
    expect(facts.handedOverAt).toBe('2026-11-03T02:00:00.000Z');
  });
});
