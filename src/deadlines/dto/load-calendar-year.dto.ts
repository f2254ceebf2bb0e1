import { ApiProperty } from '@nestjs/swagger';
import { CalendarDate, Integer, NestedList, OneOf, Required, Text } from '../../common/validation/zh';

export class CalendarDayDto {
  @ApiProperty({ example: '2027-02-06' }) @Required() @CalendarDate() date!: string;

  @ApiProperty({ enum: ['holiday', 'workday'], description: 'holiday 法定节假日（放假）；workday 调休上班日' })
  @Required()
  @OneOf(['holiday', 'workday'], { holiday: '法定节假日', workday: '调休上班日' })
  kind!: 'holiday' | 'workday';

  @ApiProperty({ example: '春节' }) @Required() @Text(1, 20) name!: string;
}

/** One year's State Council holiday notice (R-D2), entered by a system administrator. */
export class LoadCalendarYearDto {
  @ApiProperty({ example: 2027 }) @Required() @Integer(2000, 2100) year!: number;

  @ApiProperty({ example: '国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕×号）' })
  @Required()
  @Text(2, 200)
  source!: string;

  @ApiProperty({ type: [CalendarDayDto], description: '放假日与调休上班日；其余日期按周一至周五上班、周六周日休息' })
  @Required()
  @NestedList(() => CalendarDayDto, 1, 80)
  days!: CalendarDayDto[];
}
