// Petition referral 访调对接 through HTTP (domain §8, R-V1…R-V3): a petition office refers a civil
// dispute with both parties' consent, a lawyer gives a legal opinion, and the justice office feeds
// the result back whatever it is.
import { petitionBody } from '../factories/referrals';
import { send, type CaseView } from '../support/case-driver';
import { documentsOf as listDocuments, pdfTextOf } from '../support/case-documents';
import { dbQuery } from '../support/db-query';
import { startTestApp, type AuthedAgent, type TestApp } from '../support/test-app';

let t: TestApp;
let petitionOffice: AuthedAgent;
let office: AuthedAgent;
let lawyer: AuthedAgent;
const petitionOfficeCode = '130606-po';
const officeCode = '130606002-jo';
const lawFirmCode = '130606-lf';

beforeAll(async () => {
  t = await startTestApp({ now: '2026-11-02T09:00:00+08:00' });
  [petitionOffice, office, lawyer] = await Promise.all([t.as(petitionOfficeCode), t.as(officeCode), t.as(lawFirmCode)]);
});
afterAll(() => t.close());

const query = (sql: string, ...params: unknown[]) => dbQuery(t)(sql, ...params);
const documentsOf = (caseId: string, agent: AuthedAgent) => listDocuments(t, agent, caseId);
const pdfOf = (documentId: string, agent: AuthedAgent) => pdfTextOf(agent, documentId);

async function receive(body = petitionBody()): Promise<CaseView> {
  const res = await petitionOffice.post('/api/petition-referrals').send(body);
  if (res.status !== 201) throw new Error(`petition intake failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

const post = (agent: AuthedAgent, caseId: string, event: object) => agent.post(`/api/cases/${caseId}/events`).send(event);

async function consented(view: CaseView) {
  for (const p of view.parties) await send(petitionOffice, view.id, { type: 'RECORD_CONSENT', partyId: p.id, consent: 'given' });
}

describe('R-V1 what a petition office may refer', () => {
  it.each([
    ['a purely administrative dispute', { administrative: true, courtProceedingsPending: false }, '行政争议'],
    ['a court-related petition still in proceedings', { administrative: false, courtProceedingsPending: true }, '诉讼程序'],
  ])('R-V1 %s is refused, citing the rule', async (_what, nature, words) => {
    const res = await petitionOffice.post('/api/petition-referrals').send(petitionBody({ nature }));
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'RULE_VIOLATED', details: { rule: 'R-V1' } });
    expect(res.body.message).toContain(words);
    expect(await query(`SELECT id FROM cases WHERE source = 'petition-transfer'`)).toEqual([]);
  });

  it('R-V1 only a petition office registers petitions for referral', async () => {
    const res = await office.post('/api/petition-referrals').send(petitionBody());
    expect(res.status).toBe(403);
  });
});

describe('R-V1…R-V3 a petition referral with a lawyer\'s opinion, mediated to agreement and fed back', () => {
  let view: CaseView;

  it('R-V1 the petition office registers the petition in its own hands', async () => {
    view = await receive();
    expect(view.caseNo).toBe('(2026)莲池访调字第1号');
    expect(view).toMatchObject({ state: 'petition.received', source: 'petition-transfer', handlingUnit: { code: petitionOfficeCode }, segments: [] });
    expect(view.referral.petition).toMatchObject({ office: { code: petitionOfficeCode }, petitionNo: 'XF-2026-0815', returns: [] });
  });

  it('R-V2 a lawyer is assigned with a role; only that lawyer\'s firm reads the case', async () => {
    const notAFirm = await post(petitionOffice, view.id, { type: 'ASSIGN_LAWYER', lawyerUnitCode: '130606-jb', lawyerName: '王敏', role: 'advice' });
    expect(notAFirm.status).toBe(409);
    expect(notAFirm.body.details.rules).toEqual([expect.objectContaining({ rule: 'R-V2' })]);
    view = await send(petitionOffice, view.id, { type: 'ASSIGN_LAWYER', lawyerUnitCode: lawFirmCode, lawyerName: '王敏', role: 'advice' });
    expect(view.referral.petition.lawyer).toMatchObject({ unit: { code: lawFirmCode }, name: '王敏', role: 'advice', assignedBy: { code: petitionOfficeCode } });
    const seen = await lawyer.get(`/api/cases/${view.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.allowedEvents).toEqual(['RECORD_LEGAL_OPINION']);
    const [otherFirm] = await query(`SELECT code FROM units WHERE kind = 'LF' AND code <> ? ORDER BY code LIMIT 1`, lawFirmCode);
    const stranger = await (await t.as(otherFirm.code)).get(`/api/cases/${view.id}`);
    expect(stranger.status).toBe(404);
  });

  it('R-V2 the lawyer records a legal opinion and the legal-aid finding', async () => {
    view = await send(lawyer, view.id, {
      type: 'RECORD_LEGAL_OPINION',
      opinion: '借贷关系事实清楚，借款已到期，债务人应当偿还；建议通过人民调解协商分期还款。',
      legalAidEligible: true,
      legalAidNote: '信访人系低保户，符合法律援助经济困难标准。',
    });
    expect(view.referral.petition).toMatchObject({
      opinion: { text: expect.stringContaining('分期还款'), by: lawFirmCode },
      legalAid: { eligible: true, note: expect.stringContaining('低保户') },
    });
  });

  it('R-V1 referral needs both parties\' consent and a justice office of the petition office\'s county', async () => {
    const early = await post(petitionOffice, view.id, { type: 'REFER_FOR_MEDIATION', targetUnitCode: officeCode });
    expect(early.status).toBe(409);
    expect(early.body.details.rules).toEqual([expect.objectContaining({ rule: 'R-V1', message: expect.stringContaining('双方当事人同意') })]);
    await consented(view);
    const [elsewhere] = await query(`SELECT code FROM units WHERE kind = 'JO' AND division_code NOT LIKE '130606%' ORDER BY code LIMIT 1`);
    const far = await post(petitionOffice, view.id, { type: 'REFER_FOR_MEDIATION', targetUnitCode: elsewhere.code });
    expect(far.status).toBe(409);
    expect(far.body.details.rules).toEqual([expect.objectContaining({ rule: 'R-V1' })]);
    view = await send(petitionOffice, view.id, { type: 'REFER_FOR_MEDIATION', targetUnitCode: officeCode });
    expect(view).toMatchObject({ state: 'petition.referred', handlingUnit: { code: officeCode } });
  });

  it('R-P6 the justice office accepts and mediates; the 30 days count from its acceptance', async () => {
    t.clock.set('2026-11-04T09:00:00+08:00');
    await send(office, view.id, { type: 'ACCEPT_REFERRAL' });
    await send(office, view.id, { type: 'NOTIFY_RIGHTS' });
    view = await send(office, view.id, { type: 'START_MEDIATION' });
    expect(view.deadlines).toEqual([expect.objectContaining({ kind: 'peoples-mediation', dueAt: '2026-12-05T00:00:00.000+08:00' })]);
    view = await send(office, view.id, {
      type: 'REACH_AGREEMENT',
      form: 'oral',
      terms: '双方同意借款分三期于2027年3月前还清，不计利息。',
      performanceMethod: '分期现金偿还',
      createsObligations: false,
      writtenRequested: false,
    });
    expect(view.state).toBe('peoples.agreed');
  });

  it('R-V3 the 访调结果反馈函 goes back to the petition office', async () => {
    view = await send(office, view.id, { type: 'SEND_PETITION_FEEDBACK' });
    const seen = await petitionOffice.get(`/api/cases/${view.id}`);
    expect(seen.body.referral.petition.feedback).toMatchObject({
      outcome: 'agreement',
      reportedBy: { code: officeCode },
      agreement: expect.objectContaining({ terms: expect.stringContaining('分三期') }),
    });
    const feedback = (await documentsOf(view.id, petitionOffice)).filter((d) => d.kind === 'petition-feedback');
    expect(feedback).toEqual([expect.objectContaining({ status: 'ready', number: expect.stringMatching(/司访字第1号$/) })]);
    const text = await pdfOf(feedback[0].id, petitionOffice);
    expect(text).toContain('莲池区信访局');
    expect(text).toContain('王敏');
    const again = await post(office, view.id, { type: 'SEND_PETITION_FEEDBACK' });
    expect(again.status).toBe(409);
    expect(again.body.details.rules).toEqual([expect.objectContaining({ rule: 'R-V3' })]);
  });

  it('R-P7 after follow-up the office closes the case', async () => {
    await send(office, view.id, { type: 'RECORD_FOLLOW_UP', performance: 'partial', note: '第一期款项已支付。' });
    view = await send(office, view.id, { type: 'CLOSE' });
    expect(view).toMatchObject({ state: 'closed', outcome: 'agreement' });
  });
});

describe('R-V3 a failed petition mediation is fed back too, and the petition office takes it up again', () => {
  it('R-V3 failure → feedback letter → the case returns to the petition office', async () => {
    const view = await receive(petitionBody({ petitionNo: 'XF-2026-0816' }));
    await consented(view);
    await send(petitionOffice, view.id, { type: 'REFER_FOR_MEDIATION', targetUnitCode: officeCode });
    await send(office, view.id, { type: 'ACCEPT_REFERRAL' });
    await send(office, view.id, { type: 'NOTIFY_RIGHTS' });
    await send(office, view.id, { type: 'START_MEDIATION' });
    await send(office, view.id, { type: 'TERMINATE', partyId: view.parties[1].id, note: '被申请人要求终止调解。' });
    const guide = await post(office, view.id, { type: 'ISSUE_GUIDANCE', route: 'litigation', targetUnitCode: '130606-ct' });
    expect(guide.status).toBe(409);
    expect(guide.body.details.rules).toEqual([expect.objectContaining({ rule: 'R-L4' })]);
    const done = await send(office, view.id, { type: 'SEND_PETITION_FEEDBACK', note: '被申请人拒绝继续调解。' });
    expect(done).toMatchObject({ state: 'closed', outcome: 'returned-to-petition-office' });
    const seen = await petitionOffice.get(`/api/cases/${view.id}`);
    expect(seen.body.referral.petition.feedback).toMatchObject({ outcome: 'terminated', note: '被申请人拒绝继续调解。' });
    const feedback = (await documentsOf(view.id, petitionOffice)).find((d) => d.kind === 'petition-feedback')!;
    expect(await pdfOf(feedback.id, petitionOffice)).toContain('未能化解');
  });

  it('R-V1 a party refusing at the petition office ends the referral there', async () => {
    const view = await receive(petitionBody({ petitionNo: 'XF-2026-0817' }));
    const done = await send(petitionOffice, view.id, { type: 'RECORD_CONSENT', partyId: view.parties[0].id, consent: 'refused' });
    expect(done).toMatchObject({ state: 'closed', outcome: 'refused' });
  });
});
