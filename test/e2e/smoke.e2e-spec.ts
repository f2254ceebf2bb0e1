import { startTestApp, type TestApp } from '../support/test-app';
import { intakeBody } from '../factories/parties';

let t: TestApp;
beforeAll(async () => {
  const t0 = Date.now();
  t = await startTestApp();
  console.log('start', Date.now() - t0);
});
afterAll(() => t?.close());

it('registers a case', async () => {
  const jo = await t.as('130606002-jo');
  const res = await jo.post('/api/cases').send(intakeBody());
  console.log(res.status, JSON.stringify(res.body, null, 1).slice(0, 3000));
  const list = await jo.get('/api/cases');
  console.log(list.status, JSON.stringify(list.body).slice(0, 500));
});
