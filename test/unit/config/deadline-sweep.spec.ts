// R-D1: how much of the server's time a mass sweep may take, as an operator sets it.
import { loadConfig } from '../../../src/config/app.config';

const base = { DATA_DIR: '/tmp/sandiao-config-spec' };

describe('the sweep share by default', () => {
  it('is half the time on the embedded SQLite, whose one thread also answers requests', () => {
    expect(loadConfig(base).deadlines.sweepSharePercent).toBe(50);
  });

  it('is four fifths of it on PostgreSQL, where the rounds wait on the database in part', () => {
    expect(loadConfig({ ...base, DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test' }).deadlines.sweepSharePercent).toBe(80);
  });
});

describe('an operator setting the sweep share', () => {
  it('is taken as given', () => {
    expect(loadConfig({ ...base, DEADLINE_SWEEP_SHARE_PERCENT: '25' }).deadlines.sweepSharePercent).toBe(25);
  });

  it.each(['0', '4', '101', 'half'])('refuses %s, naming the variable', (value) => {
    expect(() => loadConfig({ ...base, DEADLINE_SWEEP_SHARE_PERCENT: value })).toThrow(/DEADLINE_SWEEP_SHARE_PERCENT/);
  });
});
