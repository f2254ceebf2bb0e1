// Stored snapshots outlive the code that wrote them (style.md: "a test that restores a stored old
// snapshot"). The fixtures are snapshots of machine case@1 as the engine persisted them
// (getPersistedSnapshot → JSON); if a change to the statechart would misread them, bump the
// machine's version and keep version 1 registered in workflows/case/registry.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { transition, type AnyMachineSnapshot } from 'xstate';
import { allowedEvents } from '../../../workflows/case/explain';
import { currentCaseMachine, machineFor } from '../../../workflows/case/registry';
import type { CaseContext } from '../../../workflows/case/types';
import {
  actors,
  applicant,
  caseEvent,
  contextOf,
  reach,
  respondent,
  statePathOf,
  testAt,
  units,
  type Payload,
} from '../../factories/case-snapshots';

const stored = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
/** What WorkflowEngine.restore() does with a case row. */
const restore = (json: string, version = '1') => machineFor('case', version).resolveState(JSON.parse(json));

function continueWith(snapshot: AnyMachineSnapshot, payload: Payload, actor = actors.communityMediator, at = testAt) {
  const [next, actions] = transition(machineFor('case', '1'), snapshot, caseEvent(payload, actor, at));
  return { next, effects: actions.map(({ type, params }) => ({ type, params })) };
}

describe('restoring stored case@1 snapshots', () => {
  it('R-P7 a stored case@1 snapshot in signing restores with its agreement and continues to agreement and close', () => {
    let snapshot = restore(stored('case@1.peoples.signing.json'));
    expect(statePathOf(snapshot)).toBe('peoples.signing');
    expect((snapshot.context as CaseContext).agreement).toMatchObject({ form: 'written', signatures: [applicant.id], sealed: false });
    expect(allowedEvents(snapshot, actors.communityMediator, testAt).sort()).toEqual(
      // ASSESS_RISK came later (R-V4); a stored snapshot offers it with no migration.
      ['ASSESS_RISK', 'DECLARE_FAILED', 'SEAL_AGREEMENT', 'SIGN_AGREEMENT', 'TERMINATE'].sort(),
    );

    snapshot = continueWith(snapshot, { type: 'SIGN_AGREEMENT', signer: respondent.id }).next;
    snapshot = continueWith(snapshot, { type: 'SIGN_AGREEMENT', signer: 'mediator' }).next;
    const sealed = continueWith(snapshot, { type: 'SEAL_AGREEMENT' });
    expect(statePathOf(sealed.next)).toBe('peoples.agreed');
    // R-L6: the agreement in force opens the parties' 30-day window as a legal clock.
    expect(sealed.effects).toEqual([
      { type: 'stopClock', params: { clock: 'peoples-mediation' } },
      { type: 'startClock', params: { clock: 'confirmation-window', from: testAt, days: 30, dayKind: 'calendar', remind: false } },
    ]);
    expect(contextOf(sealed.next).agreement?.effectiveAt).toBe(testAt);

    const followed = continueWith(sealed.next, { type: 'RECORD_FOLLOW_UP', performance: 'performed', note: '已履行' }).next;
    const closed = continueWith(followed, { type: 'CLOSE' });
    expect(closed.next.status).toBe('done');
    expect(contextOf(closed.next).outcome).toBe('agreement');
    expect(closed.effects).toEqual([
      { type: 'stopClock', params: { clock: 'confirmation-window' } },
      { type: 'issueDocument', params: { kind: 'case-file-cover' } },
    ]);
  });

  it('R-G3 a stored case@1 snapshot awaiting acknowledgement is acknowledged by the named agency', () => {
    const snapshot = restore(stored('case@1.guidance.awaitingAcknowledgement.json'));
    expect(statePathOf(snapshot)).toBe('guidance.awaitingAcknowledgement');
    expect(contextOf(snapshot).handlingUnit.code).toBe(units.police.code);
    expect(allowedEvents(snapshot, actors.policeMediator, testAt).sort()).toEqual(['ACKNOWLEDGE', 'ASSESS_RISK', 'RETURN_GUIDANCE']);

    const { next } = continueWith(snapshot, { type: 'ACKNOWLEDGE' }, actors.policeMediator);
    expect(statePathOf(next)).toBe('administrative.accepted');
    expect(contextOf(next).segments.map((s) => [s.track, s.unitCode, s.outcome])).toEqual([
      ['peoples', units.community.code, 'failed'],
      ['administrative', units.police.code, undefined],
    ]);
  });

  it('a snapshot persisted now (JSON round trip) restores to the same state, context and offers', () => {
    const { snapshot } = reach('peoples.mediating (extended once)');
    const json = JSON.stringify(currentCaseMachine.getPersistedSnapshot(snapshot));
    const restored = restore(json, currentCaseMachine.version);
    expect(restored.value).toEqual(snapshot.value);
    expect(restored.context).toEqual(snapshot.context);
    expect(allowedEvents(restored, actors.communityMediator, testAt)).toEqual(allowedEvents(snapshot, actors.communityMediator, testAt));
    // and it continues like the original: the clock sweeper may still fail it (R-P6)
    const expired = continueWith(restored, { type: 'CLOCK_EXPIRED', clock: 'peoples-mediation' }, { ...actors.communityMediator, roles: ['system'] });
    expect(statePathOf(expired.next)).toBe('peoples.failed');
  });

  it('an unknown machine version is refused rather than misread', () => {
    expect(() => machineFor('case', '0')).toThrow('no registered statechart case@0');
  });
});
