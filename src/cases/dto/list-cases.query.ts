import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { Bool, CalendarDate, Integer, OneOf, Optional, Pattern, Text } from '../../common/validation/zh';
import { riskLevels } from '../catalog/sources';

// court, petition and confirmation: the referral stages of domain §7–§8.
const tracks = ['peoples', 'guidance', 'administrative', 'judicial', 'court', 'petition', 'confirmation', 'closed'];

export class ListCasesQuery {
  @ApiPropertyOptional({ description: '状态（前缀匹配，如 peoples 或 peoples.mediating）' })
  @Optional()
  @Pattern(/^[a-zA-Z.]{1,64}$/, '状态格式不正确')
  state?: string;

  @ApiPropertyOptional({ enum: tracks })
  @Optional()
  @OneOf(tracks)
  track?: string;

  @ApiPropertyOptional() @Optional() @Text(1, 32) disputeType?: string;
  @ApiPropertyOptional({ description: '承办单位代码' }) @Optional() @Text(1, 40) unit?: string;
  @ApiPropertyOptional({ enum: Object.keys(riskLevels) }) @Optional() @OneOf(Object.keys(riskLevels)) risk?: string;

  @ApiPropertyOptional({ description: '只看已超期' })
  @Optional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @Bool()
  overdue?: boolean;

  @ApiPropertyOptional({ name: 'accepted-from', description: '受理日期起（含）' })
  @Optional()
  @CalendarDate()
  'accepted-from'?: string;

  @ApiPropertyOptional({ name: 'accepted-to', description: '受理日期止（含）' })
  @Optional()
  @CalendarDate()
  'accepted-to'?: string;

  @ApiPropertyOptional({ description: '案号、纠纷情况或当事人姓名' }) @Optional() @Text(1, 60) q?: string;

  @ApiPropertyOptional({ default: 1 }) @Optional() @Type(() => Number) @Integer(1, 100_000) page?: number;
  @ApiPropertyOptional({ default: 20 }) @Optional() @Type(() => Number) @Integer(1, 100) pageSize?: number;
}
