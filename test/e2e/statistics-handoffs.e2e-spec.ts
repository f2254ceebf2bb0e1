// The hand-off and screening columns of the form (R-T1) from the referral and screening flows:
// court referrals received, results reported, returned to court, judicially confirmed (§7);
// petition referrals received and fed back (§8); screening rounds, finds and finds settled (R-V4).
import { intakeBody } from '../factories/parties';
import { filingBody, petitionBody } from '../factories/referrals';
import { send, type CaseView } from '../support/case-driver';
import { monthlyUrl } from '../support/statistics-driver';
import { startTestApp, type AuthedAgent, type TestApp } from '../support/test-app';
import { verifySummary } from '../../src/statistics/recount';
import { StatisticsService } from '../../src/statistics/statistics.service';

let t: TestApp;
let court: AuthedAgent;
let office: AuthedAgent;
let petitionOffice: AuthedAgent;
let village: AuthedAgent;
const [COURT, OFFICE, PETITION, VILLAGE] = ['130606-ct', '130606002-jo', '130606-po', '130606002001-mc'];

beforeAll(async () => {
  t = await startTestApp({ now: '2026-11-02T09:00:00+08:00' });
  [court, office, petitionOffice, village] = await Promise.all([t.as(COURT), t.as(OFFICE), t.as(PETITION), t.as(VILLAGE)]);
});
afterAll(() => t.close());

const oralAgreement = { type: 'REACH_AGREEMENT', form: 'oral', terms: '双方和解。', performanceMethod: '当场履行', createsObligations: false, writtenRequested: false };

async function acceptedCourtReferral(): Promise<CaseView> {
  const res = await court.post('/api/court-referrals').send(filingBody());
  expect(res.status).toBe(201);
  const view: CaseView = res.body;
  for (const p of view.parties) await send(court, view.id, { type: 'RECORD_CONSENT', partyId: p.id, consent: 'given' });
  await send(court, view.id, { type: 'DEFER_FILING' });
  await send(court, view.id, { type: 'HAND_OVER', targetUnitCode: OFFICE, basis: 'residence', partyId: view.parties[0].id });
  await send(office, view.id, { type: 'ACCEPT_REFERRAL' });
  await send(office, view.id, { type: 'NOTIFY_RIGHTS' });
  return send(office, view.id, { type: 'START_MEDIATION' });
}

describe('R-T1 hand-off columns of the justice office in November', () => {
  it('counts what the office received from the court and the petition office and what it sent back', async () => {
    // An agreement reported to the court and confirmed by it (R-L4, R-L6).
    const settled = await acceptedCourtReferral();
    await send(office, settled.id, oralAgreement);
    await send(office, settled.id, { type: 'REPORT_COURT_RESULT' });
    await send(office, settled.id, { type: 'APPLY_FOR_CONFIRMATION', courtUnitCode: COURT, applicantPartyIds: settled.parties.map((p) => p.id), subject: 'civil-rights' });
    await send(court, settled.id, { type: 'ACCEPT_CONFIRMATION', courtCaseNo: '(2026)冀0606民特5号' });
    await send(court, settled.id, { type: 'RULE_ON_CONFIRMATION', confirmed: true, rulingNo: '(2026)冀0606民特5号' });

    // A failure reported to the court: the case goes back for filing review (R-L4).
    const failed = await acceptedCourtReferral();
    await send(office, failed.id, { type: 'DECLARE_FAILED', note: '双方分歧较大' });
    const back = await send(office, failed.id, { type: 'REPORT_COURT_RESULT' });
    expect(back.state).toBe('court.filingReview');

    // A petition referral mediated and fed back (R-V3).
    const filed = await petitionOffice.post('/api/petition-referrals').send(petitionBody());
    expect(filed.status).toBe(201);
    const petition: CaseView = filed.body;
    for (const p of petition.parties) await send(petitionOffice, petition.id, { type: 'RECORD_CONSENT', partyId: p.id, consent: 'given' });
    await send(petitionOffice, petition.id, { type: 'REFER_FOR_MEDIATION', targetUnitCode: OFFICE });
    await send(office, petition.id, { type: 'ACCEPT_REFERRAL' });
    await send(office, petition.id, { type: 'NOTIFY_RIGHTS' });
    await send(office, petition.id, { type: 'START_MEDIATION' });
    await send(office, petition.id, oralAgreement);
    await send(office, petition.id, { type: 'SEND_PETITION_FEEDBACK' });

    const report = (await office.get(monthlyUrl(OFFICE, '2026-11'))).body;
    expect(report.own).toEqual(
      expect.objectContaining({
        mediated: 3,
        succeeded: 2,
        failed: 1,
        courtReceived: 2,
        courtReported: 2,
        courtReturned: 1,
        confirmed: 1,
        petitionReceived: 1,
        petitionFedBack: 1,
        'source.court-referral': 2,
        'source.petition-transfer': 1,
      }),
    );
    expect(report.evaluation.petition).toEqual(expect.objectContaining({ score: 100 }));
  });
});

describe('R-V4/R-T1 screening rounds count in the month of their period', () => {
  it('counts the village’s round, its finds, and the finds settled by agreement', async () => {
    const { source: _s, ...dispute } = intakeBody();
    const res = await village.post('/api/screening/rounds').send({ period: '2026-11', findings: [dispute, { ...dispute, disputeType: 'contract' }] });
    expect(res.status).toBe(201);
    const [first] = res.body.findings;
    for (const p of (await village.get(`/api/cases/${first.caseId}`)).body.parties) {
      await send(village, first.caseId, { type: 'RECORD_CONSENT', partyId: p.id, consent: 'given' });
    }
    await send(village, first.caseId, { type: 'NOTIFY_RIGHTS' });
    await send(village, first.caseId, { type: 'START_MEDIATION' });
    await send(village, first.caseId, oralAgreement);

    const report = (await village.get(monthlyUrl(VILLAGE, '2026-11'))).body;
    expect(report.figures).toEqual(expect.objectContaining({ screeningRounds: 1, screeningFound: 2, screeningPrevented: 1, 'source.screening': 2, mediated: 2 }));
    expect((await office.get(monthlyUrl(OFFICE, '2026-11'))).body.figures.screeningFound).toBe(2);
  });
});

describe('R-T1 the recount of these flows equals the summary', () => {
  it('finds no difference', async () => {
    expect(await verifySummary(t.app.get(StatisticsService).reader)).toEqual([]);
  });
});
