// What the screening, alert and 民转刑 routes answer (R-V4, R-T5), described for OpenAPI.
import { ApiProperty } from '@nestjs/swagger';
import { ActorResponse, UnitNameResponse } from '../../common/http/api-shapes';

class FindingResponse {
  @ApiProperty({ format: 'uuid', description: '登记成的案件' }) caseId!: string;
  @ApiProperty() caseNo!: string;
  @ApiProperty({ example: 'neighbour' }) disputeType!: string;
  @ApiProperty({ example: 'red' }) riskLevel!: string;
  @ApiProperty({ description: '民转刑重点类型（domain §3）' }) escalationFocus!: boolean;
}

export class ScreeningRoundResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ type: UnitNameResponse, description: '报送的村(居)调委会' }) unit!: UnitNameResponse;
  @ApiProperty({ example: '2026-11', description: '排查期：月（YYYY-MM）或 ISO 周（YYYY-Www）' }) period!: string;
  @ApiProperty({ enum: ['monthly', 'weekly'] }) frequency!: string;
  @ApiProperty({ format: 'date-time' }) reportedAt!: string;
  @ApiProperty() reportedBy!: string;
  @ApiProperty() disputesFound!: number;
  @ApiProperty({ description: '零报告：本期未发现纠纷' }) zeroReport!: boolean;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ type: [FindingResponse], description: '发现的纠纷（均已登记为案件）' }) findings!: FindingResponse[];
}

export class ScreeningRoundsResponse {
  @ApiProperty() period!: string;
  @ApiProperty({ type: [ScreeningRoundResponse] }) items!: ScreeningRoundResponse[];
}

export class MissingScreeningResponse {
  @ApiProperty() period!: string;
  @ApiProperty({ enum: ['monthly', 'weekly'] }) frequency!: string;
  @ApiProperty({ type: [UnitNameResponse], description: '尚未报送的村(居)调委会' }) items!: UnitNameResponse[];
  @ApiProperty() total!: number;
}

export class ScreeningFrequencyResponse {
  @ApiProperty({ example: '130606002002' }) divisionCode!: string;
  @ApiProperty({ enum: ['monthly', 'weekly'] }) frequency!: string;
  @ApiProperty() updatedBy!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

class RiskRecipientResponse {
  @ApiProperty() unitCode!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ enum: ['township-leadership', 'police'], description: '乡镇（街道）领导或公安机关' }) as!: string;
}

class AlertCaseResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() caseNo!: string;
  @ApiProperty() state!: string;
  @ApiProperty() disputeType!: string;
  @ApiProperty() disputeTypeName!: string;
  @ApiProperty() escalationFocus!: boolean;
  @ApiProperty() riskLevel!: string;
  @ApiProperty({ type: UnitNameResponse }) handlingUnit!: UnitNameResponse;
  @ApiProperty() summary!: string;
}

class AlertResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['red-risk'] }) kind!: string;
  @ApiProperty({ format: 'date-time' }) reportedAt!: string;
  @ApiProperty() reportedBy!: string;
  @ApiProperty({ type: UnitNameResponse, description: '报告的单位' }) unit!: UnitNameResponse;
  @ApiProperty({ type: [RiskRecipientResponse], description: '即时报告的对象（R-V4）' }) recipients!: RiskRecipientResponse[];
  @ApiProperty({ type: AlertCaseResponse }) case!: AlertCaseResponse;
}

export class AlertsResponse {
  @ApiProperty({ type: [AlertResponse] }) items!: AlertResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class CrimeEscalationResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ example: '2026-11-20', description: '转为刑事案件的日期' }) occurredOn!: string;
  @ApiProperty({ nullable: true, type: String, description: '公安机关立案编号' }) policeCaseNo!: string | null;
  @ApiProperty() description!: string;
  @ApiProperty({ type: ActorResponse }) recordedBy!: ActorResponse;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

export class CrimeEscalationsResponse {
  @ApiProperty({ type: [CrimeEscalationResponse] }) items!: CrimeEscalationResponse[];
}
