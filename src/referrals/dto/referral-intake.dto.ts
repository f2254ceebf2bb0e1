// What a basic court records with a filing application (§7) and what a petition office records
// with a petition it means to refer (§8). Parties are validated exactly as at intake (R-C1).
import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Bool, Instant, Nested, NestedList, Optional, Pattern, Required, Text } from '../../common/validation/zh';
import { IntakeDto, PartyDto } from '../../cases/dto/intake.dto';

const divisionCode = Pattern(/^\d{9}(\d{3})?$/, '应为乡镇(街道) 9 位或村(居) 12 位行政区划代码');

/** The facts of the dispute, as at intake; the source is the referrer's and not chosen here. */
class ReferredDisputeDto extends OmitType(IntakeDto, ['parties', 'source', 'workOrderNo', 'priorAcceptance', 'acceptedAt', 'place'] as const) {}

export class CourtPartyDto extends PartyDto {
  @ApiPropertyOptional({ example: '130606002001', description: '住所地行政区划代码，法院据此委派司法所（R-L2）' })
  @Optional()
  @divisionCode
  residenceDivisionCode?: string;
}

/** 立案申请: a basic court's filing application, the start of a court referral (§7). */
export class CourtFilingDto extends ReferredDisputeDto {
  @ApiProperty({ type: [CourtPartyDto] }) @NestedList(() => CourtPartyDto, 2, 50) parties!: CourtPartyDto[];
  @ApiProperty({ description: '诉讼请求' }) @Required() @Text(1, 5000) claims!: string;
  @ApiPropertyOptional({ description: '纠纷发生地' }) @Optional() @Text(1, 200) disputePlace?: string;
  @ApiPropertyOptional({ example: '130606002001', description: '纠纷发生地行政区划代码（R-L2）' })
  @Optional()
  @divisionCode
  disputeDivisionCode?: string;
  @ApiPropertyOptional({ description: '收到立案申请的时间（默认当前时间）' }) @Optional() @Instant() receivedAt?: string;
}

/** R-V1: what decides whether a petition may be referred for mediation at all. */
export class PetitionNatureDto {
  @ApiProperty({ description: '是否属于单纯的行政争议' }) @Required() @Bool() administrative!: boolean;
  @ApiProperty({ description: '是否属于仍在诉讼程序中的涉法涉诉信访事项' }) @Required() @Bool() courtProceedingsPending!: boolean;
}

/** A petition the petition office registers in order to refer it for mediation (§8). */
export class PetitionReferralDto extends ReferredDisputeDto {
  @ApiProperty({ type: [PartyDto] }) @NestedList(() => PartyDto, 2, 50) parties!: PartyDto[];
  @ApiPropertyOptional({ description: '纠纷发生地' }) @Optional() @Text(1, 200) place?: string;
  @ApiPropertyOptional({ description: '信访件编号' }) @Optional() @Text(1, 40) petitionNo?: string;
  @ApiProperty({ type: PetitionNatureDto }) @Nested(() => PetitionNatureDto) nature!: PetitionNatureDto;
  @ApiPropertyOptional({ description: '信访部门登记时间（默认当前时间）' }) @Optional() @Instant() receivedAt?: string;
}
