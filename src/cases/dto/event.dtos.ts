// One DTO per statechart event (workflows/case/types.ts). The body's `type` picks the class;
// unknown fields are refused. The engine adds actor, time and resolved units.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CaseEventType } from '../../../workflows/case';
import { riskLevels } from '../catalog/sources';
import { Bool, OneOf, Optional, Pattern, Required, RequiredIf, Text, TextList, CalendarDate } from '../../common/validation/zh';

const unitCodePattern = Pattern(/^\d{6}(\d{3})?(\d{3})?-[a-z]{2}(-[a-z]+)?$/, '单位代码格式不正确，例如 130606002-jo');

abstract class EventDto {
  abstract type: CaseEventType;
}

const typed = (type: CaseEventType) => [ApiProperty({ enum: [type] }), Required(), OneOf([type])];
const apply = (decorators: PropertyDecorator[]): PropertyDecorator => (t, k) => decorators.forEach((d) => d(t, k));

export class RecordConsentDto extends EventDto {
  @apply(typed('RECORD_CONSENT')) type!: 'RECORD_CONSENT';
  @ApiProperty() @Required() @Text(1, 36) partyId!: string;
  @ApiProperty({ enum: ['given', 'refused'] }) @Required() @OneOf(['given', 'refused'], { given: '同意', refused: '拒绝' }) consent!: 'given' | 'refused';
}
export class NotifyRightsDto extends EventDto {
  @apply(typed('NOTIFY_RIGHTS')) type!: 'NOTIFY_RIGHTS';
}
export class StartMediationDto extends EventDto {
  @apply(typed('START_MEDIATION')) type!: 'START_MEDIATION';
}
export class LogSessionDto extends EventDto {
  @apply(typed('LOG_SESSION')) type!: 'LOG_SESSION';
  @ApiProperty() @Required() @Text(1, 5000) summary!: string;
}
export class EscalateDto extends EventDto {
  @apply(typed('ESCALATE')) type!: 'ESCALATE';
  @ApiProperty({ example: '130606002-mc' }) @Required() @unitCodePattern targetUnitCode!: string;
  @ApiProperty() @Required() @Text(1, 500) reason!: string;
}
export class ExtendDto extends EventDto {
  @apply(typed('EXTEND')) type!: 'EXTEND';
  @ApiProperty({ type: [String], description: '同意延期的当事人' }) @TextList(1, 50) consentingPartyIds!: string[];
}
export class ReachAgreementDto extends EventDto {
  @apply(typed('REACH_AGREEMENT')) type!: 'REACH_AGREEMENT';
  @ApiProperty({ enum: ['written', 'oral'] }) @Required() @OneOf(['written', 'oral'], { written: '书面', oral: '口头' }) form!: 'written' | 'oral';
  @ApiProperty({ description: '协议内容' }) @Required() @Text(1, 10000) terms!: string;
  @ApiProperty({ description: '履行方式' }) @Required() @Text(1, 500) performanceMethod!: string;
  @ApiPropertyOptional() @Optional() @Text(1, 200) performancePlace?: string;
  @ApiPropertyOptional() @Optional() @CalendarDate() performanceDeadline?: string;
  @ApiPropertyOptional({ description: '协议涉及金额（元）' })
  @Optional()
  @Pattern(/^\d{1,13}(\.\d{1,2})?$/, '金额应为非负数，最多两位小数（单位：元）')
  amount?: string;
  @ApiProperty({ description: '协议是否设立民事权利义务' }) @Required() @Bool() createsObligations!: boolean;
  @ApiProperty({ description: '当事人是否要求书面协议' }) @Required() @Bool() writtenRequested!: boolean;
}
export class SignAgreementDto extends EventDto {
  @apply(typed('SIGN_AGREEMENT')) type!: 'SIGN_AGREEMENT';
  @ApiProperty({ description: '当事人 id，或 mediator（调解员）' }) @Required() @Text(1, 36) signer!: string;
}
export class SealAgreementDto extends EventDto {
  @apply(typed('SEAL_AGREEMENT')) type!: 'SEAL_AGREEMENT';
}
export class DeclareFailedDto extends EventDto {
  @apply(typed('DECLARE_FAILED')) type!: 'DECLARE_FAILED';
  @ApiPropertyOptional() @Optional() @Text(1, 2000) note?: string;
}
export class TerminateDto extends EventDto {
  @apply(typed('TERMINATE')) type!: 'TERMINATE';
  @ApiPropertyOptional({ description: '要求终止的当事人' }) @Optional() @Text(1, 36) partyId?: string;
  @ApiPropertyOptional() @Optional() @Text(1, 2000) note?: string;
}
export class RecordFollowUpDto extends EventDto {
  @apply(typed('RECORD_FOLLOW_UP')) type!: 'RECORD_FOLLOW_UP';
  @ApiProperty({ enum: ['performed', 'partial', 'not-performed'] })
  @Required()
  @OneOf(['performed', 'partial', 'not-performed'], { performed: '已履行', partial: '部分履行', 'not-performed': '未履行' })
  performance!: 'performed' | 'partial' | 'not-performed';
  @ApiProperty() @Required() @Text(1, 2000) note!: string;
}
export class CloseDto extends EventDto {
  @apply(typed('CLOSE')) type!: 'CLOSE';
}
export class ReferToJusticeOfficeDto extends EventDto {
  @apply(typed('REFER_TO_JUSTICE_OFFICE')) type!: 'REFER_TO_JUSTICE_OFFICE';
  @ApiProperty({ example: '130606002-jo' }) @Required() @unitCodePattern targetUnitCode!: string;
  @ApiProperty({ enum: ['out-of-scope', 'failed'] })
  @Required()
  @OneOf(['out-of-scope', 'failed'], { 'out-of-scope': '不属于人民调解受理范围', failed: '调解不成' })
  reason!: 'out-of-scope' | 'failed';
  @ApiPropertyOptional() @Optional() @Text(1, 2000) note?: string;
}
export class ReturnToCommitteeDto extends EventDto {
  @apply(typed('RETURN_TO_COMMITTEE')) type!: 'RETURN_TO_COMMITTEE';
  @ApiProperty() @Required() @unitCodePattern targetUnitCode!: string;
  @ApiProperty() @Required() @Text(1, 2000) note!: string;
}
export class IssueGuidanceDto extends EventDto {
  @apply(typed('ISSUE_GUIDANCE')) type!: 'ISSUE_GUIDANCE';
  @ApiProperty({ enum: ['administrative', 'judicial', 'litigation', 'arbitration', 'legal-aid'] })
  @Required()
  @OneOf(['administrative', 'judicial', 'litigation', 'arbitration', 'legal-aid'], {
    administrative: '行政调解',
    judicial: '司法调解',
    litigation: '诉讼',
    arbitration: '仲裁',
    'legal-aid': '法律援助',
  })
  route!: 'administrative' | 'judicial' | 'litigation' | 'arbitration' | 'legal-aid';
  @ApiPropertyOptional({ description: '接收单位（行政机关或人民法院）' }) @Optional() @unitCodePattern targetUnitCode?: string;
  @ApiPropertyOptional() @Optional() @Text(1, 2000) note?: string;
}
export class AcknowledgeDto extends EventDto {
  @apply(typed('ACKNOWLEDGE')) type!: 'ACKNOWLEDGE';
}
export class ReturnGuidanceDto extends EventDto {
  @apply(typed('RETURN_GUIDANCE')) type!: 'RETURN_GUIDANCE';
  @ApiProperty({ description: '退回理由' }) @Required() @Text(1, 2000) note!: string;
}
export class RecordMediationStatementDto extends EventDto {
  @apply(typed('RECORD_MEDIATION_STATEMENT')) type!: 'RECORD_MEDIATION_STATEMENT';
  @ApiProperty({ description: '调解书文号' }) @Required() @Text(1, 64) documentNo!: string;
}
export class RecordJudgmentDto extends EventDto {
  @apply(typed('RECORD_JUDGMENT')) type!: 'RECORD_JUDGMENT';
  @ApiProperty({ description: '判决书文号' }) @Required() @Text(1, 64) documentNo!: string;
}

// ---- court referral, petition referral, judicial confirmation (domain §7–§8) -----------------

export class DeferFilingDto extends EventDto {
  @apply(typed('DEFER_FILING')) type!: 'DEFER_FILING';
}
export class HandOverDto extends EventDto {
  @apply(typed('HAND_OVER')) type!: 'HAND_OVER';
  @ApiProperty({ example: '130606002-jo', description: '接收委派的司法所' }) @Required() @unitCodePattern targetUnitCode!: string;
  @ApiProperty({ enum: ['residence', 'dispute-place'], description: '依据：当事人住所地或纠纷发生地（R-L2）' })
  @Required()
  @OneOf(['residence', 'dispute-place'], { residence: '当事人住所地', 'dispute-place': '纠纷发生地' })
  basis!: 'residence' | 'dispute-place';
  @ApiPropertyOptional({ description: '依据住所地时，住在该地的当事人' })
  @RequiredIf((o: HandOverDto) => o.basis === 'residence')
  @Required()
  @Text(1, 36)
  partyId?: string;
}
export class ReviewFilingDto extends EventDto {
  @apply(typed('REVIEW_FILING')) type!: 'REVIEW_FILING';
  @ApiPropertyOptional() @Optional() @Text(1, 2000) note?: string;
}
export class RegisterFilingDto extends EventDto {
  @apply(typed('REGISTER_FILING')) type!: 'REGISTER_FILING';
  @ApiPropertyOptional() @Optional() @Text(1, 2000) note?: string;
}
export class RejectFilingDto extends EventDto {
  @apply(typed('REJECT_FILING')) type!: 'REJECT_FILING';
  @ApiProperty({ description: '不予立案的理由' }) @Required() @Text(1, 2000) note!: string;
}
export class ReferForMediationDto extends EventDto {
  @apply(typed('REFER_FOR_MEDIATION')) type!: 'REFER_FOR_MEDIATION';
  @ApiProperty({ example: '130606002-jo', description: '接收移交的司法所' }) @Required() @unitCodePattern targetUnitCode!: string;
}
export class AssignLawyerDto extends EventDto {
  @apply(typed('ASSIGN_LAWYER')) type!: 'ASSIGN_LAWYER';
  @ApiProperty({ example: '130606-lf', description: '律师事务所' }) @Required() @unitCodePattern lawyerUnitCode!: string;
  @ApiProperty({ example: '王律师' }) @Required() @Text(1, 60) lawyerName!: string;
  @ApiProperty({ enum: ['reception', 'advice', 'agent'] })
  @Required()
  @OneOf(['reception', 'advice', 'agent'], { reception: '参与接访', advice: '提供法律咨询', agent: '担任代理人' })
  role!: 'reception' | 'advice' | 'agent';
}
export class RecordLegalOpinionDto extends EventDto {
  @apply(typed('RECORD_LEGAL_OPINION')) type!: 'RECORD_LEGAL_OPINION';
  @ApiProperty({ description: '法律意见' }) @Required() @Text(1, 10000) opinion!: string;
  @ApiProperty({ description: '是否符合法律援助条件' }) @Required() @Bool() legalAidEligible!: boolean;
  @ApiPropertyOptional() @Optional() @Text(1, 2000) legalAidNote?: string;
}
export class AcceptReferralDto extends EventDto {
  @apply(typed('ACCEPT_REFERRAL')) type!: 'ACCEPT_REFERRAL';
  @ApiPropertyOptional({ description: '指派调解的本乡镇(街道)调委会；不填则由司法所自行调解' })
  @Optional()
  @unitCodePattern
  targetUnitCode?: string;
}
export class ReturnReferralDto extends EventDto {
  @apply(typed('RETURN_REFERRAL')) type!: 'RETURN_REFERRAL';
  @ApiProperty({ description: '退回理由' }) @Required() @Text(1, 2000) note!: string;
}
export class ReportCourtResultDto extends EventDto {
  @apply(typed('REPORT_COURT_RESULT')) type!: 'REPORT_COURT_RESULT';
  @ApiPropertyOptional() @Optional() @Text(1, 2000) note?: string;
}
export class SendPetitionFeedbackDto extends EventDto {
  @apply(typed('SEND_PETITION_FEEDBACK')) type!: 'SEND_PETITION_FEEDBACK';
  @ApiPropertyOptional() @Optional() @Text(1, 2000) note?: string;
}
export class ApplyForConfirmationDto extends EventDto {
  @apply(typed('APPLY_FOR_CONFIRMATION')) type!: 'APPLY_FOR_CONFIRMATION';
  @ApiProperty({ example: '130606-ct', description: '受理司法确认的人民法院' }) @Required() @unitCodePattern courtUnitCode!: string;
  @ApiProperty({ type: [String], description: '共同申请的当事人' }) @TextList(1, 50) applicantPartyIds!: string[];
  @ApiProperty({ enum: ['civil-rights', 'marriage', 'adoption', 'identity'], description: '协议内容涉及的关系（R-L6）' })
  @Required()
  @OneOf(['civil-rights', 'marriage', 'adoption', 'identity'], {
    'civil-rights': '民事权利义务',
    marriage: '婚姻关系',
    adoption: '收养关系',
    identity: '身份关系',
  })
  subject!: 'civil-rights' | 'marriage' | 'adoption' | 'identity';
}
export class AcceptConfirmationDto extends EventDto {
  @apply(typed('ACCEPT_CONFIRMATION')) type!: 'ACCEPT_CONFIRMATION';
  @ApiProperty({ example: '(2026)冀0606民特5号', description: '法院司法确认案号' }) @Required() @Text(1, 64) courtCaseNo!: string;
}
export class RefuseConfirmationDto extends EventDto {
  @apply(typed('REFUSE_CONFIRMATION')) type!: 'REFUSE_CONFIRMATION';
  @ApiProperty({ description: '不予受理的理由' }) @Required() @Text(1, 2000) reason!: string;
}
export class ExtendConfirmationDto extends EventDto {
  @apply(typed('EXTEND_CONFIRMATION')) type!: 'EXTEND_CONFIRMATION';
  @ApiProperty({ description: '批准延长的院长' }) @Required() @Text(1, 60) approvedBy!: string;
}
export class RuleOnConfirmationDto extends EventDto {
  @apply(typed('RULE_ON_CONFIRMATION')) type!: 'RULE_ON_CONFIRMATION';
  @ApiProperty({ description: '是否确认调解协议有效' }) @Required() @Bool() confirmed!: boolean;
  @ApiProperty({ example: '(2026)冀0606民特5号', description: '裁定书文号' }) @Required() @Text(1, 64) rulingNo!: string;
  @ApiPropertyOptional({ description: '不予确认的理由' }) @Optional() @Text(1, 2000) reason?: string;
}
export class AssessRiskDto extends EventDto {
  @apply(typed('ASSESS_RISK')) type!: 'ASSESS_RISK';
  @ApiProperty({ enum: Object.keys(riskLevels), description: '新的风险等级；升为红色即时报告（R-V4）' })
  @Required()
  @OneOf(Object.keys(riskLevels), riskLevels)
  riskLevel!: 'red' | 'orange' | 'yellow' | 'blue';
  @ApiProperty({ description: '重新评估的理由（事态变化、新情况）' }) @Required() @Text(1, 2000) reason!: string;
}

/** Events a user may send over HTTP (CLOCK_EXPIRED is the sweeper's alone). */
export const eventDtos: Partial<Record<CaseEventType, new () => EventDto>> = {
  RECORD_CONSENT: RecordConsentDto,
  NOTIFY_RIGHTS: NotifyRightsDto,
  START_MEDIATION: StartMediationDto,
  LOG_SESSION: LogSessionDto,
  ESCALATE: EscalateDto,
  EXTEND: ExtendDto,
  REACH_AGREEMENT: ReachAgreementDto,
  SIGN_AGREEMENT: SignAgreementDto,
  SEAL_AGREEMENT: SealAgreementDto,
  DECLARE_FAILED: DeclareFailedDto,
  TERMINATE: TerminateDto,
  RECORD_FOLLOW_UP: RecordFollowUpDto,
  CLOSE: CloseDto,
  REFER_TO_JUSTICE_OFFICE: ReferToJusticeOfficeDto,
  RETURN_TO_COMMITTEE: ReturnToCommitteeDto,
  ISSUE_GUIDANCE: IssueGuidanceDto,
  ACKNOWLEDGE: AcknowledgeDto,
  RETURN_GUIDANCE: ReturnGuidanceDto,
  RECORD_MEDIATION_STATEMENT: RecordMediationStatementDto,
  RECORD_JUDGMENT: RecordJudgmentDto,
  DEFER_FILING: DeferFilingDto,
  HAND_OVER: HandOverDto,
  REVIEW_FILING: ReviewFilingDto,
  REGISTER_FILING: RegisterFilingDto,
  REJECT_FILING: RejectFilingDto,
  REFER_FOR_MEDIATION: ReferForMediationDto,
  ASSIGN_LAWYER: AssignLawyerDto,
  RECORD_LEGAL_OPINION: RecordLegalOpinionDto,
  ACCEPT_REFERRAL: AcceptReferralDto,
  RETURN_REFERRAL: ReturnReferralDto,
  REPORT_COURT_RESULT: ReportCourtResultDto,
  SEND_PETITION_FEEDBACK: SendPetitionFeedbackDto,
  APPLY_FOR_CONFIRMATION: ApplyForConfirmationDto,
  ACCEPT_CONFIRMATION: AcceptConfirmationDto,
  REFUSE_CONFIRMATION: RefuseConfirmationDto,
  EXTEND_CONFIRMATION: ExtendConfirmationDto,
  RULE_ON_CONFIRMATION: RuleOnConfirmationDto,
  ASSESS_RISK: AssessRiskDto,
};
