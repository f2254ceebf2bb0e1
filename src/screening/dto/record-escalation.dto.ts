import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CalendarDate, Optional, Required, Text } from '../../common/validation/zh';

/** 民转刑登记: a mediated dispute that later became a criminal case (R-T5). */
export class RecordEscalationDto {
  @ApiProperty({ example: '2026-11-20', description: '发生日期（北京时间），计入该月的预防效果评分' }) @Required() @CalendarDate() occurredOn!: string;
  @ApiPropertyOptional({ example: '保公莲刑字〔2026〕123号', description: '公安机关立案编号' }) @Optional() @Text(1, 64) policeCaseNo?: string;
  @ApiProperty({ description: '简要经过' }) @Required() @Text(1, 2000) description!: string;
}
