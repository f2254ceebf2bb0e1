// allowedEvents(): what the API offers an actor next (and lists in a 409), judged on the state, the
// actor's unit and role, and every rule that reads the context — never on a payload not yet sent.
import { allowedEvents } from '../../../workflows/case/explain';
import type { Actor, CaseEventType } from '../../../workflows/case/types';
import { actors, reach, systemActor, testAt, units, type Step, play, applicant, respondent } from '../../factories/case-snapshots';

const community = actors.communityMediator;
const system = systemActor(units.community);

interface Row {
  rule: string;
  state: string;
  prep?: Step[];
  who: string;
  actor: Actor;
  allowed: CaseEventType[];
}

const rows: Row[] = [
  {
    rule: 'R-P3',
    state: 'peoples.registered',
    who: 'the accepting community mediator',
    actor: community,
    // START_MEDIATION is not offered: no consent and no rights notice yet (R-P3, R-P4).
    allowed: ['RECORD_CONSENT', 'NOTIFY_RIGHTS', 'ESCALATE', 'REFER_TO_JUSTICE_OFFICE', 'TERMINATE', 'ASSESS_RISK'],
  },
  {
    rule: 'R-P4',
    state: 'peoples.registered',
    prep: [
      { by: community, event: { type: 'RECORD_CONSENT', partyId: applicant.id, consent: 'given' } },
      { by: community, event: { type: 'RECORD_CONSENT', partyId: respondent.id, consent: 'given' } },
    ],
    who: 'the community mediator, consents recorded but no rights notice',
    actor: community,
    allowed: ['RECORD_CONSENT', 'NOTIFY_RIGHTS', 'ESCALATE', 'REFER_TO_JUSTICE_OFFICE', 'TERMINATE', 'ASSESS_RISK'],
  },
  {
    rule: 'R-P4',
    state: 'peoples.registered (consented, rights notified)',
    who: 'the community mediator once consents and the rights notice are recorded',
    actor: community,
    allowed: ['RECORD_CONSENT', 'START_MEDIATION', 'ESCALATE', 'REFER_TO_JUSTICE_OFFICE', 'TERMINATE', 'ASSESS_RISK'],
  },
  {
    rule: 'R-G1',
    state: 'peoples.registered',
    who: 'the township justice office',
    actor: actors.justiceOfficer,
    allowed: ['ISSUE_GUIDANCE', 'ASSESS_RISK'],
  },
  {
    rule: 'R-S1',
    state: 'peoples.registered',
    who: 'a neighbouring community mediator',
    actor: actors.neighbourMediator,
    allowed: [],
  },
  {
    rule: 'R-G1',
    state: 'peoples.registered',
    who: "another township's justice office",
    actor: actors.otherJusticeOfficer,
    allowed: [],
  },
  {
    rule: 'R-P5',
    state: 'peoples.registered (escalated to the township committee)',
    who: 'the township committee, which cannot escalate further',
    actor: actors.townshipMediator,
    allowed: ['RECORD_CONSENT', 'NOTIFY_RIGHTS', 'REFER_TO_JUSTICE_OFFICE', 'TERMINATE', 'ASSESS_RISK'],
  },
  {
    rule: 'R-P5',
    state: 'peoples.registered (escalated to the township committee)',
    who: 'the community committee that escalated it',
    actor: community,
    allowed: [],
  },
  {
    rule: 'R-G1',
    state: 'peoples.registered (accepted by the justice office)',
    who: 'the justice office mediating its own case (no escalation, no referral to itself)',
    actor: actors.justiceOfficer,
    allowed: ['RECORD_CONSENT', 'NOTIFY_RIGHTS', 'ISSUE_GUIDANCE', 'TERMINATE', 'ASSESS_RISK'],
  },
  {
    rule: 'R-P6',
    state: 'peoples.mediating',
    who: 'the community mediator',
    actor: community,
    allowed: ['LOG_SESSION', 'ESCALATE', 'EXTEND', 'REACH_AGREEMENT', 'DECLARE_FAILED', 'TERMINATE', 'ASSESS_RISK'],
  },
  {
    rule: 'R-P6',
    state: 'peoples.mediating (extended once)',
    who: 'the community mediator after the one extension',
    actor: community,
    allowed: ['LOG_SESSION', 'ESCALATE', 'REACH_AGREEMENT', 'DECLARE_FAILED', 'TERMINATE', 'ASSESS_RISK'],
  },
  {
    rule: 'R-D1',
    state: 'peoples.mediating',
    who: 'the clock sweeper',
    actor: system,
    allowed: ['CLOCK_EXPIRED'],
  },
  {
    rule: 'R-G1',
    state: 'peoples.mediating',
    who: 'the township justice office (guidance only after failure; R-V4 it may reassess the risk)',
    actor: actors.justiceOfficer,
    allowed: ['ASSESS_RISK'],
  },
  {
    rule: 'R-P7',
    state: 'peoples.signing',
    who: 'the community mediator',
    actor: community,
    allowed: ['SIGN_AGREEMENT', 'SEAL_AGREEMENT', 'DECLARE_FAILED', 'TERMINATE', 'ASSESS_RISK'],
  },
  {
    rule: 'R-P7',
    state: 'peoples.signing',
    prep: [{ by: community, event: { type: 'SEAL_AGREEMENT' } }],
    who: 'the community mediator once sealed',
    actor: community,
    allowed: ['SIGN_AGREEMENT', 'DECLARE_FAILED', 'TERMINATE', 'ASSESS_RISK'],
  },
  {
    rule: 'R-P7',
    state: 'peoples.agreed (written)',
    who: 'the community mediator before the follow-up, the confirmation window still open',
    actor: community,
    allowed: ['RECORD_FOLLOW_UP', 'APPLY_FOR_CONFIRMATION', 'ASSESS_RISK'],
  },
  {
    rule: 'R-L6',
    state: 'peoples.agreed (written)',
    prep: [{ by: system, event: { type: 'CLOCK_EXPIRED', clock: 'confirmation-window' } }],
    who: 'the community mediator once the confirmation window\'s clock ran out',
    actor: community,
    allowed: ['RECORD_FOLLOW_UP', 'ASSESS_RISK'],
  },
  {
    rule: 'R-P7',
    state: 'peoples.agreed (followed up)',
    who: 'the community mediator after the follow-up',
    actor: community,
    allowed: ['RECORD_FOLLOW_UP', 'CLOSE', 'APPLY_FOR_CONFIRMATION', 'ASSESS_RISK'],
  },
  {
    rule: 'R-P8',
    state: 'peoples.failed (no-agreement)',
    who: 'the community mediator',
    actor: community,
    allowed: ['REFER_TO_JUSTICE_OFFICE', 'ASSESS_RISK'],
  },
  {
    rule: 'R-G1',
    state: 'peoples.failed (expired)',
    who: 'the township justice office',
    actor: actors.justiceOfficer,
    allowed: ['ISSUE_GUIDANCE', 'ASSESS_RISK'],
  },
  {
    rule: 'R-G1',
    state: 'guidance.reviewing',
    who: 'the township justice office',
    actor: actors.justiceOfficer,
    allowed: ['ISSUE_GUIDANCE', 'RETURN_TO_COMMITTEE', 'ASSESS_RISK'],
  },
  {
    rule: 'R-G1',
    state: 'guidance.reviewing',
    who: 'the community committee that referred it',
    actor: community,
    allowed: [],
  },
  {
    rule: 'R-G3',
    state: 'guidance.awaitingAcknowledgement (agency)',
    who: 'the named agency',
    actor: actors.policeMediator,
    allowed: ['ACKNOWLEDGE', 'RETURN_GUIDANCE', 'ASSESS_RISK'],
  },
  {
    rule: 'R-G3',
    state: 'guidance.awaitingAcknowledgement (agency)',
    who: 'another agency',
    actor: actors.marketMediator,
    allowed: [],
  },
  {
    rule: 'R-G3',
    state: 'guidance.awaitingAcknowledgement (court)',
    who: 'the named court',
    actor: actors.courtClerk,
    allowed: ['ACKNOWLEDGE', 'RETURN_GUIDANCE', 'ASSESS_RISK'],
  },
  {
    rule: 'R-G3',
    state: 'guidance.awaitingAcknowledgement (court)',
    who: 'the justice office that issued the guidance',
    actor: actors.justiceOfficer,
    allowed: [],
  },
  {
    rule: 'R-A1',
    state: 'administrative.mediating',
    who: 'the agency',
    actor: actors.policeMediator,
    allowed: ['LOG_SESSION', 'REACH_AGREEMENT', 'DECLARE_FAILED', 'ASSESS_RISK'],
  },
  {
    rule: 'R-J1',
    state: 'judicial.accepted',
    who: 'the court',
    actor: actors.courtClerk,
    allowed: ['START_MEDIATION', 'RECORD_JUDGMENT', 'ASSESS_RISK'],
  },
  {
    rule: 'R-J1',
    state: 'judicial.mediating',
    who: 'another court',
    actor: actors.otherCourtClerk,
    allowed: [],
  },
  {
    rule: 'R-P7',
    state: 'closed (agreement)',
    who: 'the community mediator',
    actor: community,
    allowed: [],
  },
  {
    rule: 'R-J1',
    state: 'closed (judgment)',
    who: 'the court',
    actor: actors.courtClerk,
    allowed: [],
  },
];

describe('allowedEvents: what each actor is offered', () => {
  it.each(rows.map((r) => [`${r.rule} ${r.state}: ${r.who} may send ${r.allowed.join(', ') || 'nothing'}`, r] as const))(
    '%s',
    (_name, row) => {
      const { snapshot } = play(row.prep ?? [], reach(row.state));
      expect([...allowedEvents(snapshot, row.actor, testAt)].sort()).toEqual([...row.allowed].sort());
    },
  );
});
