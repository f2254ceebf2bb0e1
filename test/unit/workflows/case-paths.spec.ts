// Whole paths through the case statechart: what the segments (statistics count every one of them)
// and the refusals look like after several hand-offs, and guards no permitted actor can reach.
import { transition } from 'xstate';
import { caseMachine } from '../../../workflows/case/case.machine';
import { explainRefusal } from '../../../workflows/case/explain';
import { mayActorSend } from '../../../workflows/case/permissions';
import { rules } from '../../../workflows/case/rules';
import type { CaseContext } from '../../../workflows/case/types';
import {
  actors,
  caseEvent,
  contextOf,
  play,
  reach,
  startCase,
  caseInput,
  statePathOf,
  testAt,
  units,
  type Step,
} from '../../factories/case-snapshots';

const community = actors.communityMediator;
const office = actors.justiceOfficer;
const refusal = (name: keyof typeof rules) => ({ rule: rules[name].rule, message: rules[name].message });
const segmentsOf = (context: CaseContext) => context.segments.map((s) => [s.track, s.unitCode, s.outcome ?? 'open']);

describe('case paths across hand-offs', () => {
  it('R-G1 a dispute referred as out of scope and returned to the committee keeps exactly one open segment', () => {
    const returned = play([
      { by: community, event: { type: 'REFER_TO_JUSTICE_OFFICE', targetUnitCode: units.justiceOffice.code, reason: 'out-of-scope' } },
      { by: office, event: { type: 'RETURN_TO_COMMITTEE', targetUnitCode: units.community.code, note: '属于人民调解范围' } },
    ]);
    expect(statePathOf(returned.snapshot)).toBe('peoples.registered');
    expect(segmentsOf(contextOf(returned))).toEqual([
      ['peoples', units.community.code, 'referred'],
      ['peoples', units.community.code, 'open'],
    ]);
  });

  it('R-A1 a failed administrative mediation goes back to the justice office, which guides it to court', () => {
    const steps: Step[] = [
      { by: actors.policeMediator, event: { type: 'DECLARE_FAILED', note: '未达成协议' } },
      { by: office, event: { type: 'ISSUE_GUIDANCE', route: 'judicial', targetUnitCode: units.court.code } },
      { by: actors.courtClerk, event: { type: 'ACKNOWLEDGE' } },
      { by: actors.courtClerk, event: { type: 'START_MEDIATION' } },
      { by: actors.courtClerk, event: { type: 'RECORD_MEDIATION_STATEMENT', documentNo: '(2026)冀0606民初1234号' } },
    ];
    const closed = play(steps, reach('administrative.mediating'));
    expect(closed.snapshot.status).toBe('done');
    expect(contextOf(closed).outcome).toBe('mediation-statement');
    expect(contextOf(closed).guidance).toMatchObject({ route: 'judicial', reason: 'no-agreement', issuedBy: units.justiceOffice });
    expect(segmentsOf(contextOf(closed))).toEqual([
      ['peoples', units.community.code, 'failed'],
      ['administrative', units.police.code, 'failed'],
      ['judicial', units.court.code, 'mediation-statement'],
    ]);
  });

  it('R-P5 an escalated dispute is mediated to agreement by the township committee; both segments are kept', () => {
    const township = actors.townshipMediator;
    const agreed = play(
      [
        { by: township, event: { type: 'RECORD_CONSENT', partyId: 'party-zhang', consent: 'given' } },
        { by: township, event: { type: 'RECORD_CONSENT', partyId: 'party-li', consent: 'given' } },
        { by: township, event: { type: 'NOTIFY_RIGHTS' } },
        { by: township, event: { type: 'START_MEDIATION' } },
        {
          by: township,
          event: { type: 'REACH_AGREEMENT', form: 'oral', terms: '互谅互让', performanceMethod: '当场履行', createsObligations: false, writtenRequested: false },
        },
      ],
      reach('peoples.registered (escalated to the township committee)'),
    );
    expect(statePathOf(agreed.snapshot)).toBe('peoples.agreed');
    expect(segmentsOf(contextOf(agreed))).toEqual([
      ['peoples', units.community.code, 'escalated'],
      ['peoples', units.townshipCommittee.code, 'agreement'],
    ]);
  });

  it('R-P3 a refusal by the second party closes the case at once and issues the termination letter and the case-file cover', () => {
    const closed = reach('closed (refused)');
    expect(closed.snapshot.status).toBe('done');
    expect(contextOf(closed)).toMatchObject({ outcome: 'refused', failure: { reason: 'refused' } });
    expect(closed.effects).toEqual([
      { type: 'issueDocument', params: { kind: 'termination' } },
      { type: 'issueDocument', params: { kind: 'case-file-cover' } },
    ]);
  });

  it('R-P1 every case starts registered, with the registration form as its first document', () => {
    const started = startCase(caseInput());
    expect(statePathOf(started.snapshot)).toBe('peoples.registered');
    expect(started.effects).toEqual([{ type: 'issueDocument', params: { kind: 'registration-form' } }]);
    expect(segmentsOf(contextOf(started))).toEqual([['peoples', units.community.code, 'open']]);
  });
});

describe('guards no permitted actor reaches (defence in depth)', () => {
  it('R-G1 a justice office that accepted a dispute itself has no office to refer it to', () => {
    const { snapshot } = reach('peoples.registered (accepted by the justice office)');
    const event = caseEvent({ type: 'REFER_TO_JUSTICE_OFFICE', targetUnitCode: units.justiceOffice.code, reason: 'out-of-scope' }, office, testAt);
    expect(mayActorSend(office, contextOf(snapshot), 'REFER_TO_JUSTICE_OFFICE')).toBe(false);
    expect(explainRefusal(snapshot, event)).toEqual([refusal('handledByCommittee')]);
  });

  it('R-P5 a justice office that accepted a dispute itself cannot escalate it to a committee', () => {
    const { snapshot } = reach('peoples.registered (accepted by the justice office)');
    const event = caseEvent({ type: 'ESCALATE', targetUnitCode: units.townshipCommittee.code, reason: '案情复杂' }, office, testAt);
    expect(mayActorSend(office, contextOf(snapshot), 'ESCALATE')).toBe(false);
    expect(explainRefusal(snapshot, event)).toEqual([refusal('handledByVillageCommittee')]);
  });

  it('R-G3 ACKNOWLEDGE refused when the stored guidance names no receiving track', () => {
    // A letter toward litigation closes the case, so only a damaged or hand-edited snapshot could be here.
    const { snapshot } = reach('guidance.awaitingAcknowledgement (court)');
    const context = contextOf(snapshot);
    const damaged = caseMachine.resolveState({
      value: { guidance: 'awaitingAcknowledgement' },
      context: { ...context, guidance: { ...context.guidance!, route: 'litigation' } },
    });
    const event = caseEvent({ type: 'ACKNOWLEDGE' }, actors.courtClerk, testAt);
    expect(transition(caseMachine, damaged, event)[0]).toBe(damaged);
    expect(explainRefusal(damaged, event)).toEqual([refusal('guidedToAgency'), refusal('guidedToCourt')]);
  });
});
