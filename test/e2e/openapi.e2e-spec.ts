// The OpenAPI document (api.md "General") as the web console's developers and the courts' systems
// read it to generate their clients: every operation described, public ones marked as needing no
// token, optional headers optional, and the error answers in the shape the server really sends.
import { startTestApp, type TestApp } from '../support/test-app';

type Operation = { summary?: string; security?: object[]; parameters?: { name: string; in: string; required?: boolean }[]; responses: Record<string, any> };

let t: TestApp;
let document: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, any> }; security: object[] };
const operation = (method: string, path: string) => document.paths[path][method];

beforeAll(async () => {
  t = await startTestApp();
  document = (await t.http.get('/api/docs-json').expect(200)).body;
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
