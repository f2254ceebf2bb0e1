import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Instant, OneOf, Optional, Required, Text } from '../../common/validation/zh';
import type { ServiceMethod } from '../document-service.entity';

export const serviceMethods: Record<ServiceMethod, string> = {
  direct: '直接送达',
  'left-at-residence': '留置送达',
  postal: '邮寄送达',
  electronic: '电子送达',
  entrusted: '委托送达',
  'public-notice': '公告送达',
};

/** 送达 of a document (R-F3): how, when, to whom, and the receipt. */
export class RecordServiceDto {
  @ApiProperty({ enum: Object.keys(serviceMethods), description: '送达方式' })
  @Required()
  @OneOf(Object.keys(serviceMethods), serviceMethods)
  method!: ServiceMethod;

  @ApiProperty({ example: '2026-11-03T10:00:00+08:00', description: '送达时间' }) @Required() @Instant() servedAt!: string;
  @ApiProperty({ example: '王秀兰', description: '受送达人' }) @Required() @Text(1, 120) recipient!: string;
  @ApiPropertyOptional({ description: '送达地址' }) @Optional() @Text(1, 200) address?: string;
  @ApiPropertyOptional({ description: '签收人（受送达人本人或代收人）' }) @Optional() @Text(1, 120) receiptSignedBy?: string;
  @ApiPropertyOptional({ description: '签收时间' }) @Optional() @Instant() receiptSignedAt?: string;
  @ApiPropertyOptional({ description: '回执说明：邮件号、电子送达确认号、拒签情况等' }) @Optional() @Text(1, 500) receiptNote?: string;
}
