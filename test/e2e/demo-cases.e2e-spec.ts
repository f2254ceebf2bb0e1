// Demo mode's first start (README): the demo cases go through the API like any client's, so a
// visitor finds cases in every stage of 五四路街道's work, each with its real history, clocks and letters.
import { seedDemoCases, type DemoCaseMade } from '../../src/seed/demo-cases';
import type { CaseView } from '../support/case-driver';
import { documentsOf, pdfTextOf } from '../support/case-documents';
import { dbQuery } from '../support/db-query';
import { demoPassword, startTestApp, type AuthedAgent, type TestApp } from '../support/test-app';

let t: TestApp;
let office: AuthedAgent;
let court: AuthedAgent;
let made: DemoCaseMade[];
const log: string[] = [];

beforeAll(async () => {
  // The production default of ten logins a minute per address (the suite's default is unlimited).
  t = await startTestApp({ now: '2026-11-02T09:00:00+08:00', env: { LOGIN_RATE_LIMIT_PER_MINUTE: '10' } });
  made = await seedDemoCases(t.app, demoPassword, (line) => log.push(line));
  [office, court] = await Promise.all([t.as('130606002-jo'), t.as('130606-ct')]);
});
afterAll(() => t.close());

const query = (sql: string, ...params: unknown[]) => dbQuery(t)(sql, ...params);
const view = async (agent: AuthedAgent, title: string): Promise<CaseView> => {
  const demo = made.find((m) => m.title.startsWith(title));
  if (!demo) throw new Error(`no demo case ${title}`);
  const res = await agent.get(`/api/cases/${demo.id}`);
  expect(res.status).toBe(200);
  return res.body;
};

describe('demo cases on a fresh demo database', () => {
  it('makes seven cases and reports each with its number and stage', () => {
    expect(made).toHaveLength(7);
    expect(log).toHaveLength(7);
    expect(log[5]).toMatch(/^演示案件 6\/7：\(2026\)冀0606民诉前调\d+号 法院暂缓立案/);
    expect(new Set(made.map((m) => m.caseNo)).size).toBe(7);
  });

  it('leaves the cases in the stages their titles promise, with their history stored', async () => {
    expect((await view(office, '婚姻家庭纠纷')).state).toBe('peoples.mediating');
    expect((await view(office, '房屋宅基地纠纷')).state).toBe('closed');
    expect((await view(office, '合同纠纷')).state).toMatch(/^guidance\./);
    expect((await view(court, '法院暂缓立案')).state).toBe('peoples.mediating');
    const rows = await query('SELECT c.case_no, COUNT(*) AS n FROM case_transitions t JOIN cases c ON c.id = t.case_id GROUP BY c.case_no');
    expect(rows).toHaveLength(7);
    for (const row of rows) expect(Number(row.n)).toBeGreaterThanOrEqual(1);
  });

  it('R-D1 runs the 30-day clock of every case in mediation', async () => {
    const running = await query("SELECT case_id FROM clocks WHERE kind = 'peoples-mediation' AND status = 'running'");
    const mediating = await query("SELECT id FROM cases WHERE state = 'peoples.mediating'");
    expect(mediating.length).toBe(2);
    expect(running.map((r) => r.case_id).sort()).toEqual(expect.arrayContaining(mediating.map((r) => r.id).sort()));
  });

  it('R-G1 the guidance notice names the court the justice office guides the parties to', async () => {
    const guided = await view(office, '合同纠纷');
    const notice = (await documentsOf(t, office, guided.id)).find((d) => d.kind === 'guidance-notice');
    expect(notice?.status).toBe('ready');
    const text = await pdfTextOf(office, notice!.id);
    expect(text).toContain('告知引导书');
    expect(text).toContain('莲池区人民法院');
  });

  it('R-L1 the court deferred the filing with both consents and issued the 劝导书', async () => {
    const referred = await view(court, '法院暂缓立案');
    const letter = (await documentsOf(t, court, referred.id)).find((d) => d.kind === 'persuasion-letter');
    expect(letter?.status).toBe('ready');
    expect(await pdfTextOf(court, letter!.id)).toContain('劝导书');
    const consents = await query("SELECT COUNT(*) AS n FROM case_transitions WHERE case_id = ? AND event = 'RECORD_CONSENT'", referred.id);
    expect(Number(consents[0].n)).toBe(2);
  });

  it('leaves the login rate limit to the visitor who started the demo: the seed logs in through the service', async () => {
    // From 127.0.0.1, where the seed's injected requests come from: ten logins a minute, two of them
    // taken by beforeAll; the other eight are left.
    const fastify = t.app.getHttpAdapter().getInstance();
    const login = () => fastify.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '127.0.0.1', payload: { username: '130606002-jo', password: demoPassword } });
    const answers = await Promise.all(Array.from({ length: 8 }, login));
    expect(answers.map((res) => res.statusCode)).toEqual(Array(8).fill(200));
  });

  it('counts the demo cases in the township office’s monthly statistics', async () => {
    const res = await office.get('/api/statistics/monthly/130606002-jo/2026-11');
    expect(res.status).toBe(200);
    expect(res.body.figures.mediated).toBe(7);
  });
});
