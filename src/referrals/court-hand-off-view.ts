// R-L5: a court sees only the cases it referred (their case_access row) and, while a justice
// office or committee holds the case, only what the hand-off needs — the filing, the parties, who
// mediates and until when, and the result letter's facts (the agreement only once reported).
// Sessions, notes, follow-up and prevention flags stay with the mediators.
import type { Actor, CaseEventType } from '../../workflows/case';
import type { CaseRecord } from '../cases/case.entity';

/** The court that filed the case (its filing application), while the case is in other hands. */
export const seesHandOffOnly = (actor: Actor, row: Pick<CaseRecord, 'source' | 'acceptingUnitCode' | 'handlingUnitCode'>): boolean =>
  actor.unit.kind === 'CT' &&
  row.source === 'court-referral' &&
  row.acceptingUnitCode === actor.unit.code &&
  row.handlingUnitCode !== actor.unit.code;

/** The hand-off clocks: the R-L3 period and the court's own R-L6 clocks. */
const handOffClocks = new Set(['peoples-mediation', 'confirmation-acceptance', 'confirmation-ruling']);

interface FullView {
  deadlines: { kind: string }[];
  referral: { court: unknown; judicialConfirmation: unknown };
  [field: string]: unknown;
}

export function courtHandOffView<T extends FullView>(view: T) {
  const pick = <K extends string>(...keys: K[]) => Object.fromEntries(keys.map((k) => [k, view[k]])) as Pick<T, K>;
  return {
    ...pick(
      'id',
      'caseNo',
      'state',
      'stateLabel',
      'version',
      'status',
      'allowedEvents',
      'disputeType',
      'disputeTypeName',
      'source',
      'sourceName',
      'riskLevel',
      'handlingUnit',
      'acceptedAt',
      'parties',
      'summary',
      'amountInvolved',
      'place',
      'concludedAt',
      'outcome',
      'segments',
    ),
    deadlines: view.deadlines.filter((d) => handOffClocks.has(d.kind)),
    // The full view's referral facts (already in +08:00), less the petition's.
    referral: { court: view.referral.court, petition: null, judicialConfirmation: view.referral.judicialConfirmation },
    /** Tells a client it is looking at the hand-off view (R-L5). */
    handOffOnly: true as const,
  };
}

/** Events of the hand-off the court may see in the history besides its own. */
const handOffEvents = new Set<CaseEventType | 'REGISTER'>([
  'ACCEPT_REFERRAL',
  'RETURN_REFERRAL',
  'REPORT_COURT_RESULT',
  'CLOCK_EXPIRED',
  'APPLY_FOR_CONFIRMATION',
]);

export const isHandOffTransition = (court: string, t: { event: string; actorUnitCode: string | null }) =>
  t.actorUnitCode === court || handOffEvents.has(t.event as CaseEventType);

/** Of the case's documents: the 劝导书, the result letter, and the agreement once the letter has gone (R-L4). */
export function handOffDocuments<T extends { kind: string }>(documents: T[]): T[] {
  const reported = documents.some((d) => d.kind === 'court-result-letter');
  return documents.filter((d) => handOffKinds.has(d.kind) || (reported && agreementKinds.has(d.kind)));
}

const handOffKinds = new Set(['persuasion-letter', 'court-result-letter']);
const agreementKinds = new Set(['mediation-agreement', 'oral-agreement-record']);
