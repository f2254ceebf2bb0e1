import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Bool, EachOneOf, Optional, Pattern, Required, Text, TextList } from '../common/validation/zh';

export const assignableRoles = [
  'village-mediator',
  'township-mediator',
  'justice-officer',
  'court-clerk',
  'agency-mediator',
  'petition-officer',
  'lawyer',
  'county-statistician',
  'city-bureau',
  'governance-officer',
  'system-admin',
  'security-admin',
  'audit-admin',
] as const;

export class CreateUserDto {
  @ApiProperty() @Required() @Pattern(/^[a-z0-9][a-z0-9._-]{2,63}$/, '用户名为 3–64 位小写字母、数字或 ._-') username!: string;
  @ApiProperty() @Required() @Text(1, 80) displayName!: string;
  @ApiProperty({ example: '130606002-jo' }) @Required() @Text(1, 40) unitCode!: string;
  @ApiProperty({ enum: assignableRoles, isArray: true }) @TextList(1, 3) @EachOneOf(assignableRoles) roles!: string[];
  @ApiProperty({ description: '初始密码（至少 12 位，三类字符）' }) @Required() @Text(1, 128) password!: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional({ enum: assignableRoles, isArray: true }) @Optional() @TextList(1, 3) @EachOneOf(assignableRoles) roles?: string[];
  @ApiPropertyOptional() @Optional() @Bool() disabled?: boolean;
  @ApiPropertyOptional() @Optional() @Text(1, 80) displayName?: string;
}

export class ResetPasswordDto {
  @ApiProperty() @Required() @Text(1, 128) password!: string;
}
