// What GET /api/cases… answer, described for OpenAPI (../case-view.ts builds them). Only the shape
// lives here; test/e2e/openapi.e2e-spec.ts checks real answers against it, field by field.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ActorResponse, freeForm, UnitNameResponse } from '../../common/http/api-shapes';
import { riskLevels } from '../catalog/sources';

export class PartyResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ description: '当事人序号（1 起）' }) seq!: number;
  @ApiProperty({ enum: ['applicant', 'respondent', 'third-party'], description: '申请人、被申请人或第三人' }) role!: string;
  @ApiProperty({ enum: ['person', 'organisation'] }) kind!: string;
  @ApiProperty({ example: '张三' }) name!: string;
  @ApiProperty({ nullable: true, type: String }) gender!: string | null;
  @ApiProperty({ nullable: true, type: String }) ethnicity!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '1980-05-01' }) birthDate!: string | null;
  @ApiProperty({ nullable: true, type: String, description: '身份证号码；除承办人员以 reveal=true 查看外均已遮蔽（R-S2）', example: '130602********1234' })
  idNumber!: string | null;
  @ApiProperty({ nullable: true, type: String, description: '电话；遮蔽规则同身份证号码', example: '138****5678' }) phone!: string | null;
  @ApiProperty({ nullable: true, type: String }) address!: string | null;
  @ApiProperty({ nullable: true, type: String, description: '统一社会信用代码（单位当事人）' }) creditCode!: string | null;
  @ApiProperty({ nullable: true, type: String }) legalRepresentative!: string | null;
  @ApiProperty(freeForm('代理人：姓名、证件号码与电话（遮蔽规则同上）等')) agent!: Record<string, unknown> | null;
}

export class SegmentResponse {
  @ApiProperty() seq!: number;
  @ApiProperty({ enum: ['peoples', 'administrative', 'judicial'], description: '人民调解、行政调解或司法调解' }) track!: string;
  @ApiProperty({ type: UnitNameResponse }) unit!: UnitNameResponse;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) endedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'agreement' }) outcome!: string | null;
}

export class DeadlineResponse {
  @ApiProperty({ example: 'peoples-mediation', description: '期限种类（R-D1）' }) kind!: string;
  @ApiProperty({ type: UnitNameResponse, description: '负责的单位' }) unit!: UnitNameResponse;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ format: 'date-time', description: '届满时间（绝对时间，按自然日或工作日计算，R-D2）' }) dueAt!: string;
  @ApiProperty({ enum: ['running', 'fired', 'stopped'] }) status!: string;
  @ApiProperty({ description: '已届满仍在进行（当事人自己的期间不算超期）' }) overdue!: boolean;
  @ApiProperty(freeForm('届满日的计算依据：起算日、天数、自然日或工作日、跳过的节假日与调休、延长与重算（R-D4）')) basis!: Record<string, unknown>;
}

export class PreventionFlagResponse {
  @ApiProperty({ example: 'prevented-crime' }) kind!: string;
  @ApiProperty({ example: '防止民转刑' }) name!: string;
  @ApiProperty() people!: number;
}

/** The fields a list shows (always masked). */
export class CaseSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '(2026)莲池五四调字第1号' }) caseNo!: string;
  @ApiProperty({ example: 'peoples.mediating', description: '状态路径（点分）' }) state!: string;
  @ApiProperty({ example: '人民调解·调解中' }) stateLabel!: string;
  @ApiProperty({ description: '版本号：If-Match 用' }) version!: number;
  @ApiProperty({ example: 'neighbour' }) disputeType!: string;
  @ApiProperty({ example: '邻里纠纷' }) disputeTypeName!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) disputeSubtype?: string | null;
  @ApiProperty({ example: 'party-application' }) source!: string;
  @ApiProperty({ example: '当事人申请' }) sourceName!: string;
  @ApiProperty({ enum: Object.keys(riskLevels), description: '风险等级（R-V4）' }) riskLevel!: string;
  @ApiPropertyOptional({ description: '民转刑重点类型（domain §3）' }) escalationFocus?: boolean;
  @ApiProperty({ type: UnitNameResponse, description: '承办单位' }) handlingUnit!: UnitNameResponse;
  @ApiProperty({ format: 'date-time' }) acceptedAt!: string;
  @ApiProperty({ type: [PartyResponse] }) parties!: PartyResponse[];
}

const mediationOnly = '（法院查看其委派的案件时不含此项，R-L5）';

export class CaseResponse extends CaseSummaryResponse {
  @ApiProperty({ enum: ['active', 'closed'] }) status!: string;
  @ApiProperty({ type: [String], example: ['START_MEDIATION'], description: '调用者此刻可以发送的事件' }) allowedEvents!: string[];
  @ApiPropertyOptional({ type: UnitNameResponse, description: `受理单位${mediationOnly}` }) acceptingUnit?: UnitNameResponse;
  @ApiPropertyOptional({ description: `纠纷类型目录版本${mediationOnly}` }) catalogVersion?: number;
  @ApiPropertyOptional({ nullable: true, type: String, description: `热线工单号（R-C2）${mediationOnly}` }) workOrderNo?: string | null;
  @ApiProperty({ nullable: true, type: String, description: '涉及金额（元，两位小数）', example: '12000.00' }) amountInvolved!: string | null;
  @ApiProperty({ description: '纠纷简要情况' }) summary!: string;
  @ApiProperty({ nullable: true, type: String }) place!: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: `涉及人数${mediationOnly}` }) peopleInvolved?: number | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) concludedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) outcome!: string | null;
  @ApiPropertyOptional({ type: [PreventionFlagResponse], description: `预防效果标记（R-T5）${mediationOnly}` }) preventionFlags?: PreventionFlagResponse[];
  @ApiProperty({ type: [SegmentResponse], description: '各调解渠道的分段（流转历程）' }) segments!: SegmentResponse[];
  @ApiProperty({ type: [DeadlineResponse], description: '期限（法院仅见移交相关的期限）' }) deadlines!: DeadlineResponse[];
  @ApiPropertyOptional(freeForm(`调解过程：同意、权利义务告知、调解记录、延长、协议、回访、失败与告知引导${mediationOnly}`)) mediation?: Record<string, unknown>;
  @ApiProperty(freeForm('诉调对接、访调对接与司法确认的事实（R-L1…R-L6、R-V1…R-V3）')) referral!: Record<string, unknown>;
  @ApiPropertyOptional({ description: '为 true 时：法院看到的是移交视图（R-L5）' }) handOffOnly?: boolean;
}

export class CaseListResponse {
  @ApiProperty({ type: [CaseSummaryResponse] }) items!: CaseSummaryResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class HistoryEntryResponse {
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: ActorResponse }) actor!: ActorResponse;
  @ApiProperty({ example: 'START_MEDIATION' }) event!: string;
  @ApiProperty({ nullable: true, type: String, example: 'peoples.registered' }) from!: string | null;
  @ApiProperty({ example: 'peoples.mediating' }) to!: string;
  @ApiProperty(freeForm('事件所附的数据（如协议形式与金额）')) payload!: Record<string, unknown> | null;
}
