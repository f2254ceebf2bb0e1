import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { Bool, Integer, Optional } from '../../common/validation/zh';

export class ListInboxQuery {
  @ApiPropertyOptional({ description: '只看未读' })
  @Optional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @Bool()
  unread?: boolean;

  @ApiPropertyOptional({ default: 1 }) @Optional() @Type(() => Number) @Integer(1, 100_000) page?: number;
  @ApiPropertyOptional({ default: 20 }) @Optional() @Type(() => Number) @Integer(1, 100) pageSize?: number;
}
