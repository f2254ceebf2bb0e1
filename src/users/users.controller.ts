import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
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
  list(@Query('unit') unit?: string) {
    return this.users.list(unit);
  }

  @Post()
  @RequireRoles('system-admin', 'security-admin')
  create(@CurrentUser() caller: AuthUser, @Body() body: CreateUserDto) {
    return this.users.create(caller, body);
  }

  @Patch(':id')
  @RequireRoles('system-admin', 'security-admin')
  update(@CurrentUser() caller: AuthUser, @Param('id', uuid) id: string, @Body() body: UpdateUserDto) {
    return this.users.update(caller, id, body);
  }

  @Post(':id/password')
  @HttpCode(204)
  @RequireRoles('system-admin')
  resetPassword(@CurrentUser() caller: AuthUser, @Param('id', uuid) id: string, @Body() body: ResetPasswordDto) {
    return this.users.resetPassword(caller, id, body.password);
  }

  @Post(':id/unlock')
  @HttpCode(204)
  @RequireRoles('security-admin')
  unlock(@CurrentUser() caller: AuthUser, @Param('id', uuid) id: string) {
    return this.users.unlock(caller, id);
  }

  @Post(':id/totp/reset')
  @HttpCode(204)
  @RequireRoles('security-admin')
  resetTotp(@CurrentUser() caller: AuthUser, @Param('id', uuid) id: string) {
    return this.users.resetTotp(caller, id);
  }
}
