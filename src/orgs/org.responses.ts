// What GET /api/orgs/tree answers, described for OpenAPI.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

class OrgUnitResponse {
  @ApiProperty({ example: '130606002-jo' }) code!: string;
  @ApiProperty({ example: '五四路街道司法所' }) name!: string;
  @ApiProperty({ example: 'JO', description: 'MC 调委会、JO 司法所、JB 司法局、CT 法院、PO 信访部门、AG 行政机关、CG 综治中心' }) kind!: string;
  @ApiProperty({ enum: ['village', 'township', 'county', 'city'] }) tier!: string;
  @ApiProperty({ example: '130606002' }) divisionCode!: string;
}

export class OrgNodeResponse {
  @ApiProperty({ example: '130606' }) code!: string;
  @ApiProperty({ example: '莲池区' }) name!: string;
  @ApiProperty({ enum: ['village', 'township', 'county', 'city'] }) level!: string;
  @ApiProperty({ type: [OrgUnitResponse] }) units!: OrgUnitResponse[];
  @ApiPropertyOptional({ type: () => [OrgNodeResponse], description: '下级区划（depth 以内）' }) children?: OrgNodeResponse[];
}
