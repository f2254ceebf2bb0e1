import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { CalendarDate, Integer, Optional, Text } from '../common/validation/zh';

export class AuditQuery {
  @ApiPropertyOptional() @Optional() @Text(1, 64) actor?: string;
  @ApiPropertyOptional({ description: '如 case.ISSUE_GUIDANCE、case.reveal-personal-data、auth.login-failed' }) @Optional() @Text(1, 64) action?: string;
  @ApiPropertyOptional() @Optional() @Text(1, 64) targetId?: string;
  @ApiPropertyOptional() @Optional() @CalendarDate() from?: string;
  @ApiPropertyOptional() @Optional() @CalendarDate() to?: string;
  @ApiPropertyOptional({ default: 1 }) @Optional() @Type(() => Number) @Integer(1, 1_000_000) page?: number;
  @ApiPropertyOptional({ default: 50 }) @Optional() @Type(() => Number) @Integer(1, 500) pageSize?: number;
}
