// The authorization matrix (R-S1): every id-bearing route × users of the owning unit, a sibling
// unit, a parent, a child, a court and a petition office that did not refer the case, and an
// anonymous caller. A case outside one's jurisdiction answers 404 (its existence is not revealed);
// a visible case with a forbidden action 403; no token 401.
import { intakeBody } from '../factories/parties';
import { prepareMediation, registerCase, send } from '../support/case-driver';
import { dbQuery } from '../support/db-query';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
const owner = '130606002-jo';
const callers = {
  owner,
  sibling: '130606001-jo',
  parent: '130606-jb',
  child: '130606002001-mc',
  court: '130606-ct',
  petitionOffice: '130606-po',
  anonymous: '',
} as const;
type Caller = keyof typeof callers;

const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp({ now: '2026-11-02T09:00:00+08:00' });
  const office = await t.as(owner);
  const view = await registerCase(office, intakeBody());
  await prepareMediation(office, view);
  await send(office, view.id, { type: 'START_MEDIATION' });
  ids.case = view.id;
  // A red-risk case registered by a committee of the township puts a message in the office's inbox.
  await registerCase(await t.as('130606002001-mc'), intakeBody({ riskLevel: 'red' }));
  const query = dbQuery(t);
  const [doc] = await query(`SELECT id FROM documents WHERE case_id = ? AND kind = 'rights-notice'`, view.id);
  ids.document = doc.id;
  for (let i = 0; i < 200 && (await query(`SELECT status FROM documents WHERE id = ?`, doc.id))[0].status !== 'ready'; i++) {
    await new Promise((r) => setTimeout(r, 50));
  }
  const [message] = await query(`SELECT id FROM inbox_messages WHERE unit_code = ? LIMIT 1`, owner);
  ids.message = message.id;
}, 120_000);
afterAll(() => t.close());

interface Route {
  name: string;
  method: 'get' | 'post';
  path: () => string;
  body?: () => object;
  expect: Record<Caller, number>;
}

const readOfCase = { owner: 200, sibling: 404, parent: 200, child: 404, court: 404, petitionOffice: 404, anonymous: 401 };
const actOnCase = { owner: 200, sibling: 404, parent: 403, child: 404, court: 404, petitionOffice: 404, anonymous: 401 };

const routes: Route[] = [
  { name: 'GET /cases/:id', method: 'get', path: () => `/api/cases/${ids.case}`, expect: readOfCase },
  { name: 'GET /cases/:id?reveal=true', method: 'get', path: () => `/api/cases/${ids.case}?reveal=true`, expect: { ...readOfCase, parent: 403 } },
  { name: 'GET /cases/:id/history', method: 'get', path: () => `/api/cases/${ids.case}/history`, expect: readOfCase },
  { name: 'POST /cases/:id/events', method: 'post', path: () => `/api/cases/${ids.case}/events`, body: () => ({ type: 'LOG_SESSION', summary: '权限矩阵测试' }), expect: actOnCase },
  { name: 'GET /cases/:id/documents', method: 'get', path: () => `/api/cases/${ids.case}/documents`, expect: readOfCase },
  { name: 'GET /documents/:id', method: 'get', path: () => `/api/documents/${ids.document}`, expect: readOfCase },
  { name: 'GET /documents/:id/pdf', method: 'get', path: () => `/api/documents/${ids.document}/pdf`, expect: readOfCase },
  {
    name: 'POST /documents/:id/service',
    method: 'post',
    path: () => `/api/documents/${ids.document}/service`,
    body: () => ({ method: 'direct', servedAt: '2026-11-02T09:00:00+08:00', recipient: '张建国' }),
    expect: { ...actOnCase, owner: 201 },
  },
  { name: 'GET /cases/:id/escalations-to-crime', method: 'get', path: () => `/api/cases/${ids.case}/escalations-to-crime`, expect: readOfCase },
  {
    name: 'POST /cases/:id/escalations-to-crime',
    method: 'post',
    path: () => `/api/cases/${ids.case}/escalations-to-crime`,
    body: () => ({ occurredOn: '2026-11-02', description: '权限矩阵测试' }),
    expect: { ...actOnCase, owner: 201 },
  },
  {
    name: 'POST /inbox/:id/read',
    method: 'post',
    path: () => `/api/inbox/${ids.message}/read`,
    expect: { owner: 200, sibling: 404, parent: 404, child: 404, court: 404, petitionOffice: 404, anonymous: 401 },
  },
  {
    name: 'GET /statistics/monthly/:unit/:month',
    method: 'get',
    path: () => `/api/statistics/monthly/${owner}/2026-10`,
    expect: { owner: 200, sibling: 403, parent: 200, child: 403, court: 403, petitionOffice: 403, anonymous: 401 },
  },
  {
    name: 'GET /statistics/monthly/:unit/:month/export.csv',
    method: 'get',
    path: () => `/api/statistics/monthly/${owner}/2026-10/export.csv`,
    expect: { owner: 200, sibling: 403, parent: 200, child: 403, court: 403, petitionOffice: 403, anonymous: 401 },
  },
];

describe.each(routes.map((r) => [r.name, r] as const))('%s', (_name, route) => {
  it.each(Object.keys(callers) as Caller[])('as %s', async (caller) => {
    const username = callers[caller];
    const request = t.http[route.method](route.path());
    if (username) request.set('Authorization', `Bearer ${await t.token(username)}`);
    const res = route.body ? await request.send(route.body()) : await request;
    expect({ caller, status: res.status }).toEqual({ caller, status: route.expect[caller] });
    if (res.status >= 400) expect(res.body).toEqual({ code: expect.any(String), message: expect.any(String), details: expect.any(Object) });
    if (res.status === 404) expect(res.body.code).toMatch(/_NOT_FOUND$/);
  });
});

describe('submitting and reopening a monthly report (R-T4)', () => {
  it('only the reporting unit submits, only its parent reopens', async () => {
    const submitAs = async (username: string) =>
      (await t.http.post(`/api/statistics/monthly/${owner}/2026-10/submit`).set('Authorization', `Bearer ${await t.token(username)}`)).status;
    for (const caller of ['sibling', 'parent', 'child', 'court', 'petitionOffice'] as const) expect({ caller, status: await submitAs(callers[caller]) }).toEqual({ caller, status: 403 });
    expect((await t.http.post(`/api/statistics/monthly/${owner}/2026-10/submit`)).status).toBe(401);
    // The township reports after its communities (R-T4).
    for (const village of ['130606002001-mc', '130606002002-mc', '130606002003-mc']) {
      expect((await t.http.post(`/api/statistics/monthly/${village}/2026-10/submit`).set('Authorization', `Bearer ${await t.token(village)}`)).status).toBe(200);
    }
    expect(await submitAs(owner)).toBe(200);
    const reopenAs = async (username: string) =>
      (await t.http.post(`/api/statistics/monthly/${owner}/2026-10/reopen`).set('Authorization', `Bearer ${await t.token(username)}`).send({ reason: '请核对调解成功数' })).status;
    for (const caller of ['owner', 'sibling', 'child', 'court', 'petitionOffice'] as const) expect({ caller, status: await reopenAs(callers[caller]) }).toEqual({ caller, status: 403 });
    expect(await reopenAs(callers.parent)).toBe(200);
  });
});
