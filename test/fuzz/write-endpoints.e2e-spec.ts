// Property-based fuzzing of every write endpoint (fast-check): FUZZ_RUNS (default 10,000) generated
// or malformed bodies, params and headers each. Every request carries at least one defect, so every
// answer must be a refusal in the shared error shape — never a 5xx, never a 2xx — an unknown field
// is named in the field errors, and the database is exactly as it was before the run.
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { AuditService } from '../../src/audit/audit.service';
import { intakeBody } from '../factories/parties';
import { prepareMediation, registerCase, send } from '../support/case-driver';
import { dbQuery } from '../support/db-query';
import { startTestApp, type TestApp } from '../support/test-app';

const runs = Number(process.env.FUZZ_RUNS ?? 10_000);
// Replays a failing run: fast-check prints the seed of every counterexample.
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const strong = 'Fuzz-Tiao-Jie-2026!';

interface Endpoint {
  name: string;
  method: 'POST' | 'PUT' | 'PATCH';
  path: () => string;
  /** Variants of the path that must be refused (bad ids and codes). */
  badPaths: () => string[];
  caller?: string;
  /** A body the endpoint would accept; mutations always add at least one defect to it. */
  valid?: () => Record<string, unknown>;
}

let t: TestApp;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};

const injection = ["' OR 1=1 --", '../../etc/passwd', '%00', '<script>', '１２３', '-1', '9'.repeat(40), ''];

beforeAll(async () => {
  t = await startTestApp({ now: '2026-11-02T09:00:00+08:00' });
  const office = await t.as('130606002-jo');
  const view = await registerCase(office, intakeBody());
  await prepareMediation(office, view);
  await send(office, view.id, { type: 'START_MEDIATION' });
  ids.case = view.id;
  const [doc] = await dbQuery(t)(`SELECT id FROM documents WHERE case_id = ? LIMIT 1`, view.id);
  ids.document = doc.id;
  const [user] = await dbQuery(t)(`SELECT id FROM users WHERE username = '130606003-jo'`);
  ids.user = user.id;
  for (const username of ['130606002-jo', '130606002001-mc', '130606-ct', '130606-po', 'admin', 'secadmin', '130606-jb']) {
    tokens[username] = await t.token(username);
  }
}, 120_000);
afterAll(() => t.close());

const endpoints: Endpoint[] = [
  { name: 'login', method: 'POST', path: () => '/api/auth/login', badPaths: () => [], valid: () => ({ username: 'nobody-here', password: 'x' }) },
  { name: 'refresh', method: 'POST', path: () => '/api/auth/refresh', badPaths: () => [], valid: () => ({ refreshToken: 'r'.repeat(43) }) },
  { name: 'logout', method: 'POST', path: () => '/api/auth/logout', badPaths: () => [], valid: () => ({ refreshToken: 'r'.repeat(43) }) },
  { name: 'password', method: 'POST', path: () => '/api/auth/password', badPaths: () => [], caller: '130606002-jo', valid: () => ({ currentPassword: 'sandiao-demo', newPassword: strong }) },
  { name: 'totp enable', method: 'POST', path: () => '/api/auth/totp/enable', badPaths: () => [], caller: '130606002-jo', valid: () => ({ code: '123456' }) },
  { name: 'intake', method: 'POST', path: () => '/api/cases', badPaths: () => [], caller: '130606002-jo', valid: () => intakeBody() },
  {
    name: 'case events',
    method: 'POST',
    path: () => `/api/cases/${ids.case}/events`,
    badPaths: () => [...injection.map((s) => `/api/cases/${encodeURIComponent(s)}/events`), '/api/cases/00000000-0000-7000-8000-000000000000/events'],
    caller: '130606002-jo',
    valid: () => ({ type: 'LOG_SESSION', summary: '调解' }),
  },
  { name: 'court referral', method: 'POST', path: () => '/api/court-referrals', badPaths: () => [], caller: '130606-ct', valid: () => ({ ...courtBody() }) },
  { name: 'petition referral', method: 'POST', path: () => '/api/petition-referrals', badPaths: () => [], caller: '130606-po', valid: () => ({ ...petitionBody() }) },
  { name: 'screening round', method: 'POST', path: () => '/api/screening/rounds', badPaths: () => [], caller: '130606002001-mc', valid: () => ({ period: '2026-11', note: '本月未发现纠纷' }) },
  {
    name: 'screening frequency',
    method: 'PUT',
    path: () => '/api/screening/frequencies/130606002',
    badPaths: () => injection.map((s) => `/api/screening/frequencies/${encodeURIComponent(s)}`),
    caller: 'admin',
    valid: () => ({ frequency: 'weekly' }),
  },
  {
    name: 'escalation to crime',
    method: 'POST',
    path: () => `/api/cases/${ids.case}/escalations-to-crime`,
    badPaths: () => [...injection.map((s) => `/api/cases/${encodeURIComponent(s)}/escalations-to-crime`), '/api/cases/00000000-0000-7000-8000-000000000000/escalations-to-crime'],
    caller: '130606002-jo',
    valid: () => ({ occurredOn: '2026-11-02', description: '调解后转为刑事案件' }),
  },
  {
    name: 'document service',
    method: 'POST',
    path: () => `/api/documents/${ids.document}/service`,
    badPaths: () => injection.map((s) => `/api/documents/${encodeURIComponent(s)}/service`),
    caller: '130606002-jo',
    valid: () => ({ method: 'direct', servedAt: '2026-11-03T10:00:00+08:00', recipient: '张建国' }),
  },
  {
    name: 'calendar year',
    method: 'POST',
    path: () => '/api/deadlines/calendar',
    badPaths: () => [],
    caller: 'admin',
    valid: () => ({ year: 2027, source: '国务院办公厅通知', days: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }] }),
  },
  {
    name: 'statistics reopen',
    method: 'POST',
    path: () => '/api/statistics/monthly/130606002-jo/2026-10/reopen',
    badPaths: () => injection.map((s) => `/api/statistics/monthly/${encodeURIComponent(s)}/2026-10/reopen`),
    caller: '130606-jb',
    valid: () => ({ reason: '数据有误，请更正' }),
  },
  { name: 'statistics settings', method: 'PUT', path: () => '/api/statistics/settings', badPaths: () => [], caller: 'admin', valid: () => ({ dueDays: { village: 3, township: 5, county: 8, city: 10 } }) },
  { name: 'create user', method: 'POST', path: () => '/api/admin/users', badPaths: () => [], caller: 'admin', valid: () => ({ username: 'fuzzuser', displayName: '测试', unitCode: '130606002-jo', roles: ['justice-officer'], password: strong }) },
  {
    name: 'update user',
    method: 'PATCH',
    path: () => `/api/admin/users/${ids.user}`,
    badPaths: () => injection.map((s) => `/api/admin/users/${encodeURIComponent(s)}`),
    caller: 'admin',
    valid: () => ({ displayName: '改名' }),
  },
  {
    name: 'reset password',
    method: 'POST',
    path: () => `/api/admin/users/${ids.user}/password`,
    badPaths: () => injection.map((s) => `/api/admin/users/${encodeURIComponent(s)}/password`),
    caller: 'admin',
    valid: () => ({ password: strong }),
  },
];

/** Write endpoints without a body: only their params, headers and tokens can be wrong. */
const bodyless: Endpoint[] = [
  { name: 'totp setup', method: 'POST', path: () => '/api/auth/totp/setup', badPaths: () => [] },
  { name: 'unlock', method: 'POST', path: () => '', badPaths: () => injection.map((s) => `/api/admin/users/${encodeURIComponent(s)}/unlock`), caller: 'secadmin' },
  { name: 'totp reset', method: 'POST', path: () => '', badPaths: () => injection.map((s) => `/api/admin/users/${encodeURIComponent(s)}/totp/reset`), caller: 'secadmin' },
  { name: 'inbox read', method: 'POST', path: () => '', badPaths: () => [...injection, '00000000-0000-7000-8000-000000000000'].map((s) => `/api/inbox/${encodeURIComponent(s)}/read`), caller: '130606002-jo' },
  { name: 'statistics submit', method: 'POST', path: () => '', badPaths: () => [...injection.map((s) => `/api/statistics/monthly/${encodeURIComponent(s)}/2026-10/submit`), '/api/statistics/monthly/130606002-jo/2026-13/submit', '/api/statistics/monthly/130606001-jo/2026-10/submit'], caller: '130606002-jo' },
  { name: 'sweep', method: 'POST', path: () => '/api/deadlines/sweep', badPaths: () => [] },
];

function courtBody() {
  const { source: _s, place: _p, ...rest } = intakeBody();
  return { ...rest, claims: '请求判令被告赔偿损失', disputeDivisionCode: '130606002' };
}
function petitionBody() {
  const { source: _s, ...rest } = intakeBody();
  return { ...rest, nature: { administrative: false, courtProceedingsPending: false } };
}

const reserved = new Set(['__proto__', 'constructor', 'prototype']);
const unknownKey = (known: string[]) =>
  fc.oneof(fc.constant('__proto__'), fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !known.includes(k) && !reserved.has(k) && !k.includes('.')));

interface Request {
  url: string;
  headers: Record<string, string>;
  payload?: string;
  unknown?: string;
}

function requests(endpoint: Endpoint): fc.Arbitrary<Request> {
  const auth = endpoint.caller ? { authorization: `Bearer ${tokens[endpoint.caller]}` } : {};
  const json = { 'content-type': 'application/json', ...auth };
  const badAuth = fc.oneof(fc.constant({}), fc.string().map((s) => ({ authorization: `Bearer ${s.replace(/[\r\n]/g, '')}x` })), fc.constant({ authorization: 'Basic YWRtaW46YWRtaW4=' }));
  const noisyHeaders = fc.record({ 'if-match': fc.string({ maxLength: 20 }), 'idempotency-key': fc.string({ maxLength: 200 }) }, { requiredKeys: [] }).map((h) =>
    Object.fromEntries(Object.entries(h).map(([k, v]) => [k, v.replace(/[^\x20-\x7e]/g, '')]).filter(([, v]) => v !== '')),
  );
  const badPath = endpoint.badPaths().length ? fc.constantFrom(...endpoint.badPaths()) : fc.constant(endpoint.path());
  if (!endpoint.valid) {
    // Bodyless: a bad param with any token, or the real path without a valid token.
    return fc.oneof(
      fc.record({ url: fc.constantFrom(...(endpoint.badPaths().length ? endpoint.badPaths() : [endpoint.path()])), headers: noisyHeaders.map((h) => ({ ...h, ...auth })) }),
      fc.record({ url: fc.constant(endpoint.path() || endpoint.badPaths()[0]), headers: badAuth }),
    ).map((r) => ({ ...r, payload: undefined }));
  }
  const base = endpoint.valid();
  const known = Object.keys(base);
  const withUnknown = fc
    .tuple(unknownKey(known), fc.jsonValue(), fc.subarray(known), fc.dictionary(fc.constantFrom(...known), fc.jsonValue()))
    .map(([key, value, dropped, replaced]) => {
      const body: Record<string, unknown> = { ...base, ...replaced };
      for (const k of dropped) delete body[k];
      const extra = `${Object.keys(body).length ? ',' : ''}${JSON.stringify(key)}:${JSON.stringify(value)}}`;
      const text = JSON.stringify(body).replace(/}$/, () => extra);
      return { payload: text, unknown: key };
    });
  const notAnObject = fc.oneof(fc.array(fc.jsonValue(), { maxLength: 3 }), fc.string(), fc.double(), fc.boolean(), fc.constant(null)).map((v) => ({ payload: JSON.stringify(v), unknown: undefined }));
  const malformed = fc.oneof(fc.constant('{"a":'), fc.constant('{'), fc.string().map((s) => `{${s}`), fc.constant('')).map((payload) => ({ payload, unknown: undefined }));
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc.tuple(withUnknown, noisyHeaders, badPath, fc.boolean()).map(([b, h, p, realPath]) => ({
        url: realPath ? endpoint.path() : p,
        headers: { ...h, ...json },
        ...b,
        // A bad path is refused before the body is read: only then is the unknown field named.
        unknown: realPath || p === endpoint.path() ? b.unknown : undefined,
      })),
    },
    { weight: 2, arbitrary: fc.tuple(notAnObject, noisyHeaders).map(([b, h]) => ({ url: endpoint.path(), headers: { ...h, ...json }, ...b })) },
    { weight: 1, arbitrary: fc.tuple(malformed, noisyHeaders).map(([b, h]) => ({ url: endpoint.path(), headers: { ...h, ...json }, ...b })) },
    { weight: 1, arbitrary: fc.tuple(withUnknown, badAuth).map(([b, h]) => ({ url: endpoint.path(), headers: { 'content-type': 'application/json', ...h }, ...b, unknown: undefined })) },
  );
}

/** Everything but the audit trail (refusals are audited on purpose). */
async function fingerprint(): Promise<string> {
  await t.app.get(AuditService).flushReads();
  // Letters issued before the run render in the background: wait for them, they are not fuzz effects.
  for (let i = 0; i < 200 && (await dbQuery(t)(`SELECT id FROM documents WHERE status = 'pending'`)).length; i++) {
    await new Promise((r) => setTimeout(r, 50));
  }
  const query = dbQuery(t);
  const tables = t.db.isPostgres
    ? (await query(`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()`)).map((r) => r.name)
    : (await query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)).map((r) => r.name);
  const hash = createHash('sha256');
  for (const table of tables.filter((n: string) => !['audit_records', 'audit_chain_head', 'migrations'].includes(n)).sort()) {
    const rows = await query(`SELECT * FROM ${table}`);
    hash.update(table).update(JSON.stringify(rows.map((r) => JSON.stringify(r)).sort()));
  }
  return hash.digest('hex');
}

const inject = (method: string, request: Request) =>
  t.app.getHttpAdapter().getInstance().inject({ method: method as 'POST', url: request.url, headers: request.headers, payload: request.payload });

describe.each([...endpoints, ...bodyless].map((e) => [e.name, e] as const))('%s', (_name, endpoint) => {
  it(`refuses ${runs} defective requests with 4xx in the shared shape and changes nothing`, async () => {
    const before = await fingerprint();
    await fc.assert(
      fc.asyncProperty(requests(endpoint), async (request) => {
        const res = await inject(endpoint.method, request);
        if (res.statusCode < 400 || res.statusCode >= 500) {
          throw new Error(`${endpoint.method} ${request.url} ${request.payload?.slice(0, 200)} → ${res.statusCode} ${res.body.slice(0, 300)}`);
        }
        const body = res.json();
        expect(body).toEqual({ code: expect.stringMatching(/^[A-Z_]+$/), message: expect.any(String), details: expect.any(Object) });
        expect(res.body).not.toMatch(/\bat .+\.(js|ts):\d+/);
        // A "__proto__" key anywhere is refused by the JSON parser itself, before the fields are read.
        if (request.unknown !== undefined && res.statusCode === 400 && body.details.fields && !request.payload?.includes('"__proto__"')) {
          const named = Object.keys(body.details.fields);
          // A malformed header is refused before the body is read, and an unknown event `type`
          // leaves no schema to judge the other fields by.
          if (!named.some((f) => f === 'If-Match' || f === 'Idempotency-Key' || f === 'type')) {
            if (!named.includes(request.unknown)) throw new Error(`unknown field ${JSON.stringify(request.unknown)} not named: ${request.payload?.slice(0, 300)} → ${res.body}`);
          }
        }
      }),
      { numRuns: runs, seed },
    );
    expect(await fingerprint()).toBe(before);
  }, 600_000);
});
