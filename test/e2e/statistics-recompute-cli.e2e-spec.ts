// The operator's recompute command (`npm run statistics:recompute [-- --repair]`, src/cli) run as a
// process against the database the application writes: it shows its progress over the recount's
// passes, names each difference in Chinese and fails, and --repair rewrites the summary.
import { sql } from '../../src/database/sql';
import { intake } from '../support/statistics-driver';
import { dbQuery } from '../support/db-query';
import { runCommand, startTestApp, type TestApp } from '../support/test-app';

const OFFICE = '130606002-jo';
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ now: '2026-10-15T09:00:00+08:00' });
});
afterAll(() => t.close());

const recompute = (...args: string[]) => runCommand(t.config, 'src/cli/statistics-recompute.ts', ...args);

const mediatedAt = async (unitCode: string, month: string) =>
  Number((await dbQuery(t)('SELECT mediated FROM statistics_monthly WHERE unit_code = ? AND month = ? AND track = ?', unitCode, month, 'peoples'))[0]?.mediated);

describe('R-T1 R-T2 the recompute command proves the summary against a recount of the record, and repairs it', () => {
  it('reports agreement after counting every pass, then finds a tampered row, fails, and puts it right with --repair', async () => {
    const office = await t.as(OFFICE);
    await intake(office);
    await intake(office);
    expect(await mediatedAt(OFFICE, '2026-10')).toBe(2);

    const agreed = recompute();
    expect(agreed.output).toMatch(/重算核对 \[=+\] 8\/8 项/);
    expect(agreed.output).toContain('汇总与重算结果一致');
    expect(agreed.status).toBe(0);

    await t.db.write(({ em }) => sql(em, 'UPDATE statistics_monthly SET mediated = mediated + 5 WHERE unit_code = ? AND month = ?', [OFFICE, '2026-10']));
    const tampered = recompute();
    expect(tampered.output).toContain('发现 1 处差异');
    expect(tampered.output).toContain(`2026-10 ${OFFICE} peoples mediated：汇总 7，重算 2`);
    expect(tampered.status).toBe(1);

    const repaired = recompute('--repair');
    expect(repaired.output).toContain('再次核对：一致');
    expect(repaired.status).toBe(0);
    expect(await mediatedAt(OFFICE, '2026-10')).toBe(2);
  });

  it('names a segment whose kept facts no longer follow from the case record, and --repair puts the segment right', async () => {
    const [segment] = await dbQuery(t)('SELECT case_id, parties FROM case_segments WHERE unit_code = ? ORDER BY case_id LIMIT 1', OFFICE);
    await t.db.write(({ em }) => sql(em, 'UPDATE case_segments SET parties = 7 WHERE case_id = ?', [segment.case_id]));

    const tampered = recompute();
    expect(tampered.output).toContain(`案件 ${segment.case_id} 第 1 段（${OFFICE}）当事人数：记为 7，按案卷应为 ${segment.parties}`);
    // …and the figure that adds the kept facts up differs from the summary.
    expect(tampered.output).toContain(`2026-10 ${OFFICE} peoples parties：汇总 ${2 * segment.parties}，重算 ${segment.parties + 7}`);
    expect(tampered.status).toBe(1);

    const repaired = recompute('--repair');
    expect(repaired.output).toContain('再次核对：一致');
    expect(repaired.status).toBe(0);
    const [fixed] = await dbQuery(t)('SELECT parties FROM case_segments WHERE case_id = ?', segment.case_id);
    expect(fixed.parties).toBe(segment.parties);
  });
});
