import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export class OrgTreeQuery {
  @ApiPropertyOptional({ example: '130606' }) @IsOptional() @Matches(/^\d{6}(\d{3})?(\d{3})?$/) root?: string;
  @ApiPropertyOptional({ example: 2 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(3) depth?: number;
}
