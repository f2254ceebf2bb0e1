// Case histories for demo volume, produced by the real statechart: each path is run once through
// initialTransition()/transition() with placeholder units, parties and instants, and what it
// recorded — snapshot, transitions, segments, documents, clocks — is kept as compiled text. Every
// generated case is one of these with its own values, so its stored snapshot restores and accepts
// events exactly as one recorded by the engine would.
import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import { currentCaseMachine, type Actor, type CaseContext, type CaseEvent, type Role, type Segment, type UnitRef } from '../../../workflows/case';
import { statePath } from '../../workflow-engine/state-path';
import { CompiledText } from './compiled-text';

/** Who acts in a case: the accepting committee and the units a hand-off can reach. */
export type UnitRole = 'village' | 'township' | 'office' | 'agency' | 'court';

const division = { county: '990099', township: '990099001', village: '990099001201' };
export const unitTokens: Record<UnitRole, UnitRef> = {
  village: { code: `${division.village}-mc`, name: 'UNIT_NAME_VILLAGE', kind: 'MC', tier: 'village', divisionCode: division.village },
  township: { code: `${division.township}-mc`, name: 'UNIT_NAME_TOWNSHIP', kind: 'MC', tier: 'township', divisionCode: division.township },
  office: { code: `${division.township}-jo`, name: 'UNIT_NAME_OFFICE', kind: 'JO', tier: 'township', divisionCode: division.township },
  agency: { code: `${division.county}-ag-police`, name: 'UNIT_NAME_AGENCY', kind: 'AG', tier: 'county', divisionCode: division.county },
  court: { code: `${division.county}-ct`, name: 'UNIT_NAME_COURT', kind: 'CT', tier: 'county', divisionCode: division.county },
};
const roleOfUnit: Record<UnitRole, Role> = {
  village: 'village-mediator',
  township: 'township-mediator',
  office: 'justice-officer',
  agency: 'agency-mediator',
  court: 'court-clerk',
};

export const caseIdToken = 'CASE_ID_TOKEN';
export const partyTokens = [
  { id: 'PARTY_ID_ONE', name: 'PARTY_NAME_ONE' },
  { id: 'PARTY_ID_TWO', name: 'PARTY_NAME_TWO' },
];
export const amountToken = 987654321;
/** The instant of step i of a template (tokens; generated cases put their own times there). */
export const instantToken = (i: number) => new Date(Date.UTC(2000, 0, 1, 0, 0, i)).toISOString();

/** How long after the previous step a step happens, for generated timelines. */
export type Delay = 'moment' | 'days' | 'mediation' | 'followUp' | 'expiry';

export interface Step {
  role: UnitRole;
  delay: Delay;
  event: Record<string, unknown> & { type: string };
}

export interface TemplateStep {
  event: string;
  role: UnitRole;
  delay: Delay;
  from: string | null;
  to: string;
  payload: CompiledText;
  /** Segments before and after, agreement after: what ../transition-facts.ts counts. */
  before: Segment[];
  after: Segment[];
  agreement?: CaseContext['agreement'];
  documents: string[];
  performance?: string;
}

export interface CaseTemplate {
  name: string;
  accepting: UnitRole;
  steps: TemplateStep[];
  snapshot: CompiledText;
  state: string;
  outcome: string | null;
  done: boolean;
  handling: UnitRole;
  segments: Segment[];
  /** Clocks started, and the step that stopped (or fired) each. */
  clocks: { kind: string; role: UnitRole; started: number; days: number; stopped?: number; fired?: number }[];
  accessRoles: UnitRole[];
}

const policy = { days: 30, dayKind: 'calendar' as const, maxExtensions: 1, extensionDays: 30 };
export const divisionTokens = division;

const tokens = [
  caseIdToken,
  ...Object.values(division),
  ...partyTokens.flatMap((p) => [p.id, p.name]),
  ...Object.values(unitTokens).flatMap((u) => [u.code, u.name]),
  String(amountToken),
];

const roleOfCode = (code: string) => (Object.keys(unitTokens) as UnitRole[]).find((r) => unitTokens[r].code === code)!;

export function buildTemplate(name: string, accepting: UnitRole, steps: Step[]): CaseTemplate {
  const machine = currentCaseMachine;
  const [initial, initialActions] = initialTransition(machine, {
    caseId: caseIdToken,
    parties: partyTokens,
    acceptingUnit: unitTokens[accepting],
    acceptedAt: instantToken(0),
    policy,
  });
  let snapshot: AnyMachineSnapshot = initial;
  const recorded: TemplateStep[] = [];
  const clocks: CaseTemplate['clocks'] = [];
  const track = (actions: { type: string; params?: any }[], step: number, role: UnitRole, context: CaseContext) => {
    const documents: string[] = [];
    for (const a of actions) {
      if (a.type === 'issueDocument') documents.push(a.params.kind);
      if (a.type === 'startClock') clocks.push({ kind: a.params.clock, role: roleOfCode(context.handlingUnit.code), started: step, days: a.params.days });
      if (a.type === 'stopClock') for (const c of clocks) if (c.kind === a.params.clock && c.stopped === undefined) c.stopped = step;
    }
    return documents;
  };
  const first = initial.context as CaseContext;
  recorded.push({
    event: 'REGISTER',
    role: accepting,
    delay: 'moment',
    from: null,
    to: statePath(initial.value),
    payload: CompiledText.compile('{"type":"REGISTER"}', tokens),
    before: [],
    after: first.segments,
    documents: track(initialActions as never, 0, accepting, first),
  });
  steps.forEach((step, i) => {
    const at = instantToken(i + 1);
    const actor: Actor = { username: unitTokens[step.role].code, unit: unitTokens[step.role], roles: [roleOfUnit[step.role]] };
    const units = Object.fromEntries(Object.values(unitTokens).map((u) => [u.code, u]));
    const event = { ...step.event, actor, at, units } as unknown as CaseEvent;
    const before = snapshot.context as CaseContext;
    const [next, actions] = transition(machine, snapshot, event);
    if (next === snapshot) throw new Error(`template ${name}: ${step.event.type} refused in ${statePath(snapshot.value)}`);
    const after = next.context as CaseContext;
    if (step.event.type === 'CLOCK_EXPIRED') for (const c of clocks) if (c.kind === step.event.clock && c.stopped === undefined) c.fired = i + 1;
    recorded.push({
      event: step.event.type,
      role: step.role,
      delay: step.delay,
      from: statePath(snapshot.value),
      to: statePath(next.value),
      payload: CompiledText.compile(JSON.stringify(step.event), tokens),
      before: before.segments,
      after: after.segments,
      agreement: after.agreement,
      documents: track(actions as never, i + 1, step.role, after),
      performance: step.event.performance as string | undefined,
    });
    snapshot = next;
  });
  const context = snapshot.context as CaseContext;
  const snapshotText = JSON.stringify(machine.getPersistedSnapshot(snapshot));
  return {
    name,
    accepting,
    steps: recorded,
    snapshot: CompiledText.compile(snapshotText, [...tokens, ...recorded.map((_, i) => instantToken(i))]),
    state: statePath(snapshot.value),
    outcome: context.outcome ?? null,
    done: snapshot.status === 'done',
    handling: roleOfCode(context.handlingUnit.code),
    segments: context.segments,
    clocks,
    accessRoles: [...new Set([context.handlingUnit.code, ...context.segments.map((s) => s.unitCode), ...(context.guidance ? [context.guidance.issuedBy.code] : [])])].map(roleOfCode),
  };
}

// ---- the paths a demo case takes ------------------------------------------------------------

const consent = (role: UnitRole): Step[] => [
  ...partyTokens.map((p) => ({ role, delay: 'moment' as const, event: { type: 'RECORD_CONSENT', partyId: p.id, consent: 'given' } })),
  { role, delay: 'moment', event: { type: 'NOTIFY_RIGHTS' } },
  { role, delay: 'days', event: { type: 'START_MEDIATION' } },
];
const oral = (role: UnitRole): Step[] => [
  {
    role,
    delay: 'mediation',
    event: { type: 'REACH_AGREEMENT', form: 'oral', terms: '双方互谅互让，当场赔礼道歉并补偿。', performanceMethod: '当场履行', amountFen: amountToken, createsObligations: false, writtenRequested: false },
  },
  { role, delay: 'followUp', event: { type: 'RECORD_FOLLOW_UP', performance: 'performed', note: '回访确认已履行。' } },
  { role, delay: 'moment', event: { type: 'CLOSE' } },
];
const written = (role: UnitRole, performance = 'performed'): Step[] => [
  {
    role,
    delay: 'mediation',
    event: { type: 'REACH_AGREEMENT', form: 'written', terms: '被申请人于十五日内赔偿申请人损失。', performanceMethod: '银行转账', amountFen: amountToken, createsObligations: true, writtenRequested: true },
  },
  ...partyTokens.map((p) => ({ role, delay: 'moment' as const, event: { type: 'SIGN_AGREEMENT', signer: p.id } })),
  { role, delay: 'moment', event: { type: 'SIGN_AGREEMENT', signer: 'mediator' } },
  { role, delay: 'moment', event: { type: 'SEAL_AGREEMENT' } },
  { role, delay: 'followUp', event: { type: 'RECORD_FOLLOW_UP', performance, note: '回访记录履行情况。' } },
  { role, delay: 'moment', event: { type: 'CLOSE' } },
];
const guideOut = (committee: UnitRole): Step[] => [
  { role: committee, delay: 'days', event: { type: 'REFER_TO_JUSTICE_OFFICE', targetUnitCode: unitTokens.office.code, reason: 'failed' } },
  { role: 'office', delay: 'days', event: { type: 'ISSUE_GUIDANCE', route: 'litigation', targetUnitCode: unitTokens.court.code } },
];

/** The paths and how often each is taken by a concluded case accepted by a village committee. */
export function caseTemplates(): { template: CaseTemplate; weight: number }[] {
  const of = (name: string, accepting: UnitRole, weight: number, steps: Step[]) => ({ template: buildTemplate(name, accepting, steps), weight });
  const paths = (a: UnitRole, village: boolean) => [
    of(`${a}:oral`, a, 45, [...consent(a), ...oral(a)]),
    of(`${a}:written`, a, 28, [...consent(a), ...written(a)]),
    of(`${a}:written-partly-performed`, a, 3, [...consent(a), ...written(a, 'partial')]),
    of(`${a}:refused`, a, 3, [{ role: a, delay: 'days', event: { type: 'RECORD_CONSENT', partyId: partyTokens[1].id, consent: 'refused' } }]),
    of(`${a}:terminated-guided-to-court`, a, 6, [...consent(a), { role: a, delay: 'mediation', event: { type: 'TERMINATE', partyId: partyTokens[0].id, note: '申请人要求终止调解' } }, ...guideOut(a)]),
    of(`${a}:failed-agency-agreement`, a, 4, [
      ...consent(a),
      { role: a, delay: 'mediation', event: { type: 'DECLARE_FAILED', note: '双方分歧较大' } },
      { role: a, delay: 'days', event: { type: 'REFER_TO_JUSTICE_OFFICE', targetUnitCode: unitTokens.office.code, reason: 'failed' } },
      { role: 'office', delay: 'days', event: { type: 'ISSUE_GUIDANCE', route: 'administrative', targetUnitCode: unitTokens.agency.code } },
      { role: 'agency', delay: 'days', event: { type: 'ACKNOWLEDGE' } },
      { role: 'agency', delay: 'days', event: { type: 'START_MEDIATION' } },
      {
        role: 'agency',
        delay: 'mediation',
        event: { type: 'REACH_AGREEMENT', form: 'written', terms: '按行政调解意见赔偿。', performanceMethod: '转账', amountFen: amountToken, createsObligations: true, writtenRequested: true },
      },
      { role: 'agency', delay: 'moment', event: { type: 'CLOSE' } },
    ]),
    of(`${a}:expired-court-statement`, a, 3, [
      ...consent(a),
      { role: a, delay: 'expiry', event: { type: 'CLOCK_EXPIRED', clock: 'peoples-mediation' } },
      { role: a, delay: 'days', event: { type: 'REFER_TO_JUSTICE_OFFICE', targetUnitCode: unitTokens.office.code, reason: 'failed' } },
      { role: 'office', delay: 'days', event: { type: 'ISSUE_GUIDANCE', route: 'judicial', targetUnitCode: unitTokens.court.code } },
      { role: 'court', delay: 'days', event: { type: 'ACKNOWLEDGE' } },
      { role: 'court', delay: 'days', event: { type: 'START_MEDIATION' } },
      { role: 'court', delay: 'mediation', event: { type: 'RECORD_MEDIATION_STATEMENT', documentNo: '(2000)冀0000民初1号' } },
    ]),
    ...(village
      ? [
          of(`${a}:escalated-oral`, a, 4, [
            ...consent(a),
            { role: a, delay: 'days', event: { type: 'ESCALATE', targetUnitCode: unitTokens.township.code, reason: '跨村纠纷，情况复杂' } },
            ...oral('township'),
          ]),
        ]
      : []),
  ];
  return [...paths('village', true), ...paths('township', false)];
}

/** A case still being mediated (recent intakes). */
export const openTemplate = (accepting: UnitRole) => buildTemplate(`${accepting}:mediating`, accepting, consent(accepting));
