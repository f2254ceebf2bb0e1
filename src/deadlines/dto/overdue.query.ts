import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { Integer, Optional, Text } from '../../common/validation/zh';

export class OverdueQuery {
  @ApiPropertyOptional({ description: '单位代码（本单位或下级单位；缺省为本单位）', example: '130606-jb' })
  @Optional()
  @Text(1, 40)
  unit?: string;

  @ApiPropertyOptional({ default: 1 }) @Optional() @Type(() => Number) @Integer(1, 100_000) page?: number;
  @ApiPropertyOptional({ default: 50 }) @Optional() @Type(() => Number) @Integer(1, 200) pageSize?: number;
}
