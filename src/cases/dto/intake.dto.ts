import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  Bool,
  CalendarDate,
  Instant,
  Integer,
  Nested,
  NestedList,
  OneOf,
  Optional,
  Pattern,
  Required,
  RequiredIf,
  Text,
} from '../../common/validation/zh';
import { currentDisputeTypeCodes } from '../catalog/dispute-types';
import { caseSources, hotlineSources, riskLevels } from '../catalog/sources';
import { IsCreditCode, IsIdNumber, IsPhone } from '../identity/identity.validators';
import { preventionKinds } from '../prevention-flag.entity';

const isPerson = (o: PartyDto) => o.kind === 'person';
const isOrganisation = (o: PartyDto) => o.kind === 'organisation';

export class AgentDto {
  @ApiProperty() @Required() @Text(1, 60) name!: string;
  @ApiPropertyOptional() @Optional() @IsIdNumber() idNumber?: string;
  @ApiPropertyOptional() @Optional() @IsPhone() phone?: string;
  @ApiProperty({ description: '代理权限（一般代理/特别授权及范围）' }) @Required() @Text(1, 200) scope!: string;
}

export class PartyDto {
  @ApiProperty({ enum: ['applicant', 'respondent', 'third-party'] })
  @Required()
  @OneOf(['applicant', 'respondent', 'third-party'], { applicant: '申请人', respondent: '被申请人', 'third-party': '第三人' })
  role!: 'applicant' | 'respondent' | 'third-party';

  @ApiProperty({ enum: ['person', 'organisation'] })
  @Required()
  @OneOf(['person', 'organisation'], { person: '自然人', organisation: '法人或其他组织' })
  kind!: 'person' | 'organisation';

  @ApiProperty({ example: '张三' }) @Required() @Text(1, 60) name!: string;

  @ApiPropertyOptional({ enum: ['male', 'female'] })
  @RequiredIf(isPerson)
  @Required()
  @OneOf(['male', 'female'], { male: '男', female: '女' })
  gender?: 'male' | 'female';

  @ApiPropertyOptional({ example: '汉族' }) @Optional() @Text(1, 16) ethnicity?: string;
  @ApiPropertyOptional({ example: '1990-03-07' }) @Optional() @CalendarDate() birthDate?: string;
  @ApiPropertyOptional({ description: '居民身份证号码（R-C1 校验）' }) @Optional() @IsIdNumber() idNumber?: string;
  @ApiPropertyOptional() @Optional() @IsPhone() phone?: string;
  @ApiPropertyOptional() @Optional() @Text(1, 200) address?: string;

  @ApiPropertyOptional({ description: '统一社会信用代码（GB 32100 校验）' })
  @RequiredIf(isOrganisation)
  @Required()
  @IsCreditCode()
  creditCode?: string;

  @ApiPropertyOptional() @RequiredIf(isOrganisation) @Required() @Text(1, 60) legalRepresentative?: string;

  @ApiPropertyOptional({ type: AgentDto }) @Optional() @Nested(() => AgentDto) agent?: AgentDto;
}

export class PreventionFlagDto {
  @ApiProperty({ enum: Object.keys(preventionKinds) })
  @Required()
  @OneOf(Object.keys(preventionKinds), preventionKinds)
  kind!: keyof typeof preventionKinds;

  @ApiProperty({ description: '涉及人数' }) @Required() @Integer(1, 100_000) people!: number;
}

export class PriorAcceptanceDto {
  @ApiProperty({ enum: ['court', 'police', 'administrative'] })
  @Required()
  @OneOf(['court', 'police', 'administrative'], { court: '人民法院', police: '公安机关', administrative: '行政机关' })
  organ!: 'court' | 'police' | 'administrative';

  @ApiProperty({ description: '是否由该机关移送（委派）本委员会调解' }) @Required() @Bool() referred!: boolean;
}

/** 受理登记: registering a dispute (R-P1). The accepting unit is the caller's own. */
export class IntakeDto {
  @ApiProperty({ type: [PartyDto] }) @NestedList(() => PartyDto, 2, 50) parties!: PartyDto[];

  @ApiProperty({ enum: currentDisputeTypeCodes }) @Required() @OneOf(currentDisputeTypeCodes) disputeType!: string;
  @ApiPropertyOptional({ description: '劳动争议、消费纠纷的细类' }) @Optional() @Text(1, 32) disputeSubtype?: string;

  @ApiProperty({ enum: Object.keys(caseSources) })
  @Required()
  @OneOf(Object.keys(caseSources), caseSources)
  source!: keyof typeof caseSources;

  @ApiPropertyOptional({ description: '12345/12348 热线工单号（热线来源必填，R-C2）' })
  @RequiredIf((o: IntakeDto) => hotlineSources.includes(o.source))
  @Required()
  @Pattern(/^[A-Za-z0-9-]{4,40}$/, '工单号应为 4–40 位字母、数字或连字符')
  workOrderNo?: string;

  @ApiProperty({ enum: Object.keys(riskLevels) }) @Required() @OneOf(Object.keys(riskLevels), riskLevels) riskLevel!: string;

  @ApiPropertyOptional({ type: [PreventionFlagDto] }) @Optional() @NestedList(() => PreventionFlagDto, 0, 4) preventionFlags?: PreventionFlagDto[];

  @ApiPropertyOptional({ description: '涉及金额（元）', example: '12000.50' })
  @Optional()
  @Pattern(/^\d{1,13}(\.\d{1,2})?$/, '金额应为非负数，最多两位小数（单位：元）')
  amountInvolved?: string;

  @ApiProperty({ description: '纠纷简要情况' }) @Required() @Text(5, 5000) summary!: string;
  @ApiPropertyOptional({ description: '纠纷发生地' }) @Optional() @Text(1, 200) place?: string;
  @ApiPropertyOptional({ description: '涉及人数' }) @Optional() @Integer(1, 100_000) peopleInvolved?: number;
  @ApiPropertyOptional({ description: '受理时间（默认当前时间）' }) @Optional() @Instant() acceptedAt?: string;

  @ApiPropertyOptional({ type: PriorAcceptanceDto, description: '已被法院、公安或行政机关受理或处理的情况（R-P2）' })
  @Optional()
  @Nested(() => PriorAcceptanceDto)
  priorAcceptance?: PriorAcceptanceDto;
}
