// Hand-built document data for every kind, shaped like what src/documents/document-issuer.ts
// stores — including the court- and petition-referral facts other statechart states will add
// (docs/documents.md). Used by the template tests and by `docs/samples`.
import type { DocumentContent, DocumentData } from '../../../templates';

const unit = (code: string, name: string, fullName: string, kind: string) => ({ code, name, fullName, kind });
export const justiceOffice = unit('130606002-jo', '五四路街道司法所', '保定市莲池区五四路街道司法所', 'JO');
export const committee = unit('130606002-mc', '五四路街道人民调解委员会', '保定市莲池区五四路街道人民调解委员会', 'MC');
export const court = unit('130606-ct', '莲池区人民法院', '保定市莲池区人民法院', 'CT');
export const police = unit('130606-ag-police', '莲池区公安局', '保定市莲池区公安局', 'AG');
export const petitionOffice = unit('130606-po', '莲池区信访局', '保定市莲池区信访局', 'PO');

const parties = [
  {
    id: 'p-1',
    seq: 1,
    role: 'applicant',
    kind: 'person',
    name: '王秀兰',
    gender: 'female',
    ethnicity: '汉族',
    birthDate: '1968-03-12',
    idNumber: '130602********2024',
    phone: '139****2618',
    address: '保定市莲池区五四路街道裕华西路18号院3号楼2单元501室',
  },
  {
    id: 'p-2',
    seq: 2,
    role: 'respondent',
    kind: 'person',
    name: '赵建国',
    gender: 'male',
    ethnicity: '回族',
    birthDate: '1972-11-05',
    idNumber: '130602********0519',
    phone: '138****5678',
    address: '保定市莲池区五四路街道裕华西路18号院3号楼2单元601室',
  },
];

const agreement = {
  form: 'written',
  terms: '赵建国于2026年11月20日前修复601室卫生间防水层，费用由赵建国承担；\n赵建国赔偿王秀兰房屋顶棚及墙面修复费用人民币3,600元，于2026年11月15日前一次付清；\n双方就本纠纷再无其他争议。',
  performanceMethod: '现金或银行转账一次性支付，防水层修复由双方共同验收',
  performancePlace: '五四路街道人民调解委员会',
  performanceDeadline: '2026-11-20',
  amountFen: 360_000,
  reachedAt: '2026-11-10T02:30:00.000Z',
  signatures: [],
  sealed: false,
  effectiveAt: '2026-11-10T03:00:00.000Z',
};

const baseContext = {
  caseId: 'c-1',
  parties: parties.map((p) => ({ id: p.id, name: p.name })),
  consents: { 'p-1': 'given', 'p-2': 'given' },
  rightsNotified: true,
  handlingUnit: committee,
  acceptedAt: '2026-11-02T01:00:00.000Z',
  policy: { days: 30, dayKind: 'calendar', maxExtensions: 1, extensionDays: 30 },
  extensionsUsed: 0,
  sessions: 2,
  segments: [{ seq: 1, track: 'peoples', unitCode: committee.code, startedAt: '2026-11-02T01:00:00.000Z' }],
};

export function content(over: Partial<DocumentContent> & { context?: Record<string, any> } = {}): DocumentContent {
  return {
    title: '',
    caseNo: '(2026)莲池五四调受字第12号',
    issuingUnit: committee,
    acceptingUnit: committee,
    acceptedAt: '2026-11-02T01:00:00.000Z',
    parties,
    disputeType: 'neighbour',
    disputeTypeLabel: '邻里',
    sourceLabel: '当事人申请',
    riskLabel: '黄',
    summary: '被申请人赵建国家卫生间防水层老化漏水，致申请人王秀兰家卫生间顶棚及客厅墙面受损。双方多次协商未果，申请人请求被申请人修复防水并赔偿损失。',
    place: '保定市莲池区裕华西路18号院3号楼',
    amountFen: 360_000,
    peopleInvolved: 2,
    event: {},
    units: Object.fromEntries([justiceOffice, committee, court, police, petitionOffice].map((u) => [u.code, u.fullName])),
    ...over,
    context: { ...baseContext, ...(over.context ?? {}) },
  };
}

const titles: Record<string, string> = {
  'registration-form': '人民调解受理登记表',
  'rights-notice': '人民调解权利义务告知书',
  'guidance-notice': '告知引导书',
  'persuasion-letter': '劝导书',
  'mediation-agreement': '人民调解协议书',
  'oral-agreement-record': '口头调解协议登记表',
  'court-result-letter': '调解结果告知函',
  'petition-feedback': '访调结果反馈函',
  'follow-up-record': '人民调解回访记录',
  termination: '人民调解终止书',
  'case-file-cover': '人民调解卷宗',
};

function doc(kind: string, number: string, c: DocumentContent, issuedAt = '2026-11-10T06:00:00.000Z'): DocumentData {
  return { id: `0195f0a0-0000-7000-8000-${kind.length.toString().padStart(12, '0')}`, kind, number, issuedAt, issuedBy: '130606002-mc', content: { ...c, title: titles[kind] } };
}

export const samples: Record<string, DocumentData> = {
  'registration-form': doc('registration-form', '(2026)莲池五四调受字第12号', content(), '2026-11-02T01:00:00.000Z'),
  'rights-notice': doc('rights-notice', '(2026)莲池五四调告知字第12号', content(), '2026-11-02T02:00:00.000Z'),
  'guidance-notice': doc(
    'guidance-notice',
    '(2026)莲池五四司告字第3号',
    content({
      issuingUnit: justiceOffice,
      event: { type: 'ISSUE_GUIDANCE', route: 'administrative', targetUnitCode: police.code },
      context: {
        handlingUnit: police,
        failure: { reason: 'no-agreement', at: '2026-11-08T02:00:00.000Z' },
        guidance: { route: 'administrative', target: police, issuedBy: justiceOffice, reason: 'no-agreement', at: '2026-11-09T02:00:00.000Z' },
      },
    }),
  ),
  'persuasion-letter': doc(
    'persuasion-letter',
    '(2026)冀0606民诉前劝7号',
    content({
      issuingUnit: court,
      sourceLabel: '法院委派',
      context: {
        handlingUnit: justiceOffice,
        // The shape of workflows/case/types.ts CourtReferral.
        courtReferral: {
          court,
          preFilingNo: '(2026)冀0606民诉前调318号',
          receivedAt: '2026-11-01T02:00:00.000Z',
          claims: '判令被申请人修复防水层并赔偿损失3,600元',
          residences: { 'p-1': '130606002', 'p-2': '130606002' },
          filing: 'deferred',
          consents: { 'p-1': 'given', 'p-2': 'given' },
          deferredAt: '2026-11-02T02:00:00.000Z',
          handedOverAt: '2026-11-02T02:00:00.000Z',
          handedTo: justiceOffice,
          handOverBasis: { kind: 'residence', partyId: 'p-1', divisionCode: '130606002' },
          returns: [],
        },
      },
    }),
    '2026-11-02T02:00:00.000Z',
  ),
  'mediation-agreement': doc('mediation-agreement', '(2026)莲池五四调协字第5号', content({ context: { agreement } })),
  'oral-agreement-record': doc(
    'oral-agreement-record',
    '(2026)莲池五四调口字第2号',
    content({ context: { agreement: { ...agreement, form: 'oral', terms: '赵建国于2026年11月15日前赔偿王秀兰修复费用3,600元；\n王秀兰不再追究其他责任。' } } }),
  ),
  'court-result-letter': doc(
    'court-result-letter',
    '(2026)莲池五四司函字第1号',
    content({
      issuingUnit: justiceOffice,
      documents: [{ kind: 'mediation-agreement', title: '人民调解协议书', number: '(2026)莲池五四司协字第1号', issuedAt: '2026-11-10T02:30:00.000Z' }],
      context: {
        agreement,
        outcome: 'agreement',
        courtReferral: {
          court,
          preFilingNo: '(2026)冀0606民诉前调318号',
          receivedAt: '2026-11-01T02:00:00.000Z',
          filing: 'closed',
          handedOverAt: '2026-11-02T02:00:00.000Z',
          handedTo: justiceOffice,
          returns: [],
          result: { outcome: 'agreement', at: '2026-11-10T03:00:00.000Z', reportedBy: justiceOffice, mediatingUnit: committee, agreement },
        },
      },
    }),
  ),
  'petition-feedback': doc(
    'petition-feedback',
    '(2026)莲池五四司访字第1号',
    content({
      issuingUnit: justiceOffice,
      sourceLabel: '信访部门移送',
      context: {
        failure: { reason: 'no-agreement', at: '2026-11-09T02:00:00.000Z' },
        // The shape of workflows/case/types.ts PetitionReferral.
        petitionReferral: {
          office: petitionOffice,
          receivedAt: '2026-11-03T01:00:00.000Z',
          petitionNo: 'LC2026-1107-0042',
          referredAt: '2026-11-03T02:00:00.000Z',
          referredTo: justiceOffice,
          returns: [],
          lawyer: { unit: justiceOffice, name: '孙立新', role: 'advice', assignedAt: '2026-11-03T03:00:00.000Z', assignedBy: justiceOffice },
          opinion: { text: '漏水损失应由房屋所有人承担修复责任，建议协商赔偿数额', at: '2026-11-04T02:00:00.000Z', by: 'lawyer' },
          legalAid: { eligible: false, at: '2026-11-04T02:00:00.000Z' },
          feedback: { outcome: 'no-agreement', at: '2026-11-09T02:00:00.000Z', reportedBy: justiceOffice, mediatingUnit: justiceOffice, note: '被申请人不同意赔偿数额' },
        },
      },
    }),
  ),
  'follow-up-record': doc(
    'follow-up-record',
    '(2026)莲池五四调访记字第4号',
    content({ context: { agreement, followUp: { at: '2026-11-21T02:00:00.000Z', performance: 'performed', note: '电话回访双方当事人，赔偿款已付清，防水层已修复并经双方验收。' } } }),
    '2026-11-21T02:10:00.000Z',
  ),
  termination: doc(
    'termination',
    '(2026)莲池五四调终字第2号',
    content({
      event: { type: 'RECORD_CONSENT', partyId: 'p-2', consent: 'refused' },
      context: { consents: { 'p-1': 'given', 'p-2': 'refused' }, failure: { reason: 'refused', at: '2026-11-03T02:00:00.000Z' } },
    }),
    '2026-11-03T02:00:00.000Z',
  ),
  'case-file-cover': doc(
    'case-file-cover',
    '(2026)莲池五四调卷字第9号',
    content({
      documents: [
        { kind: 'registration-form', title: '人民调解受理登记表', number: '(2026)莲池五四调受字第12号', issuedAt: '2026-11-02T01:00:00.000Z' },
        { kind: 'rights-notice', title: '人民调解权利义务告知书', number: '(2026)莲池五四调告知字第12号', issuedAt: '2026-11-02T02:00:00.000Z' },
        { kind: 'mediation-agreement', title: '人民调解协议书', number: '(2026)莲池五四调协字第5号', issuedAt: '2026-11-10T06:00:00.000Z' },
        { kind: 'follow-up-record', title: '人民调解回访记录', number: '(2026)莲池五四调访记字第4号', issuedAt: '2026-11-21T02:10:00.000Z' },
      ],
      context: {
        agreement,
        outcome: 'agreement',
        segments: [{ seq: 1, track: 'peoples', unitCode: committee.code, startedAt: '2026-11-02T01:00:00.000Z', endedAt: '2026-11-10T03:00:00.000Z', outcome: 'agreement' }],
      },
    }),
    '2026-11-22T02:00:00.000Z',
  ),
};
