import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TokensResponse, TotpSetupResponse } from './auth.responses';
import type { AuthUser } from './auth-user';
import { ChangePasswordDto, LoginDto, RefreshDto, TotpCodeDto } from './auth.dtos';
import { AuthService } from './auth.service';
import { CurrentUser } from './current-user.decorator';
import { Public } from './public.decorator';
import { AllowTotpEnrolment } from './roles.decorator';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(@Inject(AuthService) private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: '登录；连续 5 次失败锁定 15 分钟；已启用二次验证的账号须附 totp' })
  @ApiOkResponse({ type: TokensResponse })
  login(@Body() body: LoginDto) {
    return this.auth.login(body.username, body.password, body.totp);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ summary: '以刷新令牌换取新的访问令牌和刷新令牌（旧刷新令牌随即失效）' })
  @ApiOkResponse({ type: TokensResponse })
  refresh(@Body() body: RefreshDto) {
    return this.auth.refresh(body.refreshToken);
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: '退出：该次登录的刷新令牌全部失效' })
  logout(@Body() body: RefreshDto) {
    return this.auth.logout(body.refreshToken);
  }

  @Post('password')
  @HttpCode(204)
  @ApiOperation({ summary: '修改本人密码（须提供当前密码）' })
  changePassword(@CurrentUser() user: AuthUser, @Body() body: ChangePasswordDto) {
    return this.auth.changePassword(user, body.currentPassword, body.newPassword);
  }

  @Post('totp/setup')
  @AllowTotpEnrolment()
  @ApiOperation({ summary: '二次验证第一步：生成密钥（otpauth URI）' })
  @ApiCreatedResponse({ type: TotpSetupResponse })
  beginTotp(@CurrentUser() user: AuthUser) {
    return this.auth.beginTotp(user);
  }

  @Post('totp/enable')
  @HttpCode(200)
  @AllowTotpEnrolment()
  @ApiOperation({ summary: '二次验证第二步：输入验证码启用；返回完整权限的令牌' })
  @ApiOkResponse({ type: TokensResponse })
  enableTotp(@CurrentUser() user: AuthUser, @Body() body: TotpCodeDto) {
    return this.auth.enableTotp(user, body.code);
  }
}
