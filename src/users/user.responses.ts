// What the account administration routes answer, described for OpenAPI.
import { ApiProperty } from '@nestjs/swagger';

export class UserResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '130606002-jo' }) username!: string;
  @ApiProperty({ example: '五四路街道司法所' }) displayName!: string;
  @ApiProperty({ example: '130606002-jo' }) unitCode!: string;
  @ApiProperty({ type: [String], example: ['justice-officer'] }) roles!: string[];
  @ApiProperty() disabled!: boolean;
  @ApiProperty({ description: '因连续登录失败暂时锁定' }) locked!: boolean;
  @ApiProperty() totpEnabled!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}
