// Guards of court referral, petition referral and judicial confirmation (domain §7–§8), each tied
// to its rule. Spread into ./rules.ts, so refusals explain themselves like every other rule.
import type { Rule } from './rules';
import type { CaseContext, CaseEvent, EventOf, UnitRef } from './types';

const as = <T extends CaseEvent['type']>(event: CaseEvent, type: T) =>
  event.type === type ? (event as EventOf<T>) : undefined;
const unitNamed = (event: CaseEvent, code: string | undefined): UnitRef | undefined =>
  code ? event.units?.[code] : undefined;
const townshipOf = (divisionCode: string) => divisionCode.slice(0, 9);
/** A county's or city's division subtree, as a code prefix. */
const subtreeOf = (unit: UnitRef) => (unit.tier === 'city' ? unit.divisionCode.slice(0, 4) : unit.divisionCode.slice(0, 6));
const everyPartyIn = (c: CaseContext, ids: Iterable<string>) => {
  const set = new Set(ids);
  return c.parties.every((p) => set.has(p.id));
};

/** Asia/Shanghai calendar date of an ISO instant (China keeps UTC+8 all year). */
const shanghaiDate = (instant: string) => new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 10);
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** R-L6: days within which the parties may jointly apply, counted from the agreement taking effect. */
export const confirmationWindowDays = 30;

/** The last day of the R-L6 application window (the day the agreement took effect is not counted, R-D4). */
export const confirmationWindowLastDay = (effectiveAt: string) => addDays(shanghaiDate(effectiveAt), confirmationWindowDays);

export const referralRules = {
  // ---- which referrer started the case (routing at intake) ---------------------------------
  filedAtCourt: {
    reads: 'context',
    rule: 'R-L1',
    message: '法院登记的立案申请',
    test: (c) => c.courtReferral?.filing === 'applied',
  },
  receivedByPetitionOffice: {
    reads: 'context',
    rule: 'R-V1',
    message: '信访部门登记的信访事项',
    test: (c) => !!c.petitionReferral && !c.petitionReferral.referredAt,
  },

  // ---- court referral 诉调对接 (§7) -----------------------------------------------------------
  allPartiesConsentedToDeferral: {
    reads: 'context',
    rule: 'R-L1',
    message: '须记录双方当事人均同意调解后方可暂缓立案',
    test: (c) => c.parties.every((p) => c.consents[p.id] === 'given'),
  },
  handOverToJusticeOffice: {
    reads: 'event',
    rule: 'R-L2',
    message: '诉前委派调解只能移交司法所',
    test: (_c, e) => unitNamed(e, as(e, 'HAND_OVER')?.targetUnitCode)?.kind === 'JO',
  },
  handOverPlaceMatches: {
    reads: 'event',
    rule: 'R-L2',
    message: '只能移交一方当事人住所地或纠纷发生地的司法所（住所地须为本案当事人的登记住所）',
    test: (c, e) => {
      const ev = as(e, 'HAND_OVER');
      const target = unitNamed(e, ev?.targetUnitCode);
      const referral = c.courtReferral;
      if (!ev || !target || !referral) return false;
      const place =
        ev.basis === 'residence'
          ? ev.partyId && c.parties.some((p) => p.id === ev.partyId) ? referral.residences[ev.partyId] : undefined
          : referral.disputePlace?.divisionCode;
      return !!place && place.length >= 9 && townshipOf(place) === townshipOf(target.divisionCode);
    },
  },
  referralPeriodClock: {
    reads: 'event',
    rule: 'R-L3',
    message: '不是委派调解的期限',
    test: (_c, e) => as(e, 'CLOCK_EXPIRED')?.clock === 'peoples-mediation',
  },
  /** R-L3: the period of a court-referred case has run since the hand-over, not since acceptance. */
  periodRunsFromHandOver: {
    reads: 'context',
    rule: 'R-L3',
    message: '委派调解期限自移交之日起计算',
    test: (c) => !!c.courtReferral?.handedOverAt,
  },
  courtResultPending: {
    reads: 'context',
    rule: 'R-L4',
    message: '只有法院委派且尚未告知结果的案件才出具调解结果告知函',
    test: (c) => !!c.courtReferral?.acknowledgedAt && !c.courtReferral.result,
  },

  // ---- the receiving justice office (both referrers) ------------------------------------------
  committeeOfOffice: {
    reads: 'event',
    rule: 'R-L2',
    message: '司法所只能自行调解或指派本乡镇(街道)的调委会调解',
    test: (c, e) => {
      const ev = as(e, 'ACCEPT_REFERRAL');
      if (!ev) return false;
      if (!ev.targetUnitCode) return true;
      const target = unitNamed(e, ev.targetUnitCode);
      return target?.kind === 'MC' && townshipOf(target.divisionCode) === townshipOf(c.handlingUnit.divisionCode);
    },
  },
  referredByCourtOrPetitionOffice: {
    reads: 'context',
    rule: 'R-P3',
    message: '法院或信访部门委派的案件',
    test: (c) => !!(c.courtReferral?.acknowledgedAt || c.petitionReferral?.acknowledgedAt),
  },
  /** R-L4, R-V3: a referred case tells its referrer the result before it goes anywhere else. */
  referrerInformed: {
    reads: 'context',
    rule: 'R-L4',
    message: '须先向委派法院出具调解结果告知函或向信访部门反馈调解结果',
    test: (c) =>
      !(c.courtReferral?.acknowledgedAt && !c.courtReferral.result) &&
      !(c.petitionReferral?.acknowledgedAt && !c.petitionReferral.feedback),
  },

  // ---- petition referral 访调对接 (§8) --------------------------------------------------------
  allPartiesConsentedToReferral: {
    reads: 'context',
    rule: 'R-V1',
    message: '访调对接须经双方当事人同意',
    test: (c) => c.parties.every((p) => c.consents[p.id] === 'given'),
  },
  justiceOfficeOfPetitionOffice: {
    reads: 'event',
    rule: 'R-V1',
    message: '信访部门只能将纠纷移交本辖区的司法所',
    test: (c, e) => {
      const target = unitNamed(e, as(e, 'REFER_FOR_MEDIATION')?.targetUnitCode);
      const office = c.petitionReferral?.office;
      return target?.kind === 'JO' && !!office && target.divisionCode.startsWith(subtreeOf(office));
    },
  },
  lawyerFromLawFirm: {
    reads: 'event',
    rule: 'R-V2',
    message: '指派的律师须属于律师事务所',
    test: (_c, e) => unitNamed(e, as(e, 'ASSIGN_LAWYER')?.lawyerUnitCode)?.kind === 'LF',
  },
  lawyerAssigned: {
    reads: 'context',
    rule: 'R-V2',
    message: '尚未指派律师',
    test: (c) => !!c.petitionReferral?.lawyer,
  },
  petitionFeedbackPending: {
    reads: 'context',
    rule: 'R-V3',
    message: '只有信访部门移交且尚未反馈的案件才出具访调结果反馈函',
    test: (c) => !!c.petitionReferral?.acknowledgedAt && !c.petitionReferral.feedback,
  },

  // ---- judicial confirmation 司法确认 (R-L6) --------------------------------------------------
  agreementInForce: {
    reads: 'context',
    rule: 'R-L6',
    message: '调解协议生效后方可申请司法确认',
    test: (c) => !!c.agreement?.effectiveAt,
  },
  noConfirmationPending: {
    reads: 'context',
    rule: 'R-L6',
    message: '已申请司法确认（仅在法院不予受理后可重新申请）',
    test: (c) => !c.judicialConfirmation || c.judicialConfirmation.decision?.outcome === 'not-accepted',
  },
  confirmationWithinWindow: {
    // Reads only when the event is sent, which is known before its payload: judged when offering events.
    reads: 'context',
    rule: 'R-L6',
    message: `须自调解协议生效之日起${confirmationWindowDays}日内申请司法确认`,
    test: (c, e) => {
      const agreement = c.agreement;
      if (!agreement?.effectiveAt) return false;
      if (agreement.confirmationWindow) return agreement.confirmationWindow === 'open';
      return shanghaiDate(e.at) <= confirmationWindowLastDay(agreement.effectiveAt);
    },
  },
  confirmationJointlyApplied: {
    reads: 'event',
    rule: 'R-L6',
    message: '司法确认须由双方当事人共同申请',
    test: (c, e) => everyPartyIn(c, as(e, 'APPLY_FOR_CONFIRMATION')?.applicantPartyIds ?? []),
  },
  confirmableSubject: {
    reads: 'event',
    rule: 'R-L6',
    message: '涉及婚姻、收养或身份关系的调解协议不能申请司法确认',
    test: (_c, e) => as(e, 'APPLY_FOR_CONFIRMATION')?.subject === 'civil-rights',
  },
  confirmationCourtCompetent: {
    reads: 'event',
    rule: 'R-L6',
    message: '应向委派调解的人民法院申请；非委派案件向调解组织所在地的基层人民法院申请',
    test: (c, e) => {
      const court = unitNamed(e, as(e, 'APPLY_FOR_CONFIRMATION')?.courtUnitCode);
      if (court?.kind !== 'CT' || court.tier !== 'county') return false;
      if (c.courtReferral) return court.code === c.courtReferral.court.code;
      return court.divisionCode === c.handlingUnit.divisionCode.slice(0, 6);
    },
  },
  confirmationNotExtended: {
    reads: 'context',
    rule: 'R-L6',
    message: '司法确认审查期限只能延长一次',
    test: (c) => !c.judicialConfirmation?.extension,
  },
  confirmationWindowClock: {
    reads: 'event',
    rule: 'R-L6',
    message: '不是司法确认申请期限',
    test: (_c, e) => as(e, 'CLOCK_EXPIRED')?.clock === 'confirmation-window',
  },
  confirmationClock: {
    reads: 'event',
    rule: 'R-L6',
    message: '不是司法确认的期限',
    test: (_c, e) => ['confirmation-acceptance', 'confirmation-ruling'].includes(as(e, 'CLOCK_EXPIRED')?.clock ?? ''),
  },
} satisfies Record<string, Rule>;

/** R-V1 exclusions, judged on what the petition office recorded when it registered the petition. */
export function petitionExclusion(nature: { administrative: boolean; courtProceedingsPending: boolean }) {
  if (nature.administrative) {
    return { rule: 'R-V1', message: '单纯的行政争议不属于访调对接范围，应依法通过行政复议、行政诉讼等途径解决' };
  }
  if (nature.courtProceedingsPending) {
    return { rule: 'R-V1', message: '涉法涉诉信访事项仍在诉讼程序中，不属于访调对接范围' };
  }
  return null;
}
