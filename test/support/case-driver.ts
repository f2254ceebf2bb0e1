// Drives a case through HTTP the way a mediator's client would, failing loudly on a refusal.
import type { AuthedAgent } from './test-app';

export async function registerCase(agent: AuthedAgent, body: object) {
  const res = await agent.post('/api/cases').send(body);
  if (res.status !== 201) throw new Error(`intake failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as CaseView;
}

export async function send(agent: AuthedAgent, caseId: string, event: object) {
  const res = await agent.post(`/api/cases/${caseId}/events`).send(event);
  if (res.status !== 200) throw new Error(`${JSON.stringify(event)} → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as CaseView;
}

/** Consent of every party and the rights notice: the case is ready for START_MEDIATION. */
export async function prepareMediation(agent: AuthedAgent, view: CaseView) {
  for (const party of view.parties) {
    await send(agent, view.id, { type: 'RECORD_CONSENT', partyId: party.id, consent: 'given' });
  }
  return send(agent, view.id, { type: 'NOTIFY_RIGHTS' });
}

export interface CaseView {
  id: string;
  caseNo: string;
  state: string;
  version: number;
  allowedEvents: string[];
  parties: { id: string; name: string; idNumber: string | null; phone: string | null }[];
  segments: { seq: number; track: string; unit: { code: string }; endedAt: string | null; outcome: string | null }[];
  deadlines: { kind: string; status: string; dueAt: string }[];
  handlingUnit: { code: string; name: string };
  outcome: string | null;
  [key: string]: any;
}

/** A case registered, consented, notified and in `peoples.mediating`: its 30-day clock is running. */
export async function mediatingCase(agent: AuthedAgent, body: object): Promise<CaseView> {
  const view = await prepareMediation(agent, await registerCase(agent, body));
  return send(agent, view.id, { type: 'START_MEDIATION' });
}

/** The case's clock of `kind` (default: its first), with the basis that explains its due time. */
export const clockOf = (view: CaseView, kind?: string) =>
  (kind ? view.deadlines.find((d) => d.kind === kind) : view.deadlines[0]) as CaseView['deadlines'][number] & { basis: any; overdue: boolean };
