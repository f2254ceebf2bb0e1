// Case and document numbers read by a unit's abbreviation (R-F1): no two units of a kind share one.
import { demoUnits } from '../../../src/seed/demo-seed';

it('gives every committee and justice office its own number abbreviation (雄县 昝岗镇 / 昝岗片区 included)', () => {
  const units = demoUnits().filter((u) => u.kind === 'MC' || u.kind === 'JO');
  for (const kind of ['MC', 'JO']) {
    const abbrs = units.filter((u) => u.kind === kind).map((u) => u.abbr);
    expect(abbrs.length - new Set(abbrs).size).toBe(0);
  }
  expect(units.find((u) => u.code === '130638400-jo')?.abbr).toBe('雄昝岗片区');
});
