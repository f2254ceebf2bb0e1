// What the inbox routes answer (R-D3), described for OpenAPI.
import { ApiProperty } from '@nestjs/swagger';
import { UnitNameResponse } from '../../common/http/api-shapes';

export class InboxMessageResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'deadline-reminder' }) kind!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) caseId!: string | null;
  @ApiProperty({ example: '期限提醒：案件(2026)莲池五四司调字第1号的调解期限将于2026年12月2日届满' }) subject!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) readAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: '第一位阅读者' }) readBy!: string | null;
}

export class InboxResponse {
  @ApiProperty({ type: UnitNameResponse }) unit!: UnitNameResponse;
  @ApiProperty({ type: [InboxMessageResponse] }) items!: InboxMessageResponse[];
  @ApiProperty() total!: number;
  @ApiProperty({ description: '未读条数' }) unread!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
