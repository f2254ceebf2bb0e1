import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Optional, Pattern, Required, Text } from '../common/validation/zh';

export class LoginDto {
  @ApiProperty({ example: '130606002-jo' }) @Required() @Text(1, 64) username!: string;
  @ApiProperty({ example: 'sandiao-demo' }) @Required() @Text(1, 128) password!: string;
  @ApiPropertyOptional({ description: '已启用二次验证的账号须提供 6 位动态验证码' })
  @Optional()
  @Pattern(/^\d{6}$/, '动态验证码为 6 位数字')
  totp?: string;
}

export class RefreshDto {
  @ApiProperty() @Required() @Text(16, 128) refreshToken!: string;
}

export class ChangePasswordDto {
  @ApiProperty() @Required() @Text(1, 128) currentPassword!: string;
  @ApiProperty({ description: '至少 12 位，含大写、小写、数字、符号中的三类' }) @Required() @Text(1, 128) newPassword!: string;
}

export class TotpCodeDto {
  @ApiProperty() @Required() @Pattern(/^\d{6}$/, '动态验证码为 6 位数字') code!: string;
}
