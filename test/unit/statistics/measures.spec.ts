import { disputeTypeCatalogs } from '../../../src/cases/catalog/dispute-types';
import { caseSources } from '../../../src/cases/catalog/sources';
import { preventionKinds } from '../../../src/cases/prevention-flag.entity';
import { statisticsColumns1795790000000 } from '../../../src/database/migrations/1795790000000-Statistics';
import { columnOf, measures } from '../../../src/statistics/measures';
import { rareEvents } from '../../../src/statistics/recount';
import { statisticsRareEvents1795790000001 } from '../../../src/database/migrations/1795790000001-StatisticsRecountIndexes';

describe('R-T1 the form has a column for every category the record can hold', () => {
  const ids = new Set(measures.map((m) => m.id));

  it('every source, dispute type of every catalogue version, and prevention flag', () => {
    for (const source of Object.keys(caseSources)) expect(ids).toContain(`source.${source}`);
    for (const catalog of Object.values(disputeTypeCatalogs)) for (const type of catalog.types) expect(ids).toContain(`type.${type.code}`);
    for (const kind of Object.keys(preventionKinds)) expect(ids).toContain(`prevention.${kind}.people`);
  });

  it('and the summary table stores exactly these columns', () => {
    expect(measures.map((m) => columnOf(m.id))).toEqual(statisticsColumns1795790000000);
  });

  it('every visible column has a Chinese header', () => {
    for (const m of measures) expect(m.header).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('the recount reads the rare events through the index its migration built over the same list', () => {
  it('names the same events', () => {
    expect(rareEvents).toEqual(statisticsRareEvents1795790000001);
  });
});
