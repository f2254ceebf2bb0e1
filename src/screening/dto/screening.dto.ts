import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { Bool, Integer, NestedList, OneOf, Optional, Pattern, Required, Text } from '../../common/validation/zh';
import { IntakeDto } from '../../cases/dto/intake.dto';

const periodPattern = Pattern(/^\d{4}-(0[1-9]|1[0-2])$|^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, '期次应为月份 YYYY-MM 或 ISO 周 YYYY-Www');

/** A dispute found by screening: registered like any intake, with the source 主动调解（排查）. */
export class ScreeningFindingDto extends OmitType(IntakeDto, ['source', 'workOrderNo', 'priorAcceptance', 'acceptedAt'] as const) {}

/** R-V4: one screening round; no findings is the zero report 零报告. */
export class ScreeningRoundDto {
  @ApiProperty({ example: '2026-11', description: '期次：按月 YYYY-MM，按周 YYYY-Www（ISO 周）' }) @Required() @periodPattern period!: string;
  @ApiPropertyOptional({ type: [ScreeningFindingDto], description: '排查发现的纠纷（一次最多 50 件，整轮在一个事务中登记）；不填或为空即零报告' })
  @Optional()
  @NestedList(() => ScreeningFindingDto, 0, 50)
  findings?: ScreeningFindingDto[];
  @ApiPropertyOptional({ description: '排查情况说明' }) @Optional() @Text(1, 2000) note?: string;
}

export class ScreeningPeriodQuery {
  @ApiProperty({ example: '2026-11' }) @Required() @periodPattern period!: string;
}

export class ScreeningFrequencyDto {
  @ApiProperty({ enum: ['monthly', 'weekly'] })
  @Required()
  @OneOf(['monthly', 'weekly'], { monthly: '每月', weekly: '每周' })
  frequency!: 'monthly' | 'weekly';
}

export class ListAlertsQuery {
  @ApiPropertyOptional({ description: '只看未结案的' })
  @Optional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @Bool()
  open?: boolean;
  @ApiPropertyOptional({ default: 1 }) @Optional() @Type(() => Number) @Integer(1, 100_000) page?: number;
  @ApiPropertyOptional({ default: 20 }) @Optional() @Type(() => Number) @Integer(1, 100) pageSize?: number;
}
