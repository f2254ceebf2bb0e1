import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsArray } from 'class-validator';
import { EachOneOf, Instant, Integer, Nested, OneOf, Optional, Pattern, Required, Text } from '../../common/validation/zh';
import { analysisDimensions } from '../analysis';

const month = /^\d{4}-(0[1-9]|1[0-2])$/;

export class ReopenDto {
  @ApiProperty({ description: '退回理由（R-T4，留痕）', example: '调解成功数与台账不符，请核对后重报' })
  @Required()
  @Text(2, 500)
  reason!: string;
}

export class ReportQuery {
  @ApiPropertyOptional({ description: '按此时点重算（ISO 8601），即截至该时刻记录的数据' })
  @Optional()
  @Instant()
  asOf?: string;
}

export class AnalysisQuery {
  @ApiProperty({ description: '分析范围的单位（本单位或下级）', example: '130606-jb' }) @Required() @Text(1, 40) unit!: string;
  @ApiProperty({ example: '2026-01' }) @Required() @Pattern(month, '月份格式应为 YYYY-MM') from!: string;
  @ApiProperty({ example: '2026-10' }) @Required() @Pattern(month, '月份格式应为 YYYY-MM') to!: string;

  @ApiPropertyOptional({ enum: ['mediated', 'concluded'], description: 'mediated 按受理月，concluded 按办结月（R-T2）' })
  @Optional()
  @OneOf(['mediated', 'concluded'], { mediated: '调解纠纷数', concluded: '办结数' })
  measure?: 'mediated' | 'concluded';

  @ApiPropertyOptional({ description: `分组维度，逗号分隔：${analysisDimensions.join(',')}`, example: 'month,disputeType' })
  @Optional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value))
  @IsArray({ message: '分组维度应为逗号分隔的列表' })
  @EachOneOf(analysisDimensions)
  groupBy?: (typeof analysisDimensions)[number][];

  @ApiPropertyOptional({ enum: ['county', 'township', 'village'] }) @Optional() @OneOf(['county', 'township', 'village']) tier?: 'county' | 'township' | 'village';
  @ApiPropertyOptional() @Optional() @Text(1, 40) disputeType?: string;
  @ApiPropertyOptional() @Optional() @Text(1, 40) source?: string;
  @ApiPropertyOptional({ enum: ['peoples', 'administrative', 'judicial'] }) @Optional() @OneOf(['peoples', 'administrative', 'judicial']) track?: string;
  @ApiPropertyOptional({ description: '结果：success/failure/handover 或具体结果（agreement、expired…）' }) @Optional() @Text(1, 40) outcome?: string;
}

export class DueDaysDto {
  @ApiProperty({ example: 3 }) @Required() @Type(() => Number) @Integer(1, 28) village!: number;
  @ApiProperty({ example: 5 }) @Required() @Type(() => Number) @Integer(1, 28) township!: number;
  @ApiProperty({ example: 8 }) @Required() @Type(() => Number) @Integer(1, 28) county!: number;
  @ApiProperty({ example: 10 }) @Required() @Type(() => Number) @Integer(1, 28) city!: number;
}

export class SettingsDto {
  @ApiProperty({ type: DueDaysDto, description: '各层级报送截止日（次月几日，R-T4）' }) @Required() @Nested(() => DueDaysDto) dueDays!: DueDaysDto;
}
