// Documents issued by real transitions, rendered off the HTTP thread, downloaded through the API
// and read back as text (domain §10, R-F1…R-F3).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderDocument } from '../../templates';
import { DocumentGenerator } from '../../src/documents/document-generator';
import { sha256 } from '../../src/documents/document-files';
import { intakeBody, person } from '../factories/parties';
import { filingBody, petitionBody } from '../factories/referrals';
import { prepareMediation, registerCase, send, type CaseView } from '../support/case-driver';
import { dbQuery, dbRowsEventually } from '../support/db-query';
import { startTestApp, type AuthedAgent, type TestApp } from '../support/test-app';
import { pdfText } from '../unit/templates/pdf-text';

let t: TestApp;
let committee: AuthedAgent;
let office: AuthedAgent;
const village = '130606002001-mc';
const justiceOffice = '130606002-jo';

beforeAll(async () => {
  t = await startTestApp({ now: '2026-11-02T09:00:00+08:00' });
  committee = await t.as(village);
  office = await t.as(justiceOffice);
});
afterAll(() => t.close());

const query = (sql: string, ...params: unknown[]) => dbQuery(t)(sql, ...params);
const settle = () => t.app.get(DocumentGenerator).settle();

async function documentsOf(caseId: string, agent = committee) {
  await settle();
  const res = await agent.get(`/api/cases/${caseId}/documents`);
  expect(res.status).toBe(200);
  return res.body as { id: string; kind: string; number: string; status: string; sha256: string; templateVersion: string; lastError: string | null }[];
}

async function textOf(documentId: string, agent = committee) {
  const res = await agent.get(`/api/documents/${documentId}/pdf`).buffer(true).parse((r, cb) => {
    const chunks: Buffer[] = [];
    r.on('data', (c: Buffer) => chunks.push(c));
    r.on('end', () => cb(null, Buffer.concat(chunks)));
  });
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  return (await pdfText(res.body as Buffer)).flat;
}

const flat = (s: string) => s.replace(/\s+/g, '');

describe('R-P1…R-P7 a written agreement: every document of the case, rendered and readable', () => {
  let view: CaseView;
  const docs = () => documentsOf(view.id);

  it('R-P1 the registration form shows the accepting committee, its number and the parties', async () => {
    view = await registerCase(committee, intakeBody());
    const [form] = await docs();
    expect(form).toEqual(expect.objectContaining({ kind: 'registration-form', status: 'ready', templateVersion: '1' }));
    expect(form.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(form.number).toMatch(/^\(2026\)五四.+调受字第1号$/);
    const text = await textOf(form.id);
    expect(text).toContain('人民调解受理登记表');
    expect(text).toContain('保定市莲池区五四路街道');
    expect(text).toContain(flat(form.number));
    expect(text).toContain('张建国');
    expect(text).toContain('李秀兰');
    // R-S2: the document carries masked identity numbers only.
    expect(text).not.toContain(intakeBody().parties[0].idNumber);
    expect(text).toMatch(/130606\*{8}\d{3}[\dX]/);
  });

  it('R-P4 the rights notice is issued to the parties with a service receipt', async () => {
    view = await prepareMediation(committee, view);
    const notice = (await docs()).find((d) => d.kind === 'rights-notice')!;
    const text = await textOf(notice.id);
    expect(text).toContain('人民调解权利义务告知书');
    expect(text).toContain(`${flat(notice.number)}`);
    expect(text).toContain('张建国、李秀兰：');
    expect(text).toContain('第二十三条');
    expect(text).toContain('送达回执');
  });

  it('R-P7 the written agreement states the terms, place and deadline', async () => {
    view = await send(committee, view.id, { type: 'START_MEDIATION' });
    view = await send(committee, view.id, {
      type: 'REACH_AGREEMENT',
      form: 'written',
      terms: '被申请人于2026年11月15日前将排水沟改向东侧；\n被申请人赔偿申请人损失人民币3000元。',
      performanceMethod: '现金一次性支付',
      performancePlace: '和平社区居委会',
      performanceDeadline: '2026-11-15',
      amount: '3000',
      createsObligations: true,
      writtenRequested: true,
    });
    const agreement = (await docs()).find((d) => d.kind === 'mediation-agreement')!;
    const text = await textOf(agreement.id);
    expect(text).toContain('人民调解协议书');
    expect(text).toContain(flat(agreement.number));
    expect(text).toContain('（一）被申请人于2026年11月15日前将排水沟改向东侧；');
    expect(text).toContain('（二）被申请人赔偿申请人损失人民币3000元。');
    expect(text).toContain('履行地点：和平社区居委会');
    expect(text).toContain('履行期限：2026年11月15日前');
    expect(text).toContain('协议涉及金额3,000.00元');
  });

  it('R-P7 the follow-up record and, on closing, the case file listing every document', async () => {
    for (const signer of [...view.parties.map((p) => p.id), 'mediator']) view = await send(committee, view.id, { type: 'SIGN_AGREEMENT', signer });
    view = await send(committee, view.id, { type: 'SEAL_AGREEMENT' });
    expect(view.state).toBe('peoples.agreed');
    t.clock.advanceDays(14);
    view = await send(committee, view.id, { type: 'RECORD_FOLLOW_UP', performance: 'not-performed', note: '被申请人尚未支付赔偿款。' });
    view = await send(committee, view.id, { type: 'CLOSE' });
    const all = await docs();
    expect(all.map((d) => d.status)).toEqual(all.map(() => 'ready'));
    const followUp = all.find((d) => d.kind === 'follow-up-record')!;
    const followText = await textOf(followUp.id);
    expect(followText).toContain('未履行');
    expect(followText).toContain('被申请人尚未支付赔偿款');
    expect(followText).toContain('第三十二条');

    const cover = all.find((d) => d.kind === 'case-file-cover')!;
    const coverText = await textOf(cover.id);
    expect(coverText).toContain('卷内目录');
    for (const d of all) expect(coverText).toContain(flat(d.number));
    expect(coverText).toContain(`本卷共收录文书${all.length}件`);
  });

  it('R-F2 re-rendering the stored row with its template version reproduces the stored bytes', async () => {
    const [row] = await query(`SELECT * FROM documents WHERE case_id = ? AND kind = 'mediation-agreement'`, view.id);
    const content = typeof row.content === 'string' ? JSON.parse(row.content) : row.content;
    const data = { id: row.id, kind: row.kind, number: row.number, issuedAt: row.issued_at, issuedBy: row.issued_by, content };
    const stored = readFileSync(join(t.config.documentsDir, row.path));
    const first = await renderDocument(data, row.template_version);
    const second = await renderDocument(data, row.template_version);
    expect(first.bytes.equals(second.bytes)).toBe(true);
    expect(first.bytes.equals(stored)).toBe(true);
    expect(sha256(stored)).toBe(row.sha256);
  });
});

describe('R-P7 an oral agreement is recorded on the oral-agreement register', () => {
  it('shows the oral terms and their effect', async () => {
    let view = await registerCase(committee, intakeBody());
    view = await prepareMediation(committee, view);
    view = await send(committee, view.id, { type: 'START_MEDIATION' });
    view = await send(committee, view.id, {
      type: 'REACH_AGREEMENT',
      form: 'oral',
      terms: '双方互相道歉，今后和睦相处。',
      performanceMethod: '当场履行',
      createsObligations: false,
      writtenRequested: false,
    });
    const oral = (await documentsOf(view.id)).find((d) => d.kind === 'oral-agreement-record')!;
    const text = await textOf(oral.id);
    expect(text).toContain('口头调解协议登记表');
    expect(text).toContain(flat(oral.number));
    expect(text).toContain('双方互相道歉，今后和睦相处');
    expect(text).toContain('第三十条');
  });
});

describe('R-P3 refusal: the termination letter names who refused', () => {
  it('is issued when a party refuses consent', async () => {
    const view = await registerCase(committee, intakeBody());
    await send(committee, view.id, { type: 'RECORD_CONSENT', partyId: view.parties[1].id, consent: 'refused' });
    const termination = (await documentsOf(view.id)).find((d) => d.kind === 'termination')!;
    const text = await textOf(termination.id);
    expect(text).toContain('人民调解终止书');
    expect(text).toContain(flat(termination.number));
    expect(text).toContain('因李秀兰明确表示拒绝调解');
    expect(text).toContain('第二十六条');
  });
});

describe('R-G1…R-G3 the justice office guides the parties to an agency', () => {
  let guidanceId: string;
  let caseId: string;

  it('R-G2 the notice names the office, its number, the parties, the route and the receiving agency', async () => {
    const view = await registerCase(office, intakeBody({ parties: [person('周海涛', 'applicant', 'male', '1979-02-01', 31), person('吴丽娟', 'respondent', 'female', '1985-06-18', 32)] }));
    caseId = view.id;
    await send(office, view.id, { type: 'ISSUE_GUIDANCE', route: 'administrative', targetUnitCode: '130606-ag-police', note: '涉及治安管理事项' });
    const notice = (await documentsOf(view.id, office)).find((d) => d.kind === 'guidance-notice')!;
    guidanceId = notice.id;
    expect(notice.number).toBe('(2026)莲池五四司告字第1号');
    const text = await textOf(notice.id, office);
    expect(text).toContain('保定市莲池区五四路街道司法所');
    expect(text).toContain('告知引导书');
    expect(text).toContain('(2026)莲池五四司告字第1号');
    expect(text).toContain('周海涛、吴丽娟：');
    expect(text).toContain('向保定市莲池区公安局申请行政调解');
    expect(text).toContain('涉及治安管理事项');
  });

  it('R-S1 the receiving agency may read it; a unit outside the jurisdiction gets 404', async () => {
    const police = await t.as('130606-ag-police');
    expect((await police.get(`/api/documents/${guidanceId}/pdf`)).status).toBe(200);
    const stranger = await t.as('130602001-jo');
    const res = await stranger.get(`/api/documents/${guidanceId}/pdf`);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('DOCUMENT_NOT_FOUND');
    expect((await stranger.get(`/api/cases/${caseId}/documents`)).status).toBe(404);
    // The denial is audited beside the answer, not before it: wait for the record.
    const denied = await dbRowsEventually(t)(1, `SELECT action FROM audit_records WHERE target_id = ? AND action = 'document.access-denied'`, guidanceId);
    expect(denied.length).toBeGreaterThan(0);
  });

  it('R-F3 the issuing office records how, when and to whom it was served, and the receipt', async () => {
    t.clock.advanceDays(1);
    const body = {
      method: 'direct',
      servedAt: '2026-11-17T08:30:00+08:00',
      recipient: '周海涛',
      address: '保定市莲池区五四路街道',
      receiptSignedBy: '周海涛',
      receiptSignedAt: '2026-11-17T08:35:00+08:00',
    };
    const early = await office.post(`/api/documents/${guidanceId}/service`).send({ ...body, servedAt: '2026-11-01T10:00:00+08:00' });
    expect(early.body.details.fields.servedAt[0]).toContain('不能早于文书制发时间');
    const police = await t.as('130606-ag-police');
    expect((await police.post(`/api/documents/${guidanceId}/service`).send(body)).status).toBe(403);
    const bad = await office.post(`/api/documents/${guidanceId}/service`).send({ ...body, method: 'pigeon', extra: 1 });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.details.fields)).toEqual(expect.arrayContaining(['method']));
    const res = await office.post(`/api/documents/${guidanceId}/service`).send(body);
    expect(res.status).toBe(201);
    const [doc] = (await office.get(`/api/cases/${caseId}/documents`)).body.filter((d: { id: string }) => d.id === guidanceId);
    expect(doc.services).toEqual([
      expect.objectContaining({
        method: 'direct',
        methodLabel: '直接送达',
        servedAt: '2026-11-17T08:30:00.000+08:00',
        recipient: '周海涛',
        receipt: { signedBy: '周海涛', signedAt: '2026-11-17T08:35:00.000+08:00', note: null },
        servedBy: { username: justiceOffice, unitCode: justiceOffice },
      }),
    ]);
    const audit = await query(`SELECT action FROM audit_records WHERE target_id = ? AND action = 'document.served'`, guidanceId);
    expect(audit).toHaveLength(1);
  });

  it('the list answers the shape of the API contract', async () => {
    const res = await office.get(`/api/cases/${caseId}/documents`);
    for (const d of res.body) {
      expect(d).toEqual(
        expect.objectContaining({
          id: expect.any(String),
          kind: expect.any(String),
          number: expect.any(String),
          status: 'ready',
          sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
          templateVersion: '1',
          issuedAt: expect.stringMatching(/\+08:00$/),
          issuedBy: expect.any(String),
        }),
      );
    }
  });
});

describe('R-L1…R-L4 court referral: the 劝导书 and the 调解结果告知函', () => {
  it('R-L1 the persuasion letter names the court, its number, the parties, the claims and the 30-day term; R-L4 the result letter returns the agreement', async () => {
    const court = await t.as('130606-ct');
    const filed = await court.post('/api/court-referrals').send(filingBody());
    expect(filed.status).toBe(201);
    let view = filed.body as CaseView;
    for (const p of view.parties) await send(court, view.id, { type: 'RECORD_CONSENT', partyId: p.id, consent: 'given' });
    await send(court, view.id, { type: 'DEFER_FILING' });
    const [letter] = await documentsOf(view.id, court);
    expect(letter).toMatchObject({ kind: 'persuasion-letter', status: 'ready' });
    const persuasion = await textOf(letter.id, court);
    expect(persuasion).toContain('保定市莲池区人民法院');
    expect(persuasion).toContain('劝导书');
    expect(persuasion).toContain(flat(letter.number));
    expect(persuasion).toContain('张建国、李秀兰：');
    expect(persuasion).toContain(`诉前调解案号：${flat(view.caseNo)}`);
    expect(persuasion).toContain('诉讼请求：1.判令被告改建排水沟；2.判令被告赔偿损失人民币3000元');
    expect(persuasion).toContain('暂缓立案');
    expect(persuasion).toContain('张建国（同意）、李秀兰（同意）');
    expect(persuasion).toContain('调解期限为三十日');

    view = await send(court, view.id, { type: 'HAND_OVER', targetUnitCode: justiceOffice, basis: 'residence', partyId: view.parties[0].id });
    await send(office, view.id, { type: 'ACCEPT_REFERRAL' });
    await send(office, view.id, { type: 'NOTIFY_RIGHTS' });
    await send(office, view.id, { type: 'START_MEDIATION' });
    await send(office, view.id, {
      type: 'REACH_AGREEMENT',
      form: 'written',
      terms: '被申请人于2026年12月31日前改建排水沟；\n被申请人赔偿申请人损失人民币2000元。',
      performanceMethod: '银行转账',
      amount: '2000',
      createsObligations: true,
      writtenRequested: true,
    });
    for (const signer of [...view.parties.map((p) => p.id), 'mediator']) await send(office, view.id, { type: 'SIGN_AGREEMENT', signer });
    await send(office, view.id, { type: 'SEAL_AGREEMENT' });
    await send(office, view.id, { type: 'REPORT_COURT_RESULT' });
    const docs = await documentsOf(view.id, office);
    const result = docs.find((d) => d.kind === 'court-result-letter')!;
    const agreement = docs.find((d) => d.kind === 'mediation-agreement')!;
    const text = await textOf(result.id, court);
    expect(text).toContain('保定市莲池区五四路街道司法所');
    expect(text).toContain(flat(result.number));
    expect(text).toContain('保定市莲池区人民法院：');
    expect(text).toContain(`贵院诉前调解案号：${flat(view.caseNo)}`);
    expect(text).toContain('调解结果：调解成功');
    expect(text).toContain('（二）被申请人赔偿申请人损失人民币2000元。');
    expect(text).toContain(`附件：人民调解协议书（${flat(agreement.number)}）`);
  });
});

describe('R-V1…R-V3 petition referral: the 访调结果反馈函', () => {
  it('R-V3 the feedback names the petition office, its petition number, the result and the lawyer\'s opinion (R-V2)', async () => {
    const petitionOffice = await t.as('130606-po');
    const received = await petitionOffice.post('/api/petition-referrals').send(petitionBody());
    expect(received.status).toBe(201);
    const view = received.body as CaseView;
    await send(petitionOffice, view.id, { type: 'ASSIGN_LAWYER', lawyerUnitCode: '130606-lf', lawyerName: '王敏', role: 'advice' });
    await send(await t.as('130606-lf'), view.id, {
      type: 'RECORD_LEGAL_OPINION',
      opinion: '借贷关系事实清楚，建议协商分期还款。',
      legalAidEligible: true,
      legalAidNote: '信访人系低保户。',
    });
    for (const p of view.parties) await send(petitionOffice, view.id, { type: 'RECORD_CONSENT', partyId: p.id, consent: 'given' });
    await send(petitionOffice, view.id, { type: 'REFER_FOR_MEDIATION', targetUnitCode: justiceOffice });
    await send(office, view.id, { type: 'ACCEPT_REFERRAL' });
    await send(office, view.id, { type: 'NOTIFY_RIGHTS' });
    await send(office, view.id, { type: 'START_MEDIATION' });
    await send(office, view.id, { type: 'DECLARE_FAILED', note: '被申请人不认可借款数额' });
    await send(office, view.id, { type: 'SEND_PETITION_FEEDBACK' });
    const feedback = (await documentsOf(view.id, office)).find((d) => d.kind === 'petition-feedback')!;
    const text = await textOf(feedback.id, petitionOffice);
    expect(text).toContain('保定市莲池区五四路街道司法所');
    expect(text).toContain('访调结果反馈函');
    expect(text).toContain(flat(feedback.number));
    expect(text).toContain('保定市莲池区信访局：');
    expect(text).toContain('信访件编号：XF-2026-0815');
    expect(text).toContain('张建国');
    expect(text).toContain('经调解未能达成协议');
    expect(text).toContain('王敏律师');
    expect(text).toContain('建议协商分期还款');
    expect(text).toContain('符合法律援助条件');
  });
});
