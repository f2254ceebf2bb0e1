// Court referral 诉调对接 and judicial confirmation through HTTP (domain §7, R-L1…R-L6): the basic
// court and the justice office each drive their side; the clock is injected.
import { filingBody } from '../factories/referrals';
import { send, type CaseView } from '../support/case-driver';
import { documentsOf as listDocuments, pdfTextOf } from '../support/case-documents';
import { dbQuery } from '../support/db-query';
import { startTestApp, type AuthedAgent, type TestApp } from '../support/test-app';

let t: TestApp;
let court: AuthedAgent;
let office: AuthedAgent;
let community: AuthedAgent;
const courtCode = '130606-ct';
const officeCode = '130606002-jo';
const communityCode = '130606002001-mc';

beforeAll(async () => {
  t = await startTestApp({ now: '2026-11-02T09:00:00+08:00' });
  [court, office, community] = await Promise.all([t.as(courtCode), t.as(officeCode), t.as(communityCode)]);
});
afterAll(() => t.close());

const query = (sql: string, ...params: unknown[]) => dbQuery(t)(sql, ...params);
const documentsOf = (caseId: string, agent: AuthedAgent) => listDocuments(t, agent, caseId);
const pdfOf = (documentId: string, agent: AuthedAgent) => pdfTextOf(agent, documentId);

async function file(body = filingBody()): Promise<CaseView> {
  const res = await court.post('/api/court-referrals').send(body);
  if (res.status !== 201) throw new Error(`filing failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function refused(agent: AuthedAgent, caseId: string, event: object) {
  const res = await agent.post(`/api/cases/${caseId}/events`).send(event);
  return res;
}

/** Filed, both consents recorded, filing deferred and handed to the 五四路 justice office. */
async function handedOver(): Promise<CaseView> {
  const view = await file();
  for (const p of view.parties) await send(court, view.id, { type: 'RECORD_CONSENT', partyId: p.id, consent: 'given' });
  await send(court, view.id, { type: 'DEFER_FILING' });
  return send(court, view.id, { type: 'HAND_OVER', targetUnitCode: officeCode, basis: 'residence', partyId: view.parties[0].id });
}

describe('R-L1…R-L6 a court defers a filing, the justice office mediates to agreement, the court confirms it', () => {
  let view: CaseView;
  let applicantId: string;
  let respondentId: string;

  it('R-L1 the court records the filing application under a pre-filing number, in its own hands', async () => {
    view = await file();
    [applicantId, respondentId] = view.parties.map((p) => p.id);
    expect(view.caseNo).toBe('(2026)冀0606民诉前调1号');
    expect(view).toMatchObject({ state: 'court.filing', source: 'court-referral', handlingUnit: { code: courtCode }, segments: [] });
    expect(view.referral.court).toMatchObject({
      preFilingNo: '(2026)冀0606民诉前调1号',
      filing: 'applied',
      court: { code: courtCode },
      residences: { [applicantId]: '130606002001', [respondentId]: '130606002001' },
      disputePlace: { divisionCode: '130606002001', description: '五四路街道和平社区' },
    });
    expect(view.allowedEvents).toEqual(expect.arrayContaining(['RECORD_CONSENT', 'REVIEW_FILING']));
    expect(view.allowedEvents).not.toContain('DEFER_FILING');
  });

  it('R-L1 deferral refused while only one party has consented', async () => {
    await send(court, view.id, { type: 'RECORD_CONSENT', partyId: applicantId, consent: 'given' });
    const res = await refused(court, view.id, { type: 'DEFER_FILING' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('TRANSITION_NOT_ALLOWED');
    expect(res.body.details.rules).toEqual([{ rule: 'R-L1', message: expect.stringContaining('双方当事人均同意') }]);
  });

  it('R-L1 with both consents the filing is deferred and the 劝导书 issued under the court\'s number', async () => {
    await send(court, view.id, { type: 'RECORD_CONSENT', partyId: respondentId, consent: 'given' });
    view = await send(court, view.id, { type: 'DEFER_FILING' });
    expect(view.state).toBe('court.deferred');
    expect(view.referral.court).toMatchObject({ filing: 'deferred', consents: { [applicantId]: 'given', [respondentId]: 'given' } });
    const [letter] = await documentsOf(view.id, court);
    expect(letter).toMatchObject({ kind: 'persuasion-letter', number: '(2026)冀0606民诉前劝1号', status: 'ready' });
    expect(await pdfOf(letter.id, court)).toContain('暂缓立案');
  });

  it('R-L2 a justice office of neither residence nor dispute place is refused', async () => {
    const res = await refused(court, view.id, { type: 'HAND_OVER', targetUnitCode: '130606003-jo', basis: 'dispute-place' });
    expect(res.status).toBe(409);
    expect(res.body.details.rules).toEqual([expect.objectContaining({ rule: 'R-L2' })]);
  });

  it('R-L2 R-L3 the court hands the dispute to the office of the parties\' residence; 30 days run from hand-over', async () => {
    t.clock.set('2026-11-03T10:00:00+08:00');
    view = await send(court, view.id, { type: 'HAND_OVER', targetUnitCode: officeCode, basis: 'residence', partyId: applicantId });
    expect(view).toMatchObject({ state: 'court.handedOver', handlingUnit: { code: officeCode } });
    expect(view.referral.court).toMatchObject({
      handedTo: { code: officeCode },
      handOverBasis: { kind: 'residence', partyId: applicantId, divisionCode: '130606002001' },
      // Written like every other time of the API: Beijing time, +08:00.
      handedOverAt: '2026-11-03T10:00:00.000+08:00',
    });
    expect(view.deadlines).toEqual([
      expect.objectContaining({ kind: 'peoples-mediation', status: 'running', dueAt: '2026-12-04T00:00:00.000+08:00' }),
    ]);
  });

  it('R-L2 the office acknowledges and mediates itself: registration, with the court\'s consents standing', async () => {
    const seen = await office.get(`/api/cases/${view.id}`);
    expect(seen.body.allowedEvents).toEqual(expect.arrayContaining(['ACCEPT_REFERRAL', 'RETURN_REFERRAL']));
    view = await send(office, view.id, { type: 'ACCEPT_REFERRAL' });
    expect(view).toMatchObject({ state: 'peoples.registered', handlingUnit: { code: officeCode } });
    expect(view.segments).toEqual([expect.objectContaining({ seq: 1, track: 'peoples', unit: expect.objectContaining({ code: officeCode }) })]);
    expect(view.mediation.consents).toEqual({ [applicantId]: 'given', [respondentId]: 'given' });
    const docs = await documentsOf(view.id, office);
    expect(docs.map((d) => d.kind)).toEqual(['persuasion-letter', 'registration-form']);
    expect(docs[1].number).toMatch(/司受字第1号$/);
  });

  it('R-L3 starting mediation keeps the one period counted from hand-over', async () => {
    await send(office, view.id, { type: 'NOTIFY_RIGHTS' });
    view = await send(office, view.id, { type: 'START_MEDIATION' });
    expect(view.state).toBe('peoples.mediating');
    expect(view.deadlines).toEqual([expect.objectContaining({ kind: 'peoples-mediation', status: 'running', dueAt: '2026-12-04T00:00:00.000+08:00' })]);
  });

  it('R-L5 meanwhile the court sees the hand-off only: no mediation file, hand-off steps in the history', async () => {
    await send(office, view.id, { type: 'LOG_SESSION', summary: '第一次调解：双方就排水沟走向各执一词。' });
    const res = await court.get(`/api/cases/${view.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ handOffOnly: true, state: 'peoples.mediating', handlingUnit: { code: officeCode } });
    expect(res.body).not.toHaveProperty('mediation');
    expect(res.body).not.toHaveProperty('preventionFlags');
    expect(res.body.referral.court.result).toBeUndefined();
    expect(res.body.referral.court.handedOverAt).toBe('2026-11-03T10:00:00.000+08:00');
    const history = await court.get(`/api/cases/${view.id}/history`);
    expect(history.body.map((h: { event: string }) => h.event)).toEqual([
      'REGISTER',
      'RECORD_CONSENT',
      'RECORD_CONSENT',
      'DEFER_FILING',
      'HAND_OVER',
      'ACCEPT_REFERRAL',
    ]);
    // Of the documents, only its own 劝导书; the office's registration form is not the court's to read.
    expect((await documentsOf(view.id, court)).map((d) => d.kind)).toEqual(['persuasion-letter']);
    const form = (await documentsOf(view.id, office)).find((d) => d.kind === 'registration-form')!;
    expect((await court.get(`/api/documents/${form.id}`)).status).toBe(404);
  });

  it('R-P7 the office mediates to a written agreement, signed and sealed', async () => {
    t.clock.set('2026-11-20T15:00:00+08:00');
    await send(office, view.id, {
      type: 'REACH_AGREEMENT',
      form: 'written',
      terms: '被申请人于2026年12月31日前改建排水沟，并赔偿申请人损失人民币2000元。',
      performanceMethod: '银行转账',
      amount: '2000',
      createsObligations: true,
      writtenRequested: true,
    });
    for (const signer of [applicantId, respondentId, 'mediator']) await send(office, view.id, { type: 'SIGN_AGREEMENT', signer });
    view = await send(office, view.id, { type: 'SEAL_AGREEMENT' });
    expect(view.state).toBe('peoples.agreed');
    expect(view.deadlines[0].status).toBe('stopped');
  });

  it('R-L4 the office may not close the case before the court has its result letter', async () => {
    await send(office, view.id, { type: 'RECORD_FOLLOW_UP', performance: 'partial', note: '已开始改建排水沟。' });
    const res = await refused(office, view.id, { type: 'CLOSE' });
    expect(res.status).toBe(409);
    expect(res.body.details.rules).toEqual([expect.objectContaining({ rule: 'R-L4' })]);
  });

  it('R-L4 the 调解结果告知函 reaches the court with the agreement attached; the deferred filing is closed', async () => {
    view = await send(office, view.id, { type: 'REPORT_COURT_RESULT' });
    expect(view.state).toBe('peoples.agreed');
    const res = await court.get(`/api/cases/${view.id}`);
    expect(res.body.referral.court).toMatchObject({
      filing: 'closed',
      result: {
        outcome: 'agreement',
        reportedBy: { code: officeCode },
        mediatingUnit: { code: officeCode },
        agreement: expect.objectContaining({ terms: expect.stringContaining('改建排水沟'), sealed: true }),
      },
    });
    const courtDocs = await documentsOf(view.id, court);
    expect(courtDocs.map((d) => d.kind).sort()).toEqual(['court-result-letter', 'mediation-agreement', 'persuasion-letter']);
    const letters = courtDocs.filter((d) => d.kind === 'court-result-letter');
    expect(letters).toEqual([expect.objectContaining({ status: 'ready', number: expect.stringMatching(/司函字第1号$/) })]);
    const text = await pdfOf(letters[0].id, court);
    expect(text).toContain('莲池区人民法院');
    expect(text).toContain('调解成功');
    const history = await court.get(`/api/cases/${view.id}/history`);
    expect(history.body.map((h: { event: string }) => h.event)).toContain('REPORT_COURT_RESULT');
  });

  it('R-L6 judicial confirmation must go to the referring court, for a confirmable agreement, applied for jointly', async () => {
    t.clock.set('2026-11-25T09:00:00+08:00');
    const apply = { type: 'APPLY_FOR_CONFIRMATION', courtUnitCode: courtCode, applicantPartyIds: [applicantId, respondentId], subject: 'civil-rights' };
    for (const wrong of [
      { ...apply, courtUnitCode: '130602-ct' },
      { ...apply, subject: 'identity' },
      { ...apply, applicantPartyIds: [applicantId] },
    ]) {
      const res = await refused(office, view.id, wrong);
      expect(res.status).toBe(409);
      expect(res.body.details.rules).toEqual([expect.objectContaining({ rule: 'R-L6' })]);
    }
    view = await send(office, view.id, apply);
    expect(view).toMatchObject({ state: 'confirmation.applied', handlingUnit: { code: courtCode } });
    expect(view.referral.judicialConfirmation).toMatchObject({ court: { code: courtCode }, subject: 'civil-rights', mediatingUnit: { code: officeCode } });
    // 3 calendar days from Wed 25 November end on Saturday 28th, a rest day: the period runs to Monday (R-D4).
    // The parties' window keeps running beside it: refused acceptance, they may apply again within it.
    expect(view.deadlines.filter((d) => d.status === 'running')).toEqual([
      expect.objectContaining({ kind: 'confirmation-window', basis: expect.objectContaining({ days: 30, reminders: false }) }),
      expect.objectContaining({
        kind: 'confirmation-acceptance',
        unit: expect.objectContaining({ code: courtCode }),
        dueAt: '2026-12-01T00:00:00.000+08:00',
        basis: expect.objectContaining({ dayKind: 'calendar', days: 3, countedTo: '2026-11-28', lastDay: '2026-11-30' }),
      }),
    ]);
  });

  it('R-L6 the court accepts within 3 days and rules within 15; the agreement is confirmed', async () => {
    const accepted = await send(court, view.id, { type: 'ACCEPT_CONFIRMATION', courtCaseNo: '(2026)冀0606民特5号' });
    expect(accepted.state).toBe('confirmation.reviewing');
    expect(accepted.deadlines.filter((d) => d.status === 'running')).toEqual([
      expect.objectContaining({ kind: 'confirmation-window' }),
      expect.objectContaining({ kind: 'confirmation-ruling', dueAt: '2026-12-11T00:00:00.000+08:00' }),
    ]);
    t.clock.set('2026-12-01T10:00:00+08:00');
    view = await send(court, view.id, { type: 'RULE_ON_CONFIRMATION', confirmed: true, rulingNo: '(2026)冀0606民特5号' });
    expect(view).toMatchObject({ state: 'peoples.agreed', handlingUnit: { code: officeCode } });
    expect(view.referral.judicialConfirmation.decision).toMatchObject({ outcome: 'confirmed', rulingNo: '(2026)冀0606民特5号' });
    expect(view.deadlines.every((d) => d.status !== 'running')).toBe(true);
  });

  it('R-P7 the office closes the case; one people\'s segment at the office, agreement', async () => {
    view = await send(office, view.id, { type: 'CLOSE' });
    expect(view).toMatchObject({ state: 'closed', outcome: 'agreement' });
    const segments = await query('SELECT track, unit_code, outcome FROM case_segments WHERE case_id = ? ORDER BY seq', view.id);
    expect(segments).toEqual([{ track: 'peoples', unit_code: officeCode, outcome: 'agreement' }]);
    const events = (await query('SELECT event FROM case_transitions WHERE case_id = ? ORDER BY version', view.id)).map((r) => r.event);
    expect(events).toEqual(
      expect.arrayContaining(['DEFER_FILING', 'HAND_OVER', 'ACCEPT_REFERRAL', 'REPORT_COURT_RESULT', 'APPLY_FOR_CONFIRMATION', 'ACCEPT_CONFIRMATION', 'RULE_ON_CONFIRMATION', 'CLOSE']),
    );
  });
});

describe('R-L1 one party refuses mediation: no deferral, the filing goes to review', () => {
  it('R-L1 a refusal sends the filing to 立案审查 and deferral is no longer possible', async () => {
    t.clock.set('2026-11-04T09:00:00+08:00');
    const view = await file();
    await send(court, view.id, { type: 'RECORD_CONSENT', partyId: view.parties[0].id, consent: 'given' });
    const after = await send(court, view.id, { type: 'RECORD_CONSENT', partyId: view.parties[1].id, consent: 'refused' });
    expect(after).toMatchObject({ state: 'court.filingReview', handlingUnit: { code: courtCode } });
    expect(after.referral.court).toMatchObject({ filing: 'review', review: { reason: 'consent-refused' } });
    const res = await refused(court, view.id, { type: 'DEFER_FILING' });
    expect(res.status).toBe(409);
    expect((await documentsOf(view.id, court)).map((d) => d.kind)).not.toContain('persuasion-letter');
  });

  it('R-L4 the court registers the filing: its own judicial segment begins', async () => {
    const view = await file();
    const after = await send(court, view.id, { type: 'RECORD_CONSENT', partyId: view.parties[1].id, consent: 'refused' });
    const filed = await send(court, after.id, { type: 'REGISTER_FILING' });
    expect(filed).toMatchObject({ state: 'judicial.accepted', handlingUnit: { code: courtCode } });
    expect(filed.referral.court).toMatchObject({ filing: 'registered', decision: { registered: true } });
    expect(filed.segments).toEqual([expect.objectContaining({ track: 'judicial', unit: expect.objectContaining({ code: courtCode }) })]);
  });
});

describe('R-L4 mediation by an assigned committee fails: the letter goes back and the court reviews the filing', () => {
  let view: CaseView;

  it('R-L2 the office returns a dispute with a reason; the court hands it over again', async () => {
    t.clock.set('2026-11-05T09:00:00+08:00');
    view = await handedOver();
    view = await send(office, view.id, { type: 'RETURN_REFERRAL', note: '当事人已迁出本辖区，请核实住所地。' });
    expect(view).toMatchObject({ state: 'court.deferred', handlingUnit: { code: courtCode } });
    expect(view.referral.court.returns).toEqual([expect.objectContaining({ by: expect.objectContaining({ code: officeCode }), note: '当事人已迁出本辖区，请核实住所地。' })]);
    expect(view.deadlines).toEqual([expect.objectContaining({ status: 'stopped' })]);
    view = await send(court, view.id, { type: 'HAND_OVER', targetUnitCode: officeCode, basis: 'dispute-place' });
    expect(view.state).toBe('court.handedOver');
  });

  it('R-L2 the office assigns a committee of its township (not another township\'s)', async () => {
    const res = await refused(office, view.id, { type: 'ACCEPT_REFERRAL', targetUnitCode: '130606003001-mc' });
    expect(res.status).toBe(409);
    expect(res.body.details.rules).toEqual([expect.objectContaining({ rule: 'R-L2' })]);
    view = await send(office, view.id, { type: 'ACCEPT_REFERRAL', targetUnitCode: communityCode });
    expect(view).toMatchObject({ state: 'peoples.registered', handlingUnit: { code: communityCode } });
  });

  it('R-L4 the committee\'s mediation fails; it may neither report to the court nor refer the case elsewhere', async () => {
    await send(community, view.id, { type: 'NOTIFY_RIGHTS' });
    await send(community, view.id, { type: 'START_MEDIATION' });
    view = await send(community, view.id, { type: 'DECLARE_FAILED', note: '双方分歧较大，调解不成。' });
    expect(view.state).toBe('peoples.failed');
    expect((await refused(community, view.id, { type: 'REPORT_COURT_RESULT' })).status).toBe(403);
    const res = await refused(community, view.id, { type: 'REFER_TO_JUSTICE_OFFICE', targetUnitCode: officeCode, reason: 'failed' });
    expect(res.status).toBe(409);
    expect(res.body.details.rules).toEqual([expect.objectContaining({ rule: 'R-L4' })]);
  });

  it('R-L4 the justice office reports the failure: the case returns to the court for 立案审查', async () => {
    view = await send(office, view.id, { type: 'REPORT_COURT_RESULT', note: '经两次调解，双方未能达成协议。' });
    expect(view).toMatchObject({ state: 'court.filingReview', handlingUnit: { code: courtCode } });
    const seen = await court.get(`/api/cases/${view.id}`);
    expect(seen.body.handOffOnly).toBeUndefined();
    expect(seen.body.allowedEvents).toEqual(expect.arrayContaining(['REGISTER_FILING', 'REJECT_FILING']));
    expect(seen.body.referral.court).toMatchObject({
      filing: 'review',
      review: { reason: 'mediation-failed' },
      result: { outcome: 'no-agreement', mediatingUnit: { code: communityCode }, note: '经两次调解，双方未能达成协议。' },
    });
    const letter = (await documentsOf(view.id, court)).find((d) => d.kind === 'court-result-letter')!;
    expect(await pdfOf(letter.id, court)).toContain('立案审查');
    const segments = await query('SELECT track, unit_code, outcome FROM case_segments WHERE case_id = ? ORDER BY seq', view.id);
    expect(segments).toEqual([{ track: 'peoples', unit_code: communityCode, outcome: 'failed' }]);
  });

  it('R-L4 the court registers the filing after review', async () => {
    view = await send(court, view.id, { type: 'REGISTER_FILING' });
    expect(view.state).toBe('judicial.accepted');
  });
});
