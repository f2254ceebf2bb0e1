import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '../../workflows/case';
import { DomainError, ForbiddenError } from '../common/errors/domain.error';
import { AuthService } from './auth.service';
import { IS_PUBLIC } from './public.decorator';
import { REQUIRED_ROLES, TOTP_ENROLMENT } from './roles.decorator';

/** Every route needs a valid bearer token unless marked @Public(); @RequireRoles narrows further. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(AuthService) private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest();
    const header: string | undefined = request.headers?.authorization;
    const match = header?.match(/^Bearer\s+(\S+)$/i);
    if (!match) throw new DomainError('UNAUTHENTICATED', '请先登录');
    const user = await this.auth.authenticate(match[1]);
    request.user = user;
    if (user.scope === 'totp-enrolment' && !this.reflector.getAllAndOverride<boolean>(TOTP_ENROLMENT, targets)) {
      throw new ForbiddenError('管理员账号须先启用二次验证（/api/auth/totp/setup）', { totpEnrolmentRequired: true });
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !user.actor.roles.some((r) => roles.includes(r))) throw new ForbiddenError('您的角色无权执行此操作', { requiredRoles: roles });
    return true;
  }
}
