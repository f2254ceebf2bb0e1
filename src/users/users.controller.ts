import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { UserResponse } from './user.responses';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { RequireRoles } from '../auth/roles.decorator';
import { ValidationError } from '../common/errors/domain.error';
import { CreateUserDto, ResetPasswordDto, UpdateUserDto } from './user.dtos';
import { UsersService } from './users.service';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => ValidationError.field('id', '用户编号格式不正确') });

@ApiTags('admin')
@Controller('admin/users')
export class UsersController {
  constructor(@Inject(UsersService) private readonly users: UsersService) {}

  @Get()
  @RequireRoles('system-admin', 'security-admin')
  @ApiOperation({ summary: '账号列表（系统管理员、安全管理员）；可按单位筛选' })
  @ApiQuery({ name: 'unit', required: false, description: '单位代码，如 130606002-jo' })
  @ApiOkResponse({ type: [UserResponse] })
  list(@Query('unit') unit?: string) {
    return this.users.list(unit);
  }

  @Post()
  @RequireRoles('system-admin', 'security-admin')
  @ApiOperation({ summary: '新建账号（业务角色由系统管理员、管理员角色由安全管理员授予）' })
  @ApiCreatedResponse({ type: UserResponse })
  create(@CurrentUser() caller: AuthUser, @Body() body: CreateUserDto) {
    return this.users.create(caller, body);
  }

  @Patch(':id')
  @RequireRoles('system-admin', 'security-admin')
  @ApiOperation({ summary: '修改账号：角色、停用或启用、显示名称' })
  @ApiOkResponse({ type: UserResponse })
  update(@CurrentUser() caller: AuthUser, @Param('id', uuid) id: string, @Body() body: UpdateUserDto) {
    return this.users.update(caller, id, body);
  }

  @Post(':id/password')
  @HttpCode(204)
  @RequireRoles('system-admin')
  @ApiOperation({ summary: '重置账号密码（系统管理员）' })
  resetPassword(@CurrentUser() caller: AuthUser, @Param('id', uuid) id: string, @Body() body: ResetPasswordDto) {
    return this.users.resetPassword(caller, id, body.password);
  }

  @Post(':id/unlock')
  @HttpCode(204)
  @RequireRoles('security-admin')
  @ApiOperation({ summary: '解除登录失败锁定（安全管理员）' })
  unlock(@CurrentUser() caller: AuthUser, @Param('id', uuid) id: string) {
    return this.users.unlock(caller, id);
  }

  @Post(':id/totp/reset')
  @HttpCode(204)
  @RequireRoles('security-admin')
  @ApiOperation({ summary: '重置二次验证，账号下次登录重新绑定（安全管理员）' })
  resetTotp(@CurrentUser() caller: AuthUser, @Param('id', uuid) id: string) {
    return this.users.resetTotp(caller, id);
  }
}
