// A failed mediation that the township justice office guides to an administrative agency, which
// mediates it (domain §5–§6, R-G1…R-G3, R-A1).
import { intakeBody } from '../factories/parties';
import { prepareMediation, registerCase, send, type CaseView } from '../support/case-driver';
import { dbQuery } from '../support/db-query';
import { startTestApp, type AuthedAgent, type TestApp } from '../support/test-app';

let t: TestApp;
let committee: AuthedAgent;
let office: AuthedAgent;
let police: AuthedAgent;

beforeAll(async () => {
  t = await startTestApp({ now: '2026-11-02T09:00:00+08:00' });
  [committee, office, police] = await Promise.all([t.as('130606002001-mc'), t.as('130606002-jo'), t.as('130606-ag-police')]);
});
afterAll(() => t.close());

async function failedCase(): Promise<CaseView> {
  const view = await registerCase(committee, intakeBody({ disputeType: 'damages', summary: '双方因电动车碰撞赔偿问题协商未果。' }));
  await prepareMediation(committee, view);
  await send(committee, view.id, { type: 'START_MEDIATION' });
  const failed = await send(committee, view.id, { type: 'DECLARE_FAILED', note: '双方对赔偿金额分歧较大' });
  expect(failed.state).toBe('peoples.failed');
  return failed;
}

describe('R-G1…R-G3, R-A1 failed mediation guided by the justice office to an agency that mediates it', () => {
  let view: CaseView;

  it('R-G1 a village committee may not issue the guidance notice itself', async () => {
    view = await failedCase();
    const res = await committee.post(`/api/cases/${view.id}/events`).send({
      type: 'ISSUE_GUIDANCE',
      route: 'administrative',
      targetUnitCode: '130606-ag-police',
    });
    expect(res.status).toBe(403);
    expect(res.body).toEqual(expect.objectContaining({ code: 'FORBIDDEN', message: expect.any(String) }));
    expect(res.body.details.allowedEvents).toEqual(['REFER_TO_JUSTICE_OFFICE', 'ASSESS_RISK']);
    const [row] = await dbQuery(t)('SELECT state, version FROM cases WHERE id = ?', view.id);
    expect(row).toEqual({ state: 'peoples.failed', version: view.version });
  });

  it('R-G1 the committee hands the failed dispute to its own township justice office only', async () => {
    const other = await committee.post(`/api/cases/${view.id}/events`).send({ type: 'REFER_TO_JUSTICE_OFFICE', targetUnitCode: '130606001-jo', reason: 'failed' });
    expect(other.status).toBe(409);
    expect(other.body.details.rules).toEqual([expect.objectContaining({ rule: 'R-G1' })]);
    view = await send(committee, view.id, { type: 'REFER_TO_JUSTICE_OFFICE', targetUnitCode: '130606002-jo', reason: 'failed' });
    expect(view.state).toBe('guidance.reviewing');
    expect(view.handlingUnit.code).toBe('130606002-jo');
  });

  it('R-G2 the guidance names a receiving unit of the right kind', async () => {
    const wrongKind = await office.post(`/api/cases/${view.id}/events`).send({ type: 'ISSUE_GUIDANCE', route: 'administrative', targetUnitCode: '130606-ct' });
    expect(wrongKind.status).toBe(409);
    expect(wrongKind.body.details.rules[0].rule).toBe('R-G2');
    const unknown = await office.post(`/api/cases/${view.id}/events`).send({ type: 'ISSUE_GUIDANCE', route: 'administrative', targetUnitCode: '130606-ag-zoo' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details.fields.targetUnitCode[0]).toContain('不存在');
  });

  it('R-G2/R-G3 issuing the 告知引导书 moves the case to the agency, which acknowledges it', async () => {
    view = await send(office, view.id, { type: 'ISSUE_GUIDANCE', route: 'administrative', targetUnitCode: '130606-ag-police', note: '建议由公安机关依法调解' });
    expect(view.state).toBe('guidance.awaitingAcknowledgement');
    expect(view.handlingUnit.code).toBe('130606-ag-police');
    expect(view.mediation.guidance).toEqual(expect.objectContaining({ route: 'administrative', reason: 'no-agreement' }));
    const [doc] = await dbQuery(t)(`SELECT number, issuing_unit_code FROM documents WHERE case_id = ? AND kind = 'guidance-notice'`, view.id);
    expect(doc).toEqual({ number: '(2026)莲池五四司告字第1号', issuing_unit_code: '130606002-jo' });

    // The agency now reads the case (R-S1: units that receive a case may read it).
    const read = await police.get(`/api/cases/${view.id}`);
    expect(read.status).toBe(200);
    expect(read.body.allowedEvents.sort()).toEqual(['ACKNOWLEDGE', 'ASSESS_RISK', 'RETURN_GUIDANCE']);
    view = await send(police, view.id, { type: 'ACKNOWLEDGE' });
    expect(view.state).toBe('administrative.accepted');
  });

  it('R-A1 the agency mediates to an agreement and closes the case', async () => {
    view = await send(police, view.id, { type: 'START_MEDIATION' });
    view = await send(police, view.id, {
      type: 'REACH_AGREEMENT',
      form: 'written',
      terms: '被申请人赔偿申请人车辆维修费贰仟元。',
      performanceMethod: '当场支付',
      amount: '2000',
      createsObligations: true,
      writtenRequested: false,
    });
    expect(view.state).toBe('administrative.agreed');
    view = await send(police, view.id, { type: 'CLOSE' });
    expect(view.state).toBe('closed');
    expect(view.segments.map((s) => [s.track, s.unit.code, s.outcome])).toEqual([
      ['peoples', '130606002001-mc', 'failed'],
      ['administrative', '130606-ag-police', 'agreement'],
    ]);
  });
});

describe('R-A1 an agency whose mediation fails hands the case back to the guiding justice office, which guides toward the court', () => {
  it('goes agency → justice office → court', async () => {
    let view = await failedCase();
    view = await send(office, view.id, { type: 'ISSUE_GUIDANCE', route: 'administrative', targetUnitCode: '130606-ag-hr' });
    const hr = await t.as('130606-ag-hr');
    await send(hr, view.id, { type: 'ACKNOWLEDGE' });
    await send(hr, view.id, { type: 'START_MEDIATION' });
    view = await send(hr, view.id, { type: 'DECLARE_FAILED', note: '用人单位拒绝调解方案' });
    expect(view.state).toBe('guidance.reviewing');
    expect(view.handlingUnit.code).toBe('130606002-jo');
    view = await send(office, view.id, { type: 'ISSUE_GUIDANCE', route: 'judicial', targetUnitCode: '130606-ct' });
    const court = await t.as('130606-ct');
    view = await send(court, view.id, { type: 'ACKNOWLEDGE' });
    expect(view.state).toBe('judicial.accepted');
    view = await send(court, view.id, { type: 'START_MEDIATION' });
    view = await send(court, view.id, { type: 'RECORD_MEDIATION_STATEMENT', documentNo: '(2026)冀0606民初1234号' });
    expect(view.state).toBe('closed');
    expect(view.outcome).toBe('mediation-statement');
    const numbers = await dbQuery(t)(`SELECT number FROM documents WHERE case_id = ? AND kind = 'guidance-notice' ORDER BY number`, view.id);
    expect(numbers).toHaveLength(2);
  });
});

describe('R-G3 a receiving unit may return the guided case with a reason', () => {
  it('goes back to the issuing justice office for review', async () => {
    let view = await failedCase();
    view = await send(office, view.id, { type: 'ISSUE_GUIDANCE', route: 'administrative', targetUnitCode: '130606-ag-market' });
    const market = await t.as('130606-ag-market');
    const missingReason = await market.post(`/api/cases/${view.id}/events`).send({ type: 'RETURN_GUIDANCE' });
    expect(missingReason.status).toBe(400);
    expect(missingReason.body.details.fields.note).toEqual(['必填']);
    view = await send(market, view.id, { type: 'RETURN_GUIDANCE', note: '不属于本机关职责范围' });
    expect(view.state).toBe('guidance.reviewing');
    expect(view.handlingUnit.code).toBe('130606002-jo');
  });
});
