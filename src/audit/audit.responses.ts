// What the audit routes answer (三员分立: the audit administrator's), described for OpenAPI.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ActorResponse, freeForm } from '../common/http/api-shapes';

class AuditTargetResponse {
  @ApiProperty({ example: 'case' }) type!: string;
  @ApiProperty({ nullable: true, type: String }) id!: string | null;
}

class AuditRecordResponse {
  @ApiProperty({ description: '链上序号' }) seq!: number;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: ActorResponse }) actor!: ActorResponse;
  @ApiProperty({ example: 'case.transition' }) action!: string;
  @ApiProperty({ type: AuditTargetResponse }) target!: AuditTargetResponse;
  @ApiProperty(freeForm('操作的细节')) detail!: Record<string, unknown> | null;
  @ApiProperty({ description: '本记录的哈希（含前一记录的哈希）' }) hash!: string;
}

export class AuditPageResponse {
  @ApiProperty({ type: [AuditRecordResponse] }) items!: AuditRecordResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

class BrokenLinkResponse {
  @ApiProperty() seq!: number;
  @ApiProperty({ example: '记录内容与其哈希不符（记录被修改）' }) reason!: string;
}

export class AuditVerifyResponse {
  @ApiProperty({ description: '核对的记录数' }) records!: number;
  @ApiProperty({ description: '哈希链完整' }) intact!: boolean;
  @ApiPropertyOptional({ type: BrokenLinkResponse, description: '第一处断裂（不完整时）' }) firstBroken?: BrokenLinkResponse;
}
