import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { CalendarDate, Integer, OneOf, Required } from '../../common/validation/zh';

/** A period to count (R-D4) without starting a clock: what a due date would be, and why. */
export class PeriodQuery {
  @ApiProperty({ description: '起算日（当日不计入）', example: '2026-02-10' }) @Required() @CalendarDate() from!: string;
  @ApiProperty({ example: 30 }) @Required() @Type(() => Number) @Integer(1, 3660) days!: number;

  @ApiProperty({ enum: ['calendar', 'working'] })
  @Required()
  @OneOf(['calendar', 'working'], { calendar: '自然日', working: '工作日' })
  dayKind!: 'calendar' | 'working';
}
