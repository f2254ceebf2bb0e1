// Monthly statistics through the API: figures derived from the record with the month rules of
// R-T2, the tiers of R-T3/R-O1, the submission chain of R-T4, exports (R-T6), and the recount that
// proves the incremental summary right. One app, one timeline: October's cases, November's
// submissions and corrections.
import ExcelJS from 'exceljs';
import { SegmentFacts1795820000000 } from '../../src/database/migrations/1795820000000-SegmentFacts';
import { EventFactIndexes1795830000000 } from '../../src/database/migrations/1795830000000-EventFactIndexes';
import { sql } from '../../src/database/sql';
import { shanghaiMonth } from '../../src/statistics/month';
import { rebuildSummary, verifySummary } from '../../src/statistics/recount';
import { StatisticsService } from '../../src/statistics/statistics.service';
import { monthJoin, monthOf, sqliteShanghaiMonth } from '../../src/statistics/sql-dialect';
import { send } from '../support/case-driver';
import { dbQuery } from '../support/db-query';
import { intake, monthlyUrl, settleInWriting, settleOrally, terminate } from '../support/statistics-driver';
import { startTestApp, type AuthedAgent, type TestApp } from '../support/test-app';
import { pdfText } from '../unit/templates/pdf-text';

let t: TestApp;
let villageA: AuthedAgent;
let villageB: AuthedAgent;
let office: AuthedAgent;
const [A, B, TOWNSHIP, COUNTY, CITY] = ['130606002001-mc', '130606002002-mc', '130606002-jo', '130606-jb', '130600-jb'];
const RONGCHENG_VILLAGE = '130629100201-mc';

beforeAll(async () => {
  t = await startTestApp({ now: '2026-10-05T09:00:00+08:00' });
  [villageA, villageB, office] = await Promise.all([t.as(A), t.as(B), t.as(TOWNSHIP)]);
});
afterAll(() => t.close());

const get = async (agent: AuthedAgent, unit: string, month: string, query = '') => {
  const res = await agent.get(`${monthlyUrl(unit, month)}${query}`);
  expect(res.status).toBe(200);
  return res.body;
};
const binary = (agent: AuthedAgent, url: string) =>
  agent
    .get(url)
    .buffer(true)
    .parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });

/** Reporting units of county 130606 below it: its townships' justice offices and their villages. */
async function countyChain() {
  const tree = (await (await t.as(COUNTY)).get('/api/orgs/tree?root=130606&depth=2')).body;
  const townships = tree.children.map((c: { code: string; children: { code: string }[] }) => ({
    office: `${c.code}-jo`,
    villages: c.children.map((v) => `${v.code}-mc`),
  }));
  return townships as { office: string; villages: string[] }[];
}

async function submit(unit: string, month = '2026-10') {
  const res = await (await t.as(unit)).post(`${monthlyUrl(unit, month)}/submit`);
  expect(res.status).toBe(200);
  return res.body;
}

describe('R-T1/R-T2 a village report is derived from its cases', () => {
  it('counts acceptance in the month accepted and conclusion in the month concluded', async () => {
    await settleInWriting(villageA, await intake(villageA), '3000');
    t.clock.set('2026-10-31T23:30:00+08:00');
    const late = await intake(villageA, { disputeType: 'marriage-family', source: 'hotline-12345', workOrderNo: 'WO-2026-0001' });
    await intake(await t.as(RONGCHENG_VILLAGE));
    t.clock.set('2026-11-02T10:00:00+08:00');
    await terminate(villageA, late);
    await settleOrally(villageB, await intake(villageB, { acceptedAt: '2026-10-31T23:59:59+08:00' }), '800');
    await intake(villageB, { acceptedAt: '2026-11-01T00:00:00+08:00' });

    const october = await get(villageA, A, '2026-10');
    expect(october.figures).toEqual(expect.objectContaining({ mediated: 2, succeeded: 1, failed: 0, agreementsWritten: 1, amountFen: 300000 }));
    expect(october.figures['type.marriage-family']).toBe(1);
    expect(october.figures['source.hotline-12345']).toBe(1);
    expect(october.derived).toEqual({ successRate: 1, averageDaysToConclude: 0 });
    // R-T5: the same two parties came back on 31 October (a relapse of the 5 October dispute).
    expect(october.evaluation.prevention.inputs).toEqual(expect.objectContaining({ mediated: 2, relapses: 1 }));
    expect(october.columns.find((c: { id: string }) => c.id === 'mediated').header).toBe('调解纠纷数');
    expect((await get(villageA, A, '2026-11')).figures).toEqual(expect.objectContaining({ mediated: 0, failed: 1 }));
    expect((await get(villageB, B, '2026-10')).figures).toEqual(expect.objectContaining({ mediated: 1, succeeded: 0 }));
    expect((await get(villageB, B, '2026-11')).figures).toEqual(
      expect.objectContaining({ mediated: 1, succeeded: 1, agreementsOral: 1, amountFen: 80000, followUps: 1, performed: 1 }),
    );
  });

  it('counts the justice office’s guidance notice as a hand-off of its own (R-G1)', async () => {
    t.clock.set('2026-10-20T10:00:00+08:00');
    const view = await intake(villageA, { disputeType: 'contract', acceptedAt: '2026-10-20T09:00:00+08:00' });
    await send(villageA, view.id, { type: 'REFER_TO_JUSTICE_OFFICE', targetUnitCode: TOWNSHIP, reason: 'out-of-scope' });
    await send(office, view.id, { type: 'ISSUE_GUIDANCE', route: 'administrative', targetUnitCode: '130606-ag-market' });
    t.clock.set('2026-11-02T10:00:00+08:00');
    const township = await get(office, TOWNSHIP, '2026-10');
    expect(township.own).toEqual(expect.objectContaining({ guidanceIssued: 1, mediated: 0 }));
    expect(township.children.map((c: { unitCode: string; figures: { mediated: number } }) => [c.unitCode, c.figures.mediated])).toEqual([
      [A, 3],
      [B, 1],
      ['130606002003-mc', 0],
    ]);
    expect(township.figures).toEqual(expect.objectContaining({ mediated: 4, handedOver: 1, guidanceIssued: 1 }));
  });
});

describe('R-T4 villages submit, the township and the county roll up and submit; the city equals the sum of its counties', () => {
  let chain: { office: string; villages: string[] }[];

  it('refuses a month not yet over, and a township before its villages', async () => {
    const open = await villageA.post(`${monthlyUrl(A, '2026-11')}/submit`);
    expect(open.status).toBe(422);
    expect(open.body).toEqual(expect.objectContaining({ code: 'RULE_VIOLATED', details: expect.objectContaining({ rule: 'R-T4' }) }));
    const early = await office.post(`${monthlyUrl(TOWNSHIP, '2026-10')}/submit`);
    expect(early.status).toBe(422);
    expect(early.body.details.notSubmitted).toEqual(['友谊社区', '光明社区', '振兴社区']);
  });

  it('freezes each village copy; the township, then the county, submit on top of their children’s copies', async () => {
    chain = await countyChain();
    const village = await submit(A);
    expect(village).toEqual(expect.objectContaining({ status: 'submitted', version: 1, submittedBy: A, submittedAt: '2026-11-02T10:00:00.000+08:00' }));
    expect(village.allowedEvents).toEqual([]);
    for (const { villages } of chain) for (const v of villages) if (v !== A) await submit(v);
    const township = await submit(TOWNSHIP);
    expect(township.children.every((c: { status: string }) => c.status === 'submitted')).toBe(true);
    expect(township.figures.mediated).toBe(4);
    for (const { office: o } of chain) if (o !== TOWNSHIP) await submit(o);
    const county = await submit(COUNTY);
    expect(county.status).toBe('submitted');
    expect(county.figures.mediated).toBe(4);
    expect(county.children.find((c: { unitCode: string }) => c.unitCode === TOWNSHIP).figures).toEqual(township.figures);
  });

  it('the city (全市不含雄安新区三县) is the sum of its counties in force, which are read one by one', async () => {
    const city = await t.as(CITY);
    const report = await get(city, CITY, '2026-10');
    const counties = report.children.map((c: { unitCode: string }) => c.unitCode);
    expect(counties).toHaveLength(23);
    expect(counties).not.toContain('130629-jb');
    expect(report.excluded).toEqual([
      { code: '130629', name: '容城县', reportsTo: '133100' },
      { code: '130632', name: '安新县', reportsTo: '133100' },
      { code: '130638', name: '雄县', reportsTo: '133100' },
    ]);
    const sums = { mediated: 0, succeeded: 0, guidanceIssued: 0 };
    for (const code of counties) {
      const county = await get(city, code, '2026-10');
      for (const k of Object.keys(sums) as (keyof typeof sums)[]) sums[k] += county.figures[k];
    }
    expect(sums).toEqual({ mediated: report.figures.mediated, succeeded: report.figures.succeeded, guidanceIssued: report.figures.guidanceIssued });
    expect(report.figures.mediated).toBe(4);
    // The Rongcheng case counts under 雄安新区's county, never in Baoding's city total.
    expect((await get(await t.as('130629-jb'), '130629-jb', '2026-10')).figures.mediated).toBe(1);
  });
});

describe('R-T4 a submitted report does not change when a case is edited later', () => {
  it('a back-dated October intake leaves the frozen October copy as it was and shows as November’s adjustment', async () => {
    const before = await get(villageA, A, '2026-10');
    t.clock.set('2026-11-04T09:00:00+08:00');
    await intake(villageA, { disputeType: 'neighbour', acceptedAt: '2026-10-28T15:00:00+08:00' });
    const after = await get(villageA, A, '2026-10');
    expect(after).toEqual(before);
    expect((await get(villageA, A, '2026-10', '?asOf=2026-11-04T10:00:00%2B08:00')).figures.mediated).toBe(4);
    expect((await get(villageA, A, '2026-10', '?asOf=2026-11-02T10:00:00%2B08:00')).figures).toEqual(before.figures);

    const november = await get(villageA, A, '2026-11');
    expect(november.adjustments.items).toEqual([{ month: '2026-10', figures: expect.objectContaining({ mediated: 1, 'type.neighbour': 1 }) }]);
    expect((await get(office, TOWNSHIP, '2026-11')).adjustments.total.mediated).toBe(1);
  });
});

describe('R-T4 the parent reopens with a reason (audited), the unit corrects and resubmits', () => {
  it('only the parent reopens, with a reason, and not under a parent that already submitted', async () => {
    const noReason = await office.post(`${monthlyUrl(A, '2026-10')}/reopen`).send({});
    expect(noReason.status).toBe(400);
    expect(noReason.body.details.fields.reason).toBeDefined();
    const stranger = await (await t.as('130606001-jo')).post(`${monthlyUrl(A, '2026-10')}/reopen`).send({ reason: '核对' });
    expect(stranger.status).toBe(403);
    const frozenAbove = await office.post(`${monthlyUrl(A, '2026-10')}/reopen`).send({ reason: '补录一件' });
    expect(frozenAbove.status).toBe(409);
    expect(frozenAbove.body.code).toBe('TRANSITION_NOT_ALLOWED');
  });

  it('reopens down the chain, the village resubmits the corrected figures, the parents after it', async () => {
    const reasons: [string, string, string][] = [
      [CITY, COUNTY, '五四路街道和平社区补录10月案件，请逐级退回更正'],
      [COUNTY, TOWNSHIP, '和平社区补录10月案件'],
      [TOWNSHIP, A, '10月28日受理的邻里纠纷漏报，请补录后重报'],
    ];
    for (const [parent, child, reason] of reasons) {
      const res = await (await t.as(parent)).post(`${monthlyUrl(child, '2026-10')}/reopen`).send({ reason });
      expect(res.status).toBe(200);
      expect(res.body).toEqual(expect.objectContaining({ status: 'reopened', reopened: expect.objectContaining({ by: parent, reason }) }));
    }
    const audit = await dbQuery(t)(`SELECT actor_username, detail FROM audit_records WHERE action = 'statistics.reopen' AND target_id = ?`, `${A}/2026-10`);
    expect(audit).toHaveLength(1);
    expect(audit[0].actor_username).toBe(TOWNSHIP);
    expect(String(audit[0].detail)).toContain('漏报');

    const corrected = await submit(A);
    expect(corrected).toEqual(expect.objectContaining({ version: 2, figures: expect.objectContaining({ mediated: 4 }) }));
    // Recorded before the resubmission, the late case is in the corrected copy, no longer an adjustment.
    expect((await get(villageA, A, '2026-11')).adjustments.items).toEqual([]);
    expect((await submit(TOWNSHIP)).figures.mediated).toBe(5);
    expect((await submit(COUNTY)).figures.mediated).toBe(5);
  });
});

describe('R-T4 an adjustment after freezing', () => {
  it('a later back-dated case at another village is its November adjustment, rolled up to township and county', async () => {
    t.clock.set('2026-11-06T09:00:00+08:00');
    const frozen = await get(villageB, B, '2026-10');
    await intake(villageB, { disputeType: 'private-lending', acceptedAt: '2026-10-25T10:00:00+08:00' });
    expect(await get(villageB, B, '2026-10')).toEqual(frozen);
    expect((await get(villageB, B, '2026-11')).adjustments.items).toEqual([
      { month: '2026-10', figures: expect.objectContaining({ mediated: 1, 'type.private-lending': 1 }) },
    ]);
    expect((await get(office, TOWNSHIP, '2026-11')).adjustments.total.mediated).toBe(1);
    expect((await get(await t.as(COUNTY), COUNTY, '2026-11')).adjustments.total.mediated).toBe(1);
  });
});

describe('R-T4 overdue submissions are listed for the parent', () => {
  it('lists the units of a county that have not submitted after their due days', async () => {
    const res = await (await t.as('130602-jb')).get(`${monthlyUrl('130602-jb', '2026-10')}/overdue`);
    expect(res.status).toBe(200);
    const levels = new Set(res.body.items.map((i: { level: string }) => i.level));
    expect(levels).toEqual(new Set(['township', 'village']));
    expect(res.body.items[0]).toEqual(expect.objectContaining({ status: 'draft', dueDate: expect.stringMatching(/^2026-11-0[35]$/) }));
    const county = await get(await t.as('130602-jb'), '130602-jb', '2026-10');
    expect(county.children.every((c: { overdue: boolean }) => c.overdue)).toBe(true);
  });

  it('the due day of a tier is a setting the city bureau changes without code', async () => {
    const city = await t.as(CITY);
    const res = await city.put('/api/statistics/settings').send({ dueDays: { village: 3, township: 5, county: 12, city: 15 } });
    expect(res.status).toBe(200);
    expect((await get(await t.as('130602-jb'), '130602-jb', '2026-10')).dueDate).toBe('2026-11-12');
    const refused = await villageA.put('/api/statistics/settings').send({ dueDays: { village: 9, township: 5, county: 8, city: 10 } });
    expect(refused.status).toBe(403);
  });
});

describe('R-S1 statistics are read within the reporting tree; the 综治中心 reads every track', () => {
  it('refuses a village the township report, a township its neighbour, the city a county moved away', async () => {
    expect((await villageA.get(monthlyUrl(TOWNSHIP, '2026-10'))).status).toBe(403);
    expect((await (await t.as('130606001-jo')).get(monthlyUrl(TOWNSHIP, '2026-10'))).status).toBe(403);
    const city = await t.as(CITY);
    expect((await city.get(monthlyUrl('130629-jb', '2026-10'))).status).toBe(403);
    expect((await city.get(monthlyUrl('130629-jb', '2017-03'))).status).toBe(200);
    expect((await villageA.get(monthlyUrl('130606002-mc', '2026-10'))).body.code).toBe('VALIDATION_FAILED');
  });

  it('the county 综治中心 reads all tracks, live, with each track’s share', async () => {
    const cg = await t.as('130606-cg');
    const report = await get(cg, '130606-cg', '2026-10');
    expect(report).toEqual(expect.objectContaining({ scope: 'all', status: 'live', allowedEvents: [] }));
    expect(report.byTrack.peoples.mediated).toBe(report.figures.mediated);
    expect((await cg.get(monthlyUrl(COUNTY, '2026-10'))).status).toBe(200);
  });
});

describe('R-T6 exports open and carry the same numbers as the report', () => {
  it('XLSX and CSV with the form’s Chinese headers, PDF with charts and extractable text', async () => {
    const report = await get(office, TOWNSHIP, '2026-10');

    const xlsx = await binary(office, `${monthlyUrl(TOWNSHIP, '2026-10')}/export.xlsx`);
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as ArrayBuffer);
    const sheet = book.getWorksheet('统计月报')!;
    const headers = sheet.getRow(4).values as string[];
    const column = (header: string) => headers.indexOf(header);
    const total = sheet.getRow([...Array(sheet.rowCount).keys()].map((i) => i + 1).find((r) => sheet.getRow(r).getCell(1).value === '合计')!);
    expect(total.getCell(column('调解纠纷数')).value).toBe(report.figures.mediated);
    expect(total.getCell(column('调解成功数')).value).toBe(report.figures.succeeded);
    expect(total.getCell(column('协议涉及金额（元）')).value).toBe(report.figures.amountFen / 100);
    expect(book.getWorksheet('考核评价')).toBeDefined();

    const csv = await office.get(`${monthlyUrl(TOWNSHIP, '2026-10')}/export.csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text.replace(/^\uFEFF/, '').trim().split(/\r\n/);
    const header = lines[1].split(',');
    const totalLine = lines.find((l) => l.startsWith('合计,'))!.split(',');
    expect(Number(totalLine[header.indexOf('调解：调解纠纷数')])).toBe(report.figures.mediated);

    const pdf = await binary(office, `${monthlyUrl(TOWNSHIP, '2026-10')}/export.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const { flat, pages } = await pdfText(pdf.body as Buffer);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(flat).toContain('五四路街道人民调解工作统计月报（2026年10月）');
    expect(flat).toContain(`调解纠纷数${report.own.mediated}${report.figures.mediated}`);
    expect(flat).toContain('近12个月趋势');
    expect(flat).toContain('下级单位调解成功率');
  });
});

describe('custom analysis counts the record by any dimension', () => {
  it('groups the county’s mediated segments by township and dispute type', async () => {
    const res = await (await t.as(COUNTY)).get('/api/statistics/analysis?unit=130606-jb&from=2026-10&to=2026-10&groupBy=unit,disputeType&tier=township');
    expect(res.status).toBe(200);
    // Six October cases at 五四路街道, the two back-dated ones included (the record, not a frozen copy).
    expect(res.body.total).toBe(6);
    expect(res.body.rows).toContainEqual({ unit: { code: '130606002', name: '五四路街道' }, disputeType: { code: 'neighbour', name: '邻里' }, count: 3 });
    const concluded = await (await t.as(COUNTY)).get('/api/statistics/analysis?unit=130606-jb&from=2026-10&to=2026-11&measure=concluded&groupBy=month,outcome');
    expect(concluded.body.rows).toContainEqual({ month: '2026-11', outcome: { code: 'terminated', class: 'failure' }, count: 1 });
  });
});

describe('R-T2/R-T3 the recount from the record equals the incremental summary', () => {
  it('buckets instants into the same Shanghai months in SQL as in code', async () => {
    const instants = ['2026-10-31T15:59:59.999Z', '2026-10-31T16:00:00.000Z', '2024-02-29T16:00:00.000Z', '2026-12-31T16:00:00.000Z'];
    for (const at of instants) {
      const [row] = await dbQuery(t)(`SELECT ${monthOf('x.at')} AS month FROM (SELECT CAST(? AS VARCHAR(24)) AS at) x ${monthJoin('x.at')}`, at);
      expect(row.month).toBe(shanghaiMonth(at));
    }
  });

  it('finds no difference after every flow above; a tampered summary is found and repaired', async () => {
    const service = t.app.get(StatisticsService);
    expect(await verifySummary(service.reader)).toEqual([]);
    await t.db.write(({ em }) => sql(em, `UPDATE statistics_monthly SET mediated = mediated + 5 WHERE unit_code = ? AND month = '2026-10'`, [A]));
    expect(await verifySummary(service.reader)).toEqual([{ month: '2026-10', unitCode: A, track: 'peoples', measure: 'mediated', summary: 9, recount: 4 }]);
    await t.db.write(({ em }) => rebuildSummary(em, service.reader));
    expect(await verifySummary(service.reader)).toEqual([]);
  });

  it('finds a summary row the record has nothing for, and a summary row that is missing, on both sides of the comparison', async () => {
    const service = t.app.get(StatisticsService);
    const [row] = await dbQuery(t)(`SELECT month, mediated, parties FROM statistics_monthly WHERE unit_code = ? AND track = 'peoples' AND mediated > 0 ORDER BY month LIMIT 1`, A);
    await t.db.write(async ({ em }) => {
      await sql(em, `DELETE FROM statistics_monthly WHERE unit_code = ? AND track = 'peoples' AND month = ?`, [A, row.month]);
      await sql(em, `INSERT INTO statistics_monthly (month, unit_code, track, updated_at, mediated, follow_ups) VALUES ('2019-03', ?, 'peoples', ?, 3, 2)`, [A, new Date().toISOString()]);
    });

    const differences = await verifySummary(service.reader);
    expect(differences).toEqual(
      expect.arrayContaining([
        { month: '2019-03', unitCode: A, track: 'peoples', measure: 'mediated', summary: 3, recount: 0 },
        { month: '2019-03', unitCode: A, track: 'peoples', measure: 'followUps', summary: 2, recount: 0 },
        { month: row.month, unitCode: A, track: 'peoples', measure: 'mediated', summary: 0, recount: Number(row.mediated) },
        { month: row.month, unitCode: A, track: 'peoples', measure: 'parties', summary: 0, recount: Number(row.parties) },
      ]),
    );

    await t.db.write(({ em }) => rebuildSummary(em, service.reader));
    expect(await verifySummary(service.reader)).toEqual([]);
  });

  it('keeps what the form counts of a segment on its row; kept facts that no longer follow from the record are named and repaired', async () => {
    const service = t.app.get(StatisticsService);
    const segments = await dbQuery(t)(
      `SELECT s.case_id, s.seq, s.accepted_month, s.dispute_type, s.source, s.parties, s.concluded_month, s.agreement_form, s.amount_fen, s.overdue, c.dispute_type AS case_type
       FROM case_segments s JOIN cases c ON c.id = s.case_id WHERE s.unit_code = ? AND s.outcome = 'agreement' ORDER BY s.case_id`,
      A,
    );
    expect(segments.length).toBeGreaterThan(0);
    const [kept] = segments;
    // Written with the segment by the transition that concluded it: the case's dimensions and how it ended.
    expect(kept).toMatchObject({ accepted_month: expect.stringMatching(/^2026-1[01]$/), dispute_type: kept.case_type, parties: 2, overdue: 0 });
    expect(['written', 'oral']).toContain(kept.agreement_form);

    const other = kept.dispute_type === 'contract' ? 'neighbour' : 'contract';
    await t.db.write(({ em }) => sql(em, 'UPDATE case_segments SET dispute_type = ?, overdue = 1 WHERE case_id = ? AND seq = ?', [other, kept.case_id, kept.seq]));
    const differences = await verifySummary(service.reader);
    expect(differences).toContainEqual({ caseId: kept.case_id, seq: kept.seq, unitCode: A, track: 'peoples', fact: 'dispute_type', kept: other, record: kept.case_type });
    expect(differences).toContainEqual({ caseId: kept.case_id, seq: kept.seq, unitCode: A, track: 'peoples', fact: 'overdue', kept: 1, record: 0 });
    // Grouped, the tampered row no longer adds up to the summary either: one dispute moved between types.
    const typeDifferences = differences.filter((d) => 'measure' in d && d.measure.startsWith('type.'));
    expect(typeDifferences.map((d) => 'measure' in d && [d.month, d.measure, d.recount - d.summary])).toEqual(
      expect.arrayContaining([
        [kept.accepted_month, `type.${kept.case_type}`, -1],
        [kept.accepted_month, `type.${other}`, 1],
      ]),
    );

    await t.db.write(({ em }) => rebuildSummary(em, service.reader));
    expect(await verifySummary(service.reader)).toEqual([]);
    const [repaired] = await dbQuery(t)('SELECT dispute_type, overdue FROM case_segments WHERE case_id = ? AND seq = ?', kept.case_id, kept.seq);
    expect(repaired).toEqual({ dispute_type: kept.case_type, overdue: 0 });
  });

  it('R-T2: a kept acceptance or conclusion month that is not the Shanghai month of the instants is named and repaired', async () => {
    const service = t.app.get(StatisticsService);
    const [kept] = await dbQuery(t)(
      `SELECT case_id, seq, accepted_month, concluded_month FROM case_segments WHERE unit_code = ? AND concluded_month IS NOT NULL ORDER BY case_id LIMIT 1`,
      A,
    );
    await t.db.write(({ em }) => sql(em, `UPDATE case_segments SET accepted_month = '2019-01', concluded_month = '2019-02' WHERE case_id = ? AND seq = ?`, [kept.case_id, kept.seq]));
    const segments = (await verifySummary(service.reader)).filter((d) => 'fact' in d);
    expect(segments).toEqual([
      { caseId: kept.case_id, seq: kept.seq, unitCode: A, track: 'peoples', fact: 'accepted_month', kept: '2019-01', record: kept.accepted_month },
      { caseId: kept.case_id, seq: kept.seq, unitCode: A, track: 'peoples', fact: 'concluded_month', kept: '2019-02', record: kept.concluded_month },
    ]);

    await t.db.write(({ em }) => rebuildSummary(em, service.reader));
    expect(await verifySummary(service.reader)).toEqual([]);
    expect(await dbQuery(t)('SELECT accepted_month, concluded_month FROM case_segments WHERE case_id = ? AND seq = ?', kept.case_id, kept.seq)).toEqual([
      { accepted_month: kept.accepted_month, concluded_month: kept.concluded_month },
    ]);
  });

  it('checks every segment, the first and the last stored alike', async () => {
    const service = t.app.get(StatisticsService);
    const ends = await dbQuery(t)(
      `SELECT case_id, seq, unit_code, track, parties FROM case_segments WHERE case_id = (SELECT MIN(case_id) FROM case_segments) OR case_id = (SELECT MAX(case_id) FROM case_segments) ORDER BY case_id, seq`,
    );
    const [first, last] = [ends[0], ends[ends.length - 1]];
    expect(first.case_id).not.toBe(last.case_id);
    await t.db.write(async ({ em }) => {
      for (const s of [first, last]) await sql(em, 'UPDATE case_segments SET parties = parties + 10 WHERE case_id = ? AND seq = ?', [s.case_id, s.seq]);
    });

    const named = (await verifySummary(service.reader)).filter((d) => 'fact' in d && d.fact === 'parties');
    expect(named).toEqual(
      [first, last].map((s) => ({ caseId: s.case_id, seq: s.seq, unitCode: s.unit_code, track: s.track, fact: 'parties', kept: Number(s.parties) + 10, record: Number(s.parties) })),
    );

    await t.db.write(({ em }) => rebuildSummary(em, service.reader));
    expect(await verifySummary(service.reader)).toEqual([]);
  });

  it('the migration that added the kept facts fills them from the record as the transitions wrote them', async () => {
    const facts = 'case_id, seq, accepted_month, concluded_month, source, dispute_type, dispute_subtype, parties, agreement_form, amount_fen, concluded_seconds, overdue';
    const written = await dbQuery(t)(`SELECT ${facts} FROM case_segments ORDER BY case_id, seq`);
    expect(written.some((r) => r.agreement_form === 'oral') && written.some((r) => r.concluded_seconds > 0)).toBe(true);
    const migration = new SegmentFacts1795820000000();
    await t.db.write(async ({ em }) => {
      await migration.down(em.queryRunner!);
      await migration.up(em.queryRunner!);
    });
    expect(await dbQuery(t)(`SELECT ${facts} FROM case_segments ORDER BY case_id, seq`)).toEqual(written);
    expect(await verifySummary(t.app.get(StatisticsService).reader)).toEqual([]);
  });

  it('reads the agreement and follow-up fields from indexes that carry them, and still sees the record change', async () => {
    const reader = t.app.get(StatisticsService).reader;
    if (!t.db.isPostgres) {
      // SQLite groups follow-ups by Shanghai month and unit in the order of an index that carries
      // everything the pass reads (migration 1795830000000): no rows read, no sort.
      const plan = await dbQuery(t)(
        `EXPLAIN QUERY PLAN SELECT ${sqliteShanghaiMonth('t.at')}, t.actor_unit_code, COUNT(*) FILTER (WHERE json_extract(t.payload, '$.performance') = 'performed')
         FROM case_transitions t WHERE t.event = 'RECORD_FOLLOW_UP' GROUP BY 1, 2`,
      );
      expect(plan.map((r) => r.detail)).toEqual(['SCAN t USING COVERING INDEX ix_case_transitions_follow_ups']);
    }
    const [agreement] = await dbQuery(t)(
      `SELECT a.id, a.payload, s.case_id, s.seq, s.amount_fen FROM case_segments s
       JOIN case_transitions a ON a.case_id = s.case_id AND a.event = 'REACH_AGREEMENT' AND a.at >= s.started_at AND a.at <= s.ended_at
       WHERE s.unit_code = ? AND s.outcome = 'agreement' ORDER BY s.case_id LIMIT 1`,
      A,
    );
    const changed = JSON.stringify({ ...JSON.parse(agreement.payload), amountFen: Number(agreement.amount_fen) + 100 });
    const setPayload = (payload: string) => t.db.write(({ em }) => sql(em, 'UPDATE case_transitions SET payload = ? WHERE id = ?', [payload, agreement.id]));
    await setPayload(changed);
    expect(await verifySummary(reader)).toEqual([
      { caseId: agreement.case_id, seq: agreement.seq, unitCode: A, track: 'peoples', fact: 'amount_fen', kept: Number(agreement.amount_fen), record: Number(agreement.amount_fen) + 100 },
    ]);
    await setPayload(agreement.payload);

    // Back to the payload-carrying indexes and forward again: the same figures either way.
    const migration = new EventFactIndexes1795830000000();
    await t.db.write(async ({ em }) => migration.down(em.queryRunner!));
    expect(await verifySummary(reader)).toEqual([]);
    await t.db.write(async ({ em }) => migration.up(em.queryRunner!));
    expect(await verifySummary(reader)).toEqual([]);
  });
});
