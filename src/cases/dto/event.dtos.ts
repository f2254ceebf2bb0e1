// One DTO per statechart event (workflows/case/types.ts). The body's `type` picks the class;
// unknown fields are refused. The engine adds actor, time and resolved units.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CaseEventType } from '../../../workflows/case';
import { Bool, OneOf, Optional, Pattern, Required, Text, TextList, CalendarDate } from '../../common/validation/zh';

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
};
