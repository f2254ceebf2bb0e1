// Drives the cases the statistics e2e tests count, through the HTTP API like a mediator's client.
import { intakeBody } from '../factories/parties';
import { prepareMediation, registerCase, send, type CaseView } from './case-driver';
import type { AuthedAgent } from './test-app';

export const monthlyUrl = (unitCode: string, month: string) => `/api/statistics/monthly/${unitCode}/${month}`;

/** Registers a case, optionally accepted at an earlier instant (a back-dated intake). */
export function intake(agent: AuthedAgent, overrides: Record<string, unknown> = {}): Promise<CaseView> {
  return registerCase(agent, intakeBody(overrides));
}

/** Mediation to an oral agreement (no obligations created), followed up as performed and closed. */
export async function settleOrally(agent: AuthedAgent, view: CaseView, amount = '1200'): Promise<CaseView> {
  await prepareMediation(agent, view);
  await send(agent, view.id, { type: 'START_MEDIATION' });
  await send(agent, view.id, {
    type: 'REACH_AGREEMENT',
    form: 'oral',
    terms: '双方互谅互让，被申请人当场赔礼道歉并支付补偿。',
    performanceMethod: '当场履行',
    amount,
    createsObligations: false,
    writtenRequested: false,
  });
  await send(agent, view.id, { type: 'RECORD_FOLLOW_UP', performance: 'performed', note: '回访确认已履行。' });
  return send(agent, view.id, { type: 'CLOSE' });
}

/** Mediation to a written agreement, signed by both parties and the mediator and sealed. */
export async function settleInWriting(agent: AuthedAgent, view: CaseView, amount = '3000'): Promise<CaseView> {
  await prepareMediation(agent, view);
  await send(agent, view.id, { type: 'START_MEDIATION' });
  await send(agent, view.id, {
    type: 'REACH_AGREEMENT',
    form: 'written',
    terms: '被申请人于十五日内赔偿申请人损失。',
    performanceMethod: '银行转账',
    amount,
    createsObligations: true,
    writtenRequested: true,
  });
  for (const party of view.parties) await send(agent, view.id, { type: 'SIGN_AGREEMENT', signer: party.id });
  await send(agent, view.id, { type: 'SIGN_AGREEMENT', signer: 'mediator' });
  return send(agent, view.id, { type: 'SEAL_AGREEMENT' });
}

/** A party demands termination before mediation starts (R-P3): a failure. */
export function terminate(agent: AuthedAgent, view: CaseView): Promise<CaseView> {
  return send(agent, view.id, { type: 'TERMINATE', partyId: view.parties[0].id, note: '申请人要求终止调解' });
}
