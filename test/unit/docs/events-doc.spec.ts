// docs/events.md is generated from the statechart and the event DTOs; it must not drift from them.
import { readFileSync } from 'node:fs';
import { eventsDocPath, renderEventsDoc } from '../../../src/cli/events-doc';

it('docs/events.md lists every event as the statechart and DTOs define it (run `npm run docs:events` after a change)', () => {
  expect(readFileSync(eventsDocPath(), 'utf8')).toBe(renderEventsDoc());
});
