// Demo volume (npm run seed:volume): generated cases are cases like any other — their snapshots
// restore and take events, and the summary generated with them equals the recount of the record.
import { verifySummary } from '../../src/statistics/recount';
import { StatisticsService } from '../../src/statistics/statistics.service';
import { generateVolume, volumeInputs, volumeWriter } from '../../src/statistics/volume/volume-generator';
import { send } from '../support/case-driver';
import { dbQuery } from '../support/db-query';
import { monthlyUrl } from '../support/statistics-driver';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ now: '2026-11-10T09:00:00+08:00' });
  const { units, sequences } = await volumeInputs(t.db.reader);
  const writer = await volumeWriter(t.config);
  await generateVolume(writer, units, sequences, { cases: 3_000, until: '2026-10', years: 10, seed: 7 });
  await writer.close();
});
afterAll(() => t.close());

describe('seed:volume spreads realistic cases over the Baoding tree and ten years', () => {
  it('covers ten years of months, villages and townships, every path of the statechart', async () => {
    const query = dbQuery(t);
    const [span] = await query('SELECT MIN(accepted_at) AS first, MAX(accepted_at) AS last, COUNT(*) AS n FROM cases');
    expect(Number(span.n)).toBe(3_000);
    expect(span.first >= '2016-10-31T16:00:00.000Z' && span.last < '2026-10-31T16:00:00.000Z').toBe(true);
    const outcomes = (await query('SELECT DISTINCT outcome FROM cases')).map((r) => r.outcome);
    expect(outcomes).toEqual(expect.arrayContaining(['agreement', 'refused', 'guided-out', 'mediation-statement', null]));
    const tracks = (await query('SELECT DISTINCT track FROM case_segments')).map((r) => r.track).sort();
    expect(tracks).toEqual(['administrative', 'judicial', 'peoples']);
    const legacy = await query(`SELECT COUNT(*) AS n FROM cases WHERE dispute_type IN ('family-planning', 'village-affairs') AND accepted_at >= '2018-01'`);
    expect(Number(legacy[0].n)).toBe(0);
  });

  it('R-T1 the summary generated with the cases equals the recount of the record', async () => {
    expect(await verifySummary(t.app.get(StatisticsService).reader)).toEqual([]);
  });

  it('a generated open case restores from its snapshot and takes the next event through the API', async () => {
    const [open] = await dbQuery(t)(`SELECT id, handling_unit_code FROM cases WHERE state = 'peoples.mediating' ORDER BY accepted_at DESC LIMIT 1`);
    const mediator = await t.as(open.handling_unit_code);
    const view = (await mediator.get(`/api/cases/${open.id}`)).body;
    expect(view.allowedEvents).toEqual(expect.arrayContaining(['REACH_AGREEMENT', 'DECLARE_FAILED']));
    const failed = await send(mediator, open.id, { type: 'DECLARE_FAILED', note: '双方分歧较大' });
    expect(failed.state).toBe('peoples.failed');
    expect(await verifySummary(t.app.get(StatisticsService).reader)).toEqual([]);
  });

  it('a generated hand-off document lists as issued, and asking for its PDF says it has none rather than "still drawing"', async () => {
    const [doc] = await dbQuery(t)(`SELECT id, case_id, issuing_unit_code FROM documents ORDER BY issued_at DESC LIMIT 1`);
    const issuer = await t.as(doc.issuing_unit_code);
    const listed = (await issuer.get(`/api/cases/${doc.case_id}/documents`)).body;
    expect(listed.find((d: { id: string }) => d.id === doc.id)).toMatchObject({ status: 'ready' });
    const pdf = await issuer.get(`/api/documents/${doc.id}/pdf`);
    expect(pdf.status).toBe(404);
    expect(pdf.body).toMatchObject({ code: 'PDF_NOT_FOUND', message: expect.stringContaining('演示记录') });
  });

  it('R-T3 the city report of a generated month is the sum of its counties', async () => {
    const city = await t.as('130600-jb');
    const report = (await city.get(monthlyUrl('130600-jb', '2026-06'))).body;
    expect(report.figures.mediated).toBeGreaterThan(0);
    const total = report.children.reduce((s: number, c: { figures: { mediated: number } }) => s + c.figures.mediated, 0);
    expect(report.figures.mediated).toBe(total + report.own.mediated);
  });
});
