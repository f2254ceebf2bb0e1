// 200 concurrent events to one case: exactly the legal ones succeed, every other one answers 409
// with the state that refused it, the version rises by one per success and the history has no gaps.
import { intakeBody } from '../factories/parties';
import { registerCase } from '../support/case-driver';
import { dbQuery } from '../support/db-query';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

it('serialises 200 concurrent events on one case without a lost update or a gap', async () => {
  const office = await t.as('130606002-jo');
  const view = await registerCase(office, intakeBody());
  const [first, second] = view.parties;
  // Legal in some orders only: consents any time before mediation, the rights notice once,
  // START_MEDIATION once both consents and the notice are in, LOG_SESSION only while mediating.
  const events = Array.from({ length: 200 }, (_, i) => {
    switch (i % 5) {
      case 0:
        return { type: 'RECORD_CONSENT', partyId: i % 2 ? first.id : second.id, consent: 'given' };
      case 1:
        return { type: 'NOTIFY_RIGHTS' };
      case 2:
        return { type: 'START_MEDIATION' };
      case 3:
        return { type: 'LOG_SESSION', summary: `第${i}次调解` };
      default:
        return { type: 'DECLARE_FAILED', note: '并发测试' };
    }
  });
  const answers = await Promise.all(events.map((event) => office.post(`/api/cases/${view.id}/events`).send(event)));

  expect(answers.filter((a) => a.status !== 200 && a.status !== 409)).toEqual([]);
  const succeeded = answers.filter((a) => a.status === 200);
  const refused = answers.filter((a) => a.status === 409);
  // Each refusal names the state it met and shows the event was not allowed there.
  for (const [i, answer] of answers.entries()) {
    if (answer.status !== 409) continue;
    expect(answer.body.code).toBe('TRANSITION_NOT_ALLOWED');
    const type = events[i].type;
    expect(answer.body.details.allowedEvents.includes(type) && !answer.body.details.rules).toBe(false);
  }
  const versions = succeeded.map((a) => a.body.version).sort((a, b) => a - b);
  expect(versions).toEqual(versions.map((_, i) => i + 2));

  const [row] = await dbQuery(t)('SELECT version, state FROM cases WHERE id = ?', view.id);
  expect(row.version).toBe(1 + succeeded.length);
  const history = await dbQuery(t)('SELECT version, event FROM case_transitions WHERE case_id = ? ORDER BY version', view.id);
  expect(history.map((h) => Number(h.version))).toEqual(Array.from({ length: row.version }, (_, i) => i + 1));
  expect(history.filter((h) => h.event === 'NOTIFY_RIGHTS')).toHaveLength(1);
  expect(history.filter((h) => h.event === 'START_MEDIATION').length).toBeLessThanOrEqual(1);
  expect(history.filter((h) => h.event === 'DECLARE_FAILED').length).toBeLessThanOrEqual(1);
  expect(succeeded.length + refused.length).toBe(200);
});
