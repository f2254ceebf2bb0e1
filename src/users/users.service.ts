// Account administration (等保 三员分立): the system administrator manages accounts and business
// roles; the security administrator unlocks accounts, resets second factors and grants the
// administrator roles; nobody holds two administrator roles.
import { Inject, Injectable } from '@nestjs/common';
import type { Role } from '../../workflows/case';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { hashPassword } from '../auth/password';
import { passwordProblem } from '../auth/password-policy';
import { RefreshTokens } from '../auth/refresh-tokens';
import { adminRoles } from '../auth/roles.decorator';
import { User } from '../auth/user.entity';
import { DomainError, ForbiddenError, NotFoundError, ValidationError } from '../common/errors/domain.error';
import { uuidv7 } from '../common/ids';
import { Clock } from '../common/time/clock';
import { toShanghaiIso } from '../common/time/instant';
import { Database } from '../database/database';
import { OrgsService } from '../orgs/orgs.service';
import type { CreateUserDto, UpdateUserDto } from './user.dtos';

/** An account as the administration routes show it: lock state as of `now` (the service's clock), times in +08:00. */
export const publicUser = (u: User, now: Date) => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  unitCode: u.unitCode,
  roles: u.roles,
  disabled: u.disabled,
  locked: !!u.lockedUntil && u.lockedUntil > now.toISOString(),
  totpEnabled: u.totpEnabled,
  createdAt: toShanghaiIso(u.createdAt),
});

@Injectable()
export class UsersService {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(OrgsService) private readonly orgs: OrgsService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(RefreshTokens) private readonly refreshTokens: RefreshTokens,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async list(unitCode?: string) {
    const users = await this.db.reader.find(User, { where: unitCode ? { unitCode } : {}, order: { username: 'ASC' }, take: 500 });
    const now = this.clock.now();
    return users.map((u) => publicUser(u, now));
  }

  async create(caller: AuthUser, dto: CreateUserDto) {
    this.checkRoleChange(caller, [], dto.roles as Role[]);
    if (!(await this.orgs.find(dto.unitCode))) throw ValidationError.field('unitCode', `单位 ${dto.unitCode} 不存在`);
    const problem = passwordProblem(dto.password, dto.username);
    if (problem) throw ValidationError.field('password', problem);
    if (await this.db.reader.findOne(User, { where: { username: dto.username } })) throw new DomainError('DUPLICATE', `用户名 ${dto.username} 已存在`);
    const now = this.clock.now();
    const user = Object.assign(new User(), {
      id: uuidv7(now.getTime()),
      username: dto.username,
      displayName: dto.displayName,
      unitCode: dto.unitCode,
      roles: dto.roles,
      passwordHash: await hashPassword(dto.password),
      passwordChangedAt: now.toISOString(),
      createdAt: now.toISOString(),
      failedLogins: 0,
      lockedUntil: null,
      totpSecret: null,
      totpEnabled: false,
      totpLastStep: null,
      disabled: false,
    });
    await this.db.write(async ({ em }) => {
      await em.insert(User, user);
      await this.record(caller, 'user.created', user.id, { username: user.username, roles: user.roles }, em);
    });
    return publicUser(user, now);
  }

  async update(caller: AuthUser, id: string, dto: UpdateUserDto) {
    const user = await this.find(id);
    if (dto.roles) this.checkRoleChange(caller, user.roles, dto.roles as Role[]);
    if (dto.disabled !== undefined && !caller.actor.roles.includes('system-admin')) throw new ForbiddenError('只有系统管理员可以停用或启用账号');
    const changes = { ...(dto.roles ? { roles: dto.roles as Role[] } : {}), ...(dto.disabled !== undefined ? { disabled: dto.disabled } : {}), ...(dto.displayName ? { displayName: dto.displayName } : {}) };
    if (!Object.keys(changes).length) throw new ValidationError({ _: ['请至少提供一个要修改的字段（roles、disabled、displayName）'] });
    await this.db.write(async ({ em }) => {
      await em.update(User, { id }, changes);
      await this.record(caller, 'user.updated', id, changes, em);
    });
    if (dto.disabled || dto.roles) await this.refreshTokens.revokeAllOf(id, this.clock.now());
    return publicUser({ ...user, ...changes } as User, this.clock.now());
  }

  async resetPassword(caller: AuthUser, id: string, password: string): Promise<void> {
    const user = await this.find(id);
    const problem = passwordProblem(password, user.username);
    if (problem) throw ValidationError.field('password', problem);
    const passwordHash = await hashPassword(password);
    await this.db.write(async ({ em }) => {
      await em.update(User, { id }, { passwordHash, passwordChangedAt: this.clock.now().toISOString(), failedLogins: 0, lockedUntil: null });
      await this.record(caller, 'user.password-reset', id, {}, em);
    });
    await this.refreshTokens.revokeAllOf(id, this.clock.now());
  }

  async unlock(caller: AuthUser, id: string): Promise<void> {
    await this.find(id);
    await this.db.write(async ({ em }) => {
      await em.update(User, { id }, { failedLogins: 0, lockedUntil: null });
      await this.record(caller, 'user.unlocked', id, {}, em);
    });
  }

  async resetTotp(caller: AuthUser, id: string): Promise<void> {
    await this.find(id);
    await this.db.write(async ({ em }) => {
      await em.update(User, { id }, { totpSecret: null, totpEnabled: false, totpLastStep: null });
      await this.record(caller, 'user.totp-reset', id, {}, em);
    });
    await this.refreshTokens.revokeAllOf(id, this.clock.now());
  }

  /** 三员分立: only the security administrator touches administrator roles, and one person holds at most one. */
  private checkRoleChange(caller: AuthUser, before: Role[], after: Role[]): void {
    const adminChange = [...before, ...after].some((r) => adminRoles.includes(r)) && before.join() !== after.join();
    if (adminChange && !caller.actor.roles.includes('security-admin')) throw new ForbiddenError('管理员角色只能由安全管理员授予或收回');
    if (!adminChange && !caller.actor.roles.includes('system-admin')) throw new ForbiddenError('业务角色由系统管理员分配');
    if (after.filter((r) => adminRoles.includes(r)).length > 1) throw ValidationError.field('roles', '系统、安全、审计管理员须由不同的人担任');
    if (after.some((r) => adminRoles.includes(r)) && after.length > 1) throw ValidationError.field('roles', '管理员账号不能同时担任业务角色');
  }

  private async find(id: string): Promise<User> {
    const user = await this.db.reader.findOne(User, { where: { id } });
    if (!user) throw new NotFoundError('USER', '用户');
    return user;
  }

  private record(caller: AuthUser, action: string, id: string, detail: Record<string, unknown>, em: Parameters<AuditService['append']>[1]) {
    return this.audit.append({ actorUsername: caller.username, actorUnitCode: caller.actor.unit.code, action, targetType: 'user', targetId: id, detail }, em, this.clock.now());
  }
}
