// Business guards of the case statechart, each tied to the rule it enforces (../shared/domain.md).
// A guard that fails explains itself: the engine shows `rule` and `message` to the user.
import type { CaseContext, CaseEvent, EventOf, UnitRef } from './types';
import { referralRules } from './referral-rules';

export interface Refusal {
  rule: string;
  message: string;
}

interface Rule {
  rule: string;
  message: string;
  /** 'event' when the rule reads the event's payload; such rules cannot be judged before the event is sent. */
  reads: 'context' | 'event';
  test: (context: CaseContext, event: CaseEvent) => boolean;
}

const townshipOf = (unit: UnitRef) => unit.divisionCode.slice(0, 9);
const unitNamed = (event: CaseEvent, code: string | undefined): UnitRef | undefined =>
  code ? event.units?.[code] : undefined;
const as = <T extends CaseEvent['type']>(event: CaseEvent, type: T) =>
  event.type === type ? (event as EventOf<T>) : undefined;

export const mediatorSignature = 'mediator';

export function allSigned(context: CaseContext): boolean {
  const signed = new Set(context.agreement?.signatures ?? []);
  return context.parties.every((p) => signed.has(p.id)) && signed.has(mediatorSignature);
}

export const rules = {
  riskLevelChanges: {
    reads: 'event',
    rule: 'R-V4',
    message: '风险等级与当前相同，无需重新评估',
    test: (c, e) => {
      const ev = as(e, 'ASSESS_RISK');
      return !!ev && ev.riskLevel !== c.riskLevel;
    },
  },
  partyIsKnown: {
    reads: 'event',
    rule: 'R-P3',
    message: '当事人不属于本案',
    test: (c, e) => {
      const ev = as(e, 'RECORD_CONSENT');
      return !!ev && c.parties.some((p) => p.id === ev.partyId);
    },
  },
  terminatingPartyIsKnown: {
    reads: 'event',
    rule: 'R-P3',
    message: '要求终止调解的当事人不属于本案',
    test: (c, e) => {
      const partyId = as(e, 'TERMINATE')?.partyId;
      return partyId === undefined || c.parties.some((p) => p.id === partyId);
    },
  },
  consentRefused: {
    reads: 'event',
    rule: 'R-P3',
    message: '当事人未拒绝调解',
    test: (_c, e) => as(e, 'RECORD_CONSENT')?.consent === 'refused',
  },
  allPartiesConsented: {
    reads: 'context',
    rule: 'R-P3',
    message: '须记录每一方当事人同意调解后方可开始调解',
    test: (c) => c.parties.every((p) => c.consents[p.id] === 'given'),
  },
  rightsNotified: {
    reads: 'context',
    rule: 'R-P4',
    message: '首次调解前须向当事人送达权利义务告知书',
    test: (c) => c.rightsNotified,
  },
  rightsNotYetNotified: {
    reads: 'context',
    rule: 'R-P4',
    message: '权利义务告知书已送达',
    test: (c) => !c.rightsNotified,
  },
  handledByVillageCommittee: {
    reads: 'context',
    rule: 'R-P5',
    message: '只有村(居)调委会可以将纠纷提交乡镇(街道)调委会',
    test: (c) => c.handlingUnit.kind === 'MC' && c.handlingUnit.tier === 'village',
  },
  escalationToOwnTownship: {
    reads: 'event',
    rule: 'R-P5',
    message: '村(居)调委会只能将纠纷提交本乡镇(街道)调委会',
    test: (c, e) => {
      const target = unitNamed(e, as(e, 'ESCALATE')?.targetUnitCode);
      return target?.kind === 'MC' && target.tier === 'township' && target.divisionCode === townshipOf(c.handlingUnit);
    },
  },
  extensionsLeft: {
    reads: 'context',
    rule: 'R-P6',
    message: '调解期限的延长次数已用完',
    test: (c) => c.extensionsUsed < c.policy.maxExtensions,
  },
  extensionConsentedByAll: {
    reads: 'event',
    rule: 'R-P6',
    message: '延长调解期限须经全部当事人同意',
    test: (c, e) => {
      const consenting = new Set(as(e, 'EXTEND')?.consentingPartyIds ?? []);
      return c.parties.every((p) => consenting.has(p.id));
    },
  },
  agreementFormAllowed: {
    reads: 'event',
    rule: 'R-P7',
    message: '协议设立民事权利义务或当事人要求时，须制作书面调解协议书',
    test: (_c, e) => {
      const ev = as(e, 'REACH_AGREEMENT');
      return !!ev && (ev.form === 'written' || (!ev.createsObligations && !ev.writtenRequested));
    },
  },
  agreementIsOral: {
    reads: 'event',
    rule: 'R-P7',
    message: '口头协议',
    test: (_c, e) => as(e, 'REACH_AGREEMENT')?.form === 'oral',
  },
  signerMayStillSign: {
    reads: 'event',
    rule: 'R-P7',
    message: '签名人须为本案当事人或调解员，且不得重复签名',
    test: (c, e) => {
      const signer = as(e, 'SIGN_AGREEMENT')?.signer;
      if (!signer || c.agreement?.signatures.includes(signer)) return false;
      return signer === mediatorSignature || c.parties.some((p) => p.id === signer);
    },
  },
  agreementNotSealed: {
    reads: 'context',
    rule: 'R-P7',
    message: '调解协议书已盖章',
    test: (c) => !!c.agreement && !c.agreement.sealed,
  },
  agreementComplete: {
    reads: 'context',
    rule: 'R-P7',
    message: '调解协议书须经各方当事人和调解员签名并加盖调委会印章后生效',
    test: (c) => !!c.agreement?.sealed && allSigned(c),
  },
  followUpDone: {
    reads: 'context',
    rule: 'R-P7',
    message: '调解协议须经回访后方可结案',
    test: (c) => !!c.followUp,
  },
  peoplesClock: {
    reads: 'event',
    rule: 'R-P6',
    message: '不是本调解阶段的期限',
    test: (_c, e) => as(e, 'CLOCK_EXPIRED')?.clock === 'peoples-mediation',
  },
  handledByCommittee: {
    reads: 'context',
    rule: 'R-G1',
    message: '只有调委会向司法所移交纠纷',
    test: (c) => c.handlingUnit.kind === 'MC',
  },
  justiceOfficeOfTownship: {
    reads: 'event',
    rule: 'R-G1',
    message: '只能移交本乡镇(街道)司法所',
    test: (c, e) => {
      const target = unitNamed(e, as(e, 'REFER_TO_JUSTICE_OFFICE')?.targetUnitCode);
      return target?.kind === 'JO' && target.divisionCode === townshipOf(c.handlingUnit);
    },
  },
  committeeOfTownship: {
    reads: 'event',
    rule: 'R-G1',
    message: '只能交回本乡镇(街道)的调委会',
    test: (c, e) => {
      const target = unitNamed(e, as(e, 'RETURN_TO_COMMITTEE')?.targetUnitCode);
      return target?.kind === 'MC' && townshipOf(target) === townshipOf(c.handlingUnit);
    },
  },
  guidanceToReceivingUnit: {
    reads: 'event',
    rule: 'R-G2',
    message: '引导至行政调解须指明行政机关，引导至司法调解须指明人民法院',
    test: (_c, e) => {
      const ev = as(e, 'ISSUE_GUIDANCE');
      const target = unitNamed(e, ev?.targetUnitCode);
      if (ev?.route === 'administrative') return target?.kind === 'AG';
      if (ev?.route === 'judicial') return target?.kind === 'CT';
      return false;
    },
  },
  guidanceOutOfSystem: {
    reads: 'event',
    rule: 'R-G2',
    message: '引导诉讼须指明人民法院；引导仲裁或法律援助无需接收单位',
    test: (_c, e) => {
      const ev = as(e, 'ISSUE_GUIDANCE');
      const target = unitNamed(e, ev?.targetUnitCode);
      if (ev?.route === 'litigation') return target?.kind === 'CT';
      return ev?.route === 'arbitration' || ev?.route === 'legal-aid';
    },
  },
  guidedToAgency: {
    reads: 'context',
    rule: 'R-G3',
    message: '告知引导书指向行政机关',
    test: (c) => c.guidance?.route === 'administrative',
  },
  guidedToCourt: {
    reads: 'context',
    rule: 'R-G3',
    message: '告知引导书指向人民法院',
    test: (c) => c.guidance?.route === 'judicial',
  },
  // Court referral, petition referral, judicial confirmation (§7–§8).
  ...referralRules,
} satisfies Record<string, Rule>;

export type { Rule };

export type RuleName = keyof typeof rules;
