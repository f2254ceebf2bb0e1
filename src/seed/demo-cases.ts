// Demo cases (demo mode, first start only): a handful of disputes of 五四路街道 driven through the
// API as the demo accounts would drive them, so every case, letter, clock and statistic a visitor
// opens is the real thing: nothing is written around the statechart.
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AuthService } from '../auth/auth.service';
import { makeIdNumber } from '../cases/identity/id-number';

const office = '130606002-jo';
const community = '130606002001-mc';
const township = '130606002-mc';
const court = '130606-ct';
const petitionOffice = '130606-po';

type Send = (username: string, url: string, body: object) => Promise<CaseView>;

interface CaseView {
  id: string;
  caseNo: string;
  stateLabel: string;
  parties: { id: string }[];
}

export interface DemoCaseMade {
  id: string;
  caseNo: string;
  title: string;
}

interface DemoCase {
  title: string;
  run(send: Send): Promise<CaseView>;
}

function person(name: string, role: 'applicant' | 'respondent', gender: 'male' | 'female', birthDate: string, seq: number) {
  return {
    role,
    kind: 'person' as const,
    name,
    gender,
    ethnicity: '汉族',
    birthDate,
    idNumber: makeIdNumber('130606', birthDate, gender, seq),
    phone: `1393120${String(1000 + seq).slice(-4)}`,
    address: '河北省保定市莲池区五四路街道',
  };
}

const dispute = (disputeType: string, summary: string, names: [string, string], seq: number, extra: object = {}) => ({
  parties: [person(names[0], 'applicant', 'male', '1972-03-18', seq), person(names[1], 'respondent', 'female', '1979-10-06', seq + 1)],
  disputeType,
  source: 'party-application',
  riskLevel: 'yellow',
  summary,
  place: '河北省保定市莲池区五四路街道',
  ...extra,
});

const event = (send: Send, username: string, caseId: string, body: object) => send(username, `/api/cases/${caseId}/events`, body);

/** Every party consents and is told their rights; mediation starts (its 30-day clock with it). */
async function startMediation(send: Send, username: string, view: CaseView): Promise<CaseView> {
  for (const party of view.parties) await event(send, username, view.id, { type: 'RECORD_CONSENT', partyId: party.id, consent: 'given' });
  await event(send, username, view.id, { type: 'NOTIFY_RIGHTS' });
  return event(send, username, view.id, { type: 'START_MEDIATION' });
}

const demoCases: DemoCase[] = [
  {
    title: '邻里纠纷，社区调委会已受理',
    run: (send) => send(community, '/api/cases', dispute('neighbour', '双方因楼道堆放杂物发生争执，申请人要求被申请人清理楼道。', ['赵立新', '钱春燕'], 1)),
  },
  {
    title: '婚姻家庭纠纷，司法所调解中',
    async run(send) {
      const view = await send(office, '/api/cases', dispute('marriage-family', '兄妹二人因赡养老人的费用分担发生争执。', ['孙国华', '孙红梅'], 3));
      await startMediation(send, office, view);
      return event(send, office, view.id, { type: 'LOG_SESSION', summary: '第一次调解：双方同意按月分担赡养费，具体数额待下次商定。' });
    },
  },
  {
    title: '损害赔偿纠纷，书面调解协议已生效，待回访',
    async run(send) {
      const view = await send(community, '/api/cases', dispute('damages', '被申请人装修时损坏申请人家中管道，双方就赔偿数额协商不成。', ['周海涛', '吴丽娟'], 5, { amountInvolved: '2600' }));
      await startMediation(send, community, view);
      await event(send, community, view.id, {
        type: 'REACH_AGREEMENT',
        form: 'written',
        terms: '一、被申请人于十日内修复申请人家中管道；二、被申请人赔偿申请人损失人民币贰仟陆佰元。',
        performanceMethod: '现金一次性支付',
        performancePlace: '五四路街道司法所',
        amount: '2600',
        createsObligations: true,
        writtenRequested: true,
      });
      for (const signer of [...view.parties.map((p) => p.id), 'mediator']) await event(send, community, view.id, { type: 'SIGN_AGREEMENT', signer });
      return event(send, community, view.id, { type: 'SEAL_AGREEMENT' });
    },
  },
  {
    title: '房屋宅基地纠纷，口头协议已履行，已结案',
    async run(send) {
      const view = await send(township, '/api/cases', dispute('housing-homestead', '两户因宅基地界址不清，对院墙位置发生争执。', ['郑永胜', '王淑珍'], 7));
      await startMediation(send, township, view);
      await event(send, township, view.id, { type: 'REACH_AGREEMENT', form: 'oral', terms: '双方同意按原界址标记重砌院墙，费用各半。', performanceMethod: '双方自行履行', createsObligations: false, writtenRequested: false });
      await event(send, township, view.id, { type: 'RECORD_FOLLOW_UP', performance: 'performed', note: '电话回访，院墙已重砌，双方无异议。' });
      return event(send, township, view.id, { type: 'CLOSE' });
    },
  },
  {
    title: '合同纠纷调解不成，司法所出具告知引导书，引导至法院',
    async run(send) {
      const view = await send(community, '/api/cases', dispute('contract', '申请人为被申请人装修房屋，双方就尾款结算发生争执。', ['冯文杰', '陈玉兰'], 9, { amountInvolved: '18000' }));
      await startMediation(send, community, view);
      await event(send, community, view.id, { type: 'DECLARE_FAILED', note: '双方对工程质量和尾款数额分歧较大。' });
      await event(send, community, view.id, { type: 'REFER_TO_JUSTICE_OFFICE', targetUnitCode: office, reason: 'failed' });
      return event(send, office, view.id, { type: 'ISSUE_GUIDANCE', route: 'judicial', targetUnitCode: court, note: '建议向莲池区人民法院申请司法调解或提起诉讼。' });
    },
  },
  {
    title: '法院暂缓立案、出具劝导书，委派司法所调解（诉调对接）',
    async run(send) {
      const { source: _source, place: _place, parties, ...filing } = dispute('private-lending', '原告诉称被告借款三万元逾期未还，请求判令被告归还借款。', ['黄晓东', '林翠华'], 11, { amountInvolved: '30000' });
      const view = await send(court, '/api/court-referrals', {
        ...filing,
        // R-L2: the office it goes to must be where a party lives or the dispute arose.
        parties: parties.map((p) => ({ ...p, residenceDivisionCode: '130606002001' })),
        claims: '判令被告归还借款人民币30000元。',
        disputePlace: '河北省保定市莲池区五四路街道',
        disputeDivisionCode: '130606002001',
      });
      for (const party of view.parties) await event(send, court, view.id, { type: 'RECORD_CONSENT', partyId: party.id, consent: 'given' });
      await event(send, court, view.id, { type: 'DEFER_FILING' });
      await event(send, court, view.id, { type: 'HAND_OVER', targetUnitCode: office, basis: 'residence', partyId: view.parties[0].id });
      await event(send, office, view.id, { type: 'ACCEPT_REFERRAL' });
      await event(send, office, view.id, { type: 'NOTIFY_RIGHTS' });
      return event(send, office, view.id, { type: 'START_MEDIATION' });
    },
  },
  {
    title: '信访事项移交司法所调解（访调对接）',
    async run(send) {
      const { source: _source, ...petition } = dispute('private-lending', '信访人反映借款五万元到期未还，多次催讨无果，要求有关部门督促还款。', ['何建国', '罗秀兰'], 13, { amountInvolved: '50000' });
      const view = await send(petitionOffice, '/api/petition-referrals', { ...petition, petitionNo: 'XF-DEMO-0001', nature: { administrative: false, courtProceedingsPending: false } });
      for (const party of view.parties) await event(send, petitionOffice, view.id, { type: 'RECORD_CONSENT', partyId: party.id, consent: 'given' });
      await event(send, petitionOffice, view.id, { type: 'REFER_FOR_MEDIATION', targetUnitCode: office });
      return event(send, office, view.id, { type: 'ACCEPT_REFERRAL' });
    },
  },
];

/** Drives the demo cases through the running application; a refusal stops the seed with the API's reason. */
export async function seedDemoCases(app: NestFastifyApplication, password: string, log: (line: string) => void = () => {}): Promise<DemoCaseMade[]> {
  const fastify = app.getHttpAdapter().getInstance();
  const auth = app.get(AuthService);
  const tokens = new Map<string, string>();
  const post = async (url: string, body: object, token: string) => {
    const res = await fastify.inject({ method: 'POST', url, payload: body, headers: { authorization: `Bearer ${token}` } });
    if (res.statusCode >= 300) throw new Error(`POST ${url} → ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const tokenOf = async (username: string) => {
    // The service, not POST /api/auth/login: the seed's logins must not use up the login rate limit
    // of 127.0.0.1, where the visitor who just started the demo logs in next.
    if (!tokens.has(username)) tokens.set(username, (await auth.login(username, password)).accessToken);
    return tokens.get(username)!;
  };
  const send: Send = async (username, url, body) => post(url, body, await tokenOf(username));
  const made: DemoCaseMade[] = [];
  for (const [i, demo] of demoCases.entries()) {
    const view = await demo.run(send);
    made.push({ id: view.id, caseNo: view.caseNo, title: demo.title });
    log(`演示案件 ${i + 1}/${demoCases.length}：${view.caseNo} ${demo.title}（${view.stateLabel}）`);
  }
  return made;
}
