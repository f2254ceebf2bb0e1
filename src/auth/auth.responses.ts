// What login and refresh answer, described for OpenAPI (./auth.service.ts builds them).
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class SignedInUserResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '130606002-jo' }) username!: string;
  @ApiProperty({ example: '130606002-jo' }) unitCode!: string;
  @ApiProperty({ type: [String], example: ['office-mediator'] }) roles!: string[];
  @ApiProperty({ description: '是否已启用二次验证' }) totpEnabled!: boolean;
}

export class TokensResponse {
  @ApiProperty({ description: '访问令牌：Authorization: Bearer <accessToken>' }) accessToken!: string;
  @ApiProperty({ description: '访问令牌有效秒数', example: 900 }) expiresIn!: number;
  @ApiPropertyOptional({ description: '刷新令牌（POST /api/auth/refresh）；二次验证绑定期间不发放' }) refreshToken?: string;
  @ApiPropertyOptional({ description: '为 true 时：管理员须先绑定二次验证，令牌只能用于 /api/auth/totp/*' }) totpEnrolmentRequired?: boolean;
  @ApiProperty({ type: SignedInUserResponse }) user!: SignedInUserResponse;
}

export class TotpSetupResponse {
  @ApiProperty({ description: '二次验证密钥（Base32）' }) secret!: string;
  @ApiProperty({ example: 'otpauth://totp/…', description: '供验证器应用扫描的 otpauth URI' }) uri!: string;
}
