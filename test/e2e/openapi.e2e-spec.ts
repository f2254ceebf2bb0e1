// The OpenAPI document (api.md "General") as the web console's developers and the courts' systems
// read it to generate their clients: every operation described, public ones marked as needing no
// token, optional headers optional, the answers in the shape the server really sends them.
import { seedDemoCases, type DemoCaseMade } from '../../src/seed/demo-cases';
import { intakeBody } from '../factories/parties';
import { filingBody, petitionBody } from '../factories/referrals';
import { demoPassword, startTestApp, type AuthedAgent, type TestApp } from '../support/test-app';

type Operation = { summary?: string; security?: object[]; parameters?: { name: string; in: string; required?: boolean }[]; responses: Record<string, any> };

let t: TestApp;
let document: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, any> }; security: object[] };
const operation = (method: string, path: string) => document.paths[path][method];

let made: DemoCaseMade[];

beforeAll(async () => {
  t = await startTestApp({ now: '2026-11-02T09:00:00+08:00' });
  document = (await t.http.get('/api/docs-json').expect(200)).body;
  made = await seedDemoCases(t.app, demoPassword, () => {});
});
afterAll(() => t.close());

describe('OpenAPI at /api/docs-json', () => {
  it('describes every operation in Chinese', () => {
    const undescribed = Object.entries(document.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => !/\p{Script=Han}/u.test(op.summary ?? ''))
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(undescribed).toEqual([]);
  });

  it('asks for a bearer token everywhere except on the public routes, which answer without one', async () => {
    expect(document.security).toEqual([{ bearer: [] }]);
    for (const [method, path] of [['get', '/api/health'], ['post', '/api/auth/login'], ['post', '/api/auth/refresh']]) {
      expect(operation(method, path).security).toEqual([{}]);
    }
    expect(operation('get', '/api/cases').security).toBeUndefined();
    await t.http.get('/api/health').expect(200);
    await t.http.get('/api/cases').expect(401);
  });

  it('documents If-Match and Idempotency-Key once each, as optional, and the optional query switches as optional', () => {
    const headers = operation('post', '/api/cases/{id}/events').parameters!.filter((p) => p.in === 'header');
    expect(headers.map((h) => [h.name.toLowerCase(), h.required])).toEqual([
      ['idempotency-key', false],
      ['if-match', false],
    ]);
    expect(operation('get', '/api/cases/{id}').parameters!.find((p) => p.name === 'reveal')?.required).toBe(false);
    expect(operation('get', '/api/admin/users').parameters!.find((p) => p.name === 'unit')?.required).toBe(false);
  });

  it('describes the body of every success answer (JSON, or the file a download sends)', () => {
    const bare = Object.entries(document.paths).flatMap(([path, ops]) =>
      Object.entries(ops).flatMap(([method, op]) =>
        Object.entries(op.responses)
          .filter(([status, answer]) => status.startsWith('2') && status !== '204' && !Object.values(answer.content ?? {}).some((c: any) => c.schema))
          .map(([status]) => `${method.toUpperCase()} ${path} ${status}`),
      ),
    );
    expect(bare).toEqual([]);
    expect(operation('get', '/api/documents/{id}/pdf').responses['200'].content['application/pdf'].schema).toEqual({ type: 'string', format: 'binary' });
  });

  it('lists the error answers of each operation with the body the server sends', async () => {
    const events = operation('post', '/api/cases/{id}/events').responses;
    for (const status of ['400', '401', '403', '404', '409', '422', '429', '500']) {
      expect(events[status].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ApiError' });
    }
    expect(events['409'].description).toContain('TRANSITION_NOT_ALLOWED');
    expect(Object.keys(operation('get', '/api/health').responses).sort()).toEqual(['200', '429', '500']);
    expect(operation('get', '/api/documents/{id}/pdf').responses['409'].description).toContain('DOCUMENT_NOT_READY');
    expect(operation('post', '/api/auth/login').responses['423']).toBeDefined();

    const schema = document.components.schemas.ApiError;
    expect(schema.required).toEqual(['code', 'message', 'details']);
    // A real refusal has exactly the documented fields.
    const refused = await t.http.get('/api/cases').expect(401);
    expect(Object.keys(refused.body).sort()).toEqual(Object.keys(schema.properties).sort());
  });
});

const utcInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** Every time the API writes is Beijing time with its offset (api.md: "times in ISO 8601 with offset"). */
function utcTimes(value: unknown, at: string): string[] {
  if (typeof value === 'string') return utcInstant.test(value) ? [`${at}: ${value} is UTC, not +08:00`] : [];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, field]) => utcTimes(field, `${at}.${key}`));
  return [];
}

/**
 * Where a value departs from a schema of the document: a field the schema does not name, a required
 * field missing, a null where none is allowed, the wrong type, or a time written in UTC. Free-form
 * objects (additionalProperties: true) are taken as they come, but for their times.
 */
function departures(value: unknown, schema: any, at: string): string[] {
  if (schema.$ref) return departures(value, document.components.schemas[schema.$ref.split('/').pop()], at);
  if (value === null) return schema.nullable ? [] : [`${at}: null`];
  if (value === undefined) return [`${at}: missing`];
  if (schema.allOf) return schema.allOf.flatMap((part: object) => departures(value, part, at));
  switch (schema.type) {
    case 'array':
      return Array.isArray(value) ? value.flatMap((item, i) => departures(item, schema.items, `${at}[${i}]`)) : [`${at}: not an array`];
    case 'string':
      return typeof value === 'string' && (!schema.enum || schema.enum.includes(value))
        ? utcTimes(value, at)
        : [`${at}: ${JSON.stringify(value)} is not ${schema.enum ? schema.enum.join('|') : 'a string'}`];
    case 'number':
    case 'integer':
      return typeof value === 'number' ? [] : [`${at}: not a number`];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${at}: not a boolean`];
  }
  if (typeof value !== 'object' || Array.isArray(value)) return [`${at}: not an object`];
  if (typeof schema.additionalProperties === 'object') {
    return Object.entries(value).flatMap(([key, field]) => departures(field, schema.additionalProperties, `${at}.${key}`));
  }
  if (!schema.properties) return utcTimes(value, at);
  const fields = value as Record<string, unknown>;
  return [
    ...Object.keys(fields).filter((key) => !(key in schema.properties)).map((key) => `${at}.${key}: not documented`),
    ...(schema.required ?? []).filter((key: string) => !(key in fields)).map((key: string) => `${at}.${key}: required but absent`),
    ...Object.entries(fields)
      .filter(([key, field]) => key in schema.properties && field !== undefined)
      .flatMap(([key, field]) => departures(field, schema.properties[key], `${at}.${key}`)),
  ];
}

/** The documented success answer of an operation. */
const answerSchema = (method: string, path: string, status = method === 'post' ? '201' : '200') =>
  operation(method, path).responses[status].content['application/json'].schema;

describe('answers as documented (every demo case, as the office and as the referring court)', () => {
  let office: AuthedAgent;
  let court: AuthedAgent;
  beforeAll(async () => {
    [office, court] = await Promise.all([t.as('130606002-jo'), t.as('130606-ct')]);
  });

  it('login', async () => {
    const res = await t.http.post('/api/auth/login').send({ username: '130606002-jo', password: demoPassword }).expect(200);
    expect(departures(res.body, answerSchema('post', '/api/auth/login', '200'), 'login')).toEqual([]);
  });

  it('a case, its history and its documents; the court hand-off view (R-L5)', async () => {
    const problems: string[] = [];
    let documents = 0;
    for (const { id } of made) {
      const agent = (await office.get(`/api/cases/${id}`)).status === 200 ? office : court;
      const view = await agent.get(`/api/cases/${id}`).expect(200);
      problems.push(...departures(view.body, answerSchema('get', '/api/cases/{id}'), `case ${view.body.caseNo}`));
      const history = await agent.get(`/api/cases/${id}/history`).expect(200);
      problems.push(...departures(history.body, answerSchema('get', '/api/cases/{id}/history'), `history ${view.body.caseNo}`));
      const docs = await agent.get(`/api/cases/${id}/documents`).expect(200);
      documents += docs.body.length;
      problems.push(...departures(docs.body, answerSchema('get', '/api/cases/{id}/documents'), `documents ${view.body.caseNo}`));
    }
    const handOff = made.find((m) => m.caseNo.includes('民诉前调'))!;
    const courtView = await court.get(`/api/cases/${handOff.id}`).expect(200);
    expect(courtView.body.handOffOnly).toBe(true);
    problems.push(...departures(courtView.body, answerSchema('get', '/api/cases/{id}'), 'court hand-off view'));
    expect(documents).toBeGreaterThan(10);
    expect(problems).toEqual([]);
  });

  it('the case list, and a service record of a letter (R-F3)', async () => {
    const list = await office.get('/api/cases?pageSize=50').expect(200);
    expect(list.body.total).toBe(7);
    expect(departures(list.body, answerSchema('get', '/api/cases'), 'list')).toEqual([]);

    const guided = made.find((m) => m.title.startsWith('合同纠纷'))!;
    const [letter] = (await office.get(`/api/cases/${guided.id}/documents`)).body.filter((d: { kind: string }) => d.kind === 'guidance-notice');
    t.clock.advanceDays(1);
    const served = await office
      .post(`/api/documents/${letter.id}/service`)
      .send({ method: 'direct', servedAt: '2026-11-03T08:30:00+08:00', recipient: '当事人', receiptSignedBy: '当事人', receiptSignedAt: '2026-11-03T08:35:00+08:00' });
    expect(served.status).toBe(201);
    expect(departures(served.body, answerSchema('post', '/api/documents/{id}/service'), 'service')).toEqual([]);
    const one = await office.get(`/api/documents/${letter.id}`).expect(200);
    expect(one.body.services).toHaveLength(1);
    expect(departures(one.body, answerSchema('get', '/api/documents/{id}'), 'document')).toEqual([]);
  });

  it('monthly reports: a village’s submitted copy, the office above it, the county, the all-track report (R-T1…R-T5)', async () => {
    t.clock.set('2026-12-01T10:00:00+08:00');
    const village = await t.as('130606002001-mc');
    const submitted = await village.post('/api/statistics/monthly/130606002001-mc/2026-11/submit');
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('submitted');
    const schema = answerSchema('get', '/api/statistics/monthly/{unitCode}/{month}');
    expect(departures(submitted.body, answerSchema('post', '/api/statistics/monthly/{unitCode}/{month}/submit', '200'), 'submitted')).toEqual([]);
    const problems: string[] = [];
    for (const unit of ['130606002-jo', '130606-jb', '130606-cg']) {
      const report = await (await t.as(unit)).get(`/api/statistics/monthly/${unit}/2026-11`).expect(200);
      expect(report.body.figures.mediated).toBe(7);
      problems.push(...departures(report.body, schema, unit));
    }
    expect(problems).toEqual([]);
    // Every column of the form is documented with its Chinese header.
    expect(document.components.schemas.Figures.properties.mediated.description).toContain('调解纠纷数');
  });

  it('deadlines, inbox, screening, alerts, 民转刑, referrals, statistics and administration answers', async () => {
    const checked: string[] = [];
    const problems: string[] = [];
    /** Sends a request as `who`, expects `status`, and checks the answer against the document. */
    const check = async (who: string, method: 'get' | 'post' | 'put' | 'patch', url: string, path: string, body?: object, status = method === 'post' ? 201 : 200) => {
      const agent = await t.as(who);
      const res = await agent[method](url).send(body as object);
      expect([url, res.status, res.body.message]).toEqual([url, status, undefined]);
      problems.push(...departures(res.body, answerSchema(method, path, String(status)), `${method.toUpperCase()} ${url}`));
      checked.push(`${method} ${path}`);
      return res.body;
    };
    const office = '130606002-jo';
    // 2026-12-01 (set above): the demo cases' 30-day clocks end on 12-02, so reminders are due.
    expect((await check('admin', 'post', '/api/deadlines/sweep', '/api/deadlines/sweep', undefined, 200)).reminded).toBeGreaterThan(0);
    const inbox = await check(office, 'get', '/api/inbox', '/api/inbox');
    expect(inbox.items.length).toBeGreaterThan(0);
    await check(office, 'post', `/api/inbox/${inbox.items[0].id}/read`, '/api/inbox/{id}/read', undefined, 200);
    t.clock.set('2026-12-04T09:00:00+08:00');
    expect((await check(office, 'get', '/api/deadlines/overdue', '/api/deadlines/overdue')).items.length).toBeGreaterThan(0);
    expect((await check('130606-jb', 'get', '/api/statistics/monthly/130606-jb/2026-11/overdue', '/api/statistics/monthly/{unitCode}/{month}/overdue')).total).toBeGreaterThan(0);
    await check(office, 'get', '/api/deadlines/period?from=2026-02-10&days=30&dayKind=working', '/api/deadlines/period');
    await check(office, 'get', '/api/deadlines/calendar', '/api/deadlines/calendar');
    await check(office, 'get', '/api/deadlines/calendar/2026', '/api/deadlines/calendar/{year}');
    await check('admin', 'post', '/api/deadlines/calendar', '/api/deadlines/calendar', { year: 2027, source: '测试用：2027年部分节假日安排', days: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }] });

    const { source: _s, ...finding } = intakeBody({ riskLevel: 'red', disputeType: 'neighbour', summary: '两户因宅基地边界争执多次发生肢体冲突，一方扬言报复。' });
    expect((await check('130606002002-mc', 'post', '/api/screening/rounds', '/api/screening/rounds', { period: '2026-12', findings: [finding] })).findings).toHaveLength(1);
    await check(office, 'get', '/api/screening/rounds?period=2026-12', '/api/screening/rounds');
    await check(office, 'get', '/api/screening/missing?period=2026-12', '/api/screening/missing');
    await check('admin', 'put', '/api/screening/frequencies/130606002003', '/api/screening/frequencies/{divisionCode}', { frequency: 'weekly' });
    await check('admin', 'get', '/api/screening/frequencies', '/api/screening/frequencies');
    expect((await check(office, 'get', '/api/alerts', '/api/alerts')).total).toBe(1);
    const closed = made.find((m) => m.title.startsWith('房屋宅基地'))!;
    const escalation = { occurredOn: '2026-12-03', description: '调解结束后双方再次发生冲突，一方持械伤人。', policeCaseNo: '保公莲刑字〔2026〕123号' };
    await check(office, 'post', `/api/cases/${closed.id}/escalations-to-crime`, '/api/cases/{id}/escalations-to-crime', escalation);
    await check(office, 'get', `/api/cases/${closed.id}/escalations-to-crime`, '/api/cases/{id}/escalations-to-crime');
    await check('130606-ct', 'post', '/api/court-referrals', '/api/court-referrals', filingBody());
    await check('130606-po', 'post', '/api/petition-referrals', '/api/petition-referrals', petitionBody());

    await check('130606-jb', 'get', '/api/statistics/analysis?unit=130606-jb&from=2026-01&to=2026-12&groupBy=disputeType&groupBy=outcome', '/api/statistics/analysis');
    await check('admin', 'post', '/api/statistics/recompute', '/api/statistics/recompute', undefined, 200);
    await check('130606-jb', 'get', '/api/statistics/settings', '/api/statistics/settings');
    await check('admin', 'put', '/api/statistics/settings', '/api/statistics/settings', { dueDays: { village: 3, township: 5, county: 8, city: 10 } });

    await check('admin', 'get', '/api/health', '/api/health');
    await check(office, 'get', '/api/orgs/tree?root=130606&depth=2', '/api/orgs/tree');
    await check('auditor', 'get', '/api/audit?pageSize=5', '/api/audit');
    await check('auditor', 'get', '/api/audit/verify', '/api/audit/verify');
    const user = await check('admin', 'post', '/api/admin/users', '/api/admin/users', { username: 'wang.tiaojie', displayName: '王调解', unitCode: office, roles: ['justice-officer'], password: 'Tiaojie-2026-ok' });
    await check('admin', 'patch', `/api/admin/users/${user.id}`, '/api/admin/users/{id}', { displayName: '王调解员' });
    await check('admin', 'get', `/api/admin/users?unit=${office}`, '/api/admin/users');
    await check('admin', 'post', '/api/auth/totp/setup', '/api/auth/totp/setup');

    expect(problems).toEqual([]);
    expect(new Set(checked).size).toBe(31);
  });

  it('an undocumented field in an answer would be caught', () => {
    const view = { ...made[0], extra: 1 };
    expect(departures(view, answerSchema('get', '/api/cases/{id}'), 'case')).toContain('case.extra: not documented');
  });
});
