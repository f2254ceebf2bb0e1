// Logins, tokens and second factors (等保 level 3 basics): lockout after 5 failures for 15 minutes,
// short-lived access tokens, rotating refresh tokens, TOTP required for administrators outside
// demo mode.
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Actor, Role } from '../../workflows/case';
import { AuditService } from '../audit/audit.service';
import { DomainError, ValidationError } from '../common/errors/domain.error';
import { Clock } from '../common/time/clock';
import { toShanghaiIso } from '../common/time/instant';
import { APP_CONFIG, type AppConfig } from '../config/app.config';
import { Database } from '../database/database';
import { OrgsService, toUnitRef } from '../orgs/orgs.service';
import type { AuthUser } from './auth-user';
import { decoyHash, hashPassword, verifyPassword } from './password';
import { passwordProblem } from './password-policy';
import { RefreshTokens } from './refresh-tokens';
import { adminRoles } from './roles.decorator';
import { newTotpSecret, totpStep, totpUri } from './totp';
import { User } from './user.entity';

const MAX_FAILURES = 5;
const LOCK_MINUTES = 15;

interface TokenClaims {
  sub: string;
  username: string;
  unitCode: string;
  roles: Role[];
  sid: string;
  scope?: 'totp-enrolment';
  exp: number;
}

export interface LoginResult {
  accessToken: string;
  expiresIn: number;
  refreshToken?: string;
  totpEnrolmentRequired?: boolean;
  user: { id: string; username: string; unitCode: string; roles: Role[]; totpEnabled: boolean };
}

const unauthenticated = (message = '用户名或密码错误', details: Record<string, unknown> = {}) => new DomainError('UNAUTHENTICATED', message, details);

@Injectable()
export class AuthService {
  /** Tokens already verified, until they expire: a client sends the same one many times. */
  private readonly verified = new Map<string, TokenClaims>();

  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(JwtService) private readonly jwt: JwtService,
    @Inject(OrgsService) private readonly orgs: OrgsService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(RefreshTokens) private readonly refreshTokens: RefreshTokens,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(username: string, password: string, totp?: string): Promise<LoginResult> {
    const now = this.clock.now();
    const user = await this.db.reader.findOne(User, { where: { username } });
    if (user?.lockedUntil && user.lockedUntil > now.toISOString()) {
      throw new DomainError('ACCOUNT_LOCKED', `连续登录失败次数过多，账号已锁定至 ${toShanghaiIso(user.lockedUntil).slice(11, 16)}`, {
        lockedUntil: toShanghaiIso(user.lockedUntil),
      });
    }
    const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash), password);
    if (!user || !ok || user.disabled) {
      if (user && !ok) await this.recordFailure(user, now);
      else await this.auditLogin(username, null, 'auth.login-failed', null, now);
      throw unauthenticated(user?.disabled && ok ? '账号已停用' : undefined);
    }
    if (user.totpEnabled) await this.checkTotp(user, totp, now);
    await this.db.write(({ em }) => em.update(User, { id: user.id }, { failedLogins: 0, lockedUntil: null }));
    const mustEnrol = this.config.mode === 'production' && !user.totpEnabled && user.roles.some((r) => adminRoles.includes(r));
    await this.auditLogin(user.username, user.unitCode, 'auth.login', user.id, now);
    return this.tokensFor(user, now, mustEnrol);
  }

  async refresh(refreshToken: string): Promise<LoginResult> {
    const now = this.clock.now();
    const rotated = await this.refreshTokens.rotate(refreshToken, now);
    const user = await this.db.reader.findOne(User, { where: { id: rotated.userId } });
    if (!user || user.disabled || (user.lockedUntil && user.lockedUntil > now.toISOString())) throw unauthenticated('账号不可用');
    const mustEnrol = this.config.mode === 'production' && !user.totpEnabled && user.roles.some((r) => adminRoles.includes(r));
    return { ...(await this.accessFor(user, rotated.familyId, mustEnrol)), refreshToken: rotated.token };
  }

  async logout(refreshToken: string): Promise<void> {
    await this.refreshTokens.revokeFamily(refreshToken, this.clock.now());
  }

  async changePassword(caller: AuthUser, current: string, next: string): Promise<void> {
    const user = await this.db.reader.findOneOrFail(User, { where: { id: caller.id } });
    if (!(await verifyPassword(user.passwordHash, current))) throw ValidationError.field('currentPassword', '当前密码不正确');
    const problem = passwordProblem(next, user.username);
    if (problem) throw ValidationError.field('newPassword', problem);
    const now = this.clock.now();
    const passwordHash = await hashPassword(next);
    await this.db.write(async ({ em }) => {
      await em.update(User, { id: user.id }, { passwordHash, passwordChangedAt: now.toISOString() });
      await this.audit.append({ actorUsername: user.username, actorUnitCode: user.unitCode, action: 'auth.password-changed', targetType: 'user', targetId: user.id }, em, now);
    });
    await this.refreshTokens.revokeAllOf(user.id, now);
  }

  /** Step 1 of TOTP enrolment: a new secret, shown once as an otpauth:// URI for the authenticator app. */
  async beginTotp(caller: AuthUser): Promise<{ secret: string; uri: string }> {
    const secret = newTotpSecret();
    await this.db.write(({ em }) => em.save(User, { id: caller.id, totpSecret: secret, totpEnabled: false, totpLastStep: null }));
    return { secret, uri: totpUri(secret, caller.username) };
  }

  /** Step 2: the user proves the authenticator works; from now on every login needs a code. */
  async enableTotp(caller: AuthUser, code: string): Promise<LoginResult> {
    const now = this.clock.now();
    const user = await this.db.reader.findOneOrFail(User, { where: { id: caller.id } });
    if (!user.totpSecret) throw new DomainError('RULE_VIOLATED', '请先获取二次验证密钥', {});
    const step = await totpStep(user.totpSecret, code, now);
    if (step === null) throw ValidationError.field('code', '验证码不正确');
    await this.db.write(async ({ em }) => {
      await em.update(User, { id: user.id }, { totpEnabled: true, totpLastStep: step });
      await this.audit.append({ actorUsername: user.username, actorUnitCode: user.unitCode, action: 'auth.totp-enabled', targetType: 'user', targetId: user.id }, em, now);
    });
    return this.tokensFor({ ...user, totpEnabled: true }, now, false);
  }

  /** The caller behind a bearer token, or an UNAUTHENTICATED error. */
  async authenticate(token: string): Promise<AuthUser> {
    const claims = this.verified.get(token) ?? (await this.verify(token));
    if (claims.exp * 1000 <= Date.now()) {
      this.verified.delete(token);
      throw unauthenticated('登录已失效，请重新登录');
    }
    const unit = await this.orgs.find(claims.unitCode);
    if (!unit) throw unauthenticated('账号所属单位不存在');
    const actor: Actor = { username: claims.username, unit: toUnitRef(unit), roles: claims.roles };
    return { id: claims.sub, username: claims.username, actor, sessionId: claims.sid, scope: claims.scope };
  }

  private async verify(token: string): Promise<TokenClaims> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      throw unauthenticated('登录已失效，请重新登录');
    }
    if (this.verified.size >= 10_000) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, claims);
    return claims;
  }

  private async tokensFor(user: User, now: Date, totpEnrolment: boolean): Promise<LoginResult> {
    const refresh = totpEnrolment ? undefined : await this.refreshTokens.issue(user.id, now);
    const access = await this.accessFor(user, refresh?.familyId ?? 'enrolment', totpEnrolment);
    return { ...access, refreshToken: refresh?.token };
  }

  private async accessFor(user: User, sessionId: string, totpEnrolment: boolean): Promise<LoginResult> {
    const claims = { sub: user.id, username: user.username, unitCode: user.unitCode, roles: user.roles, sid: sessionId, ...(totpEnrolment ? { scope: 'totp-enrolment' } : {}) };
    return {
      accessToken: await this.jwt.signAsync(claims),
      expiresIn: this.config.accessTokenTtlSeconds,
      ...(totpEnrolment ? { totpEnrolmentRequired: true } : {}),
      user: { id: user.id, username: user.username, unitCode: user.unitCode, roles: user.roles, totpEnabled: user.totpEnabled },
    };
  }

  private async checkTotp(user: User, code: string | undefined, now: Date): Promise<void> {
    if (!code) throw new DomainError('TOTP_REQUIRED', '请输入动态验证码', {});
    const step = await totpStep(user.totpSecret!, code, now);
    // A code is good once: replaying an intercepted one fails.
    if (step === null || (user.totpLastStep !== null && step <= user.totpLastStep)) {
      await this.recordFailure(user, now);
      throw unauthenticated('动态验证码不正确');
    }
    await this.db.write(({ em }) => em.update(User, { id: user.id }, { totpLastStep: step }));
  }

  private async recordFailure(user: User, now: Date): Promise<void> {
    await this.db.write(async ({ em }) => {
      const [row] = await em.query(
        this.db.isPostgres ? 'SELECT failed_logins FROM users WHERE id = $1 FOR UPDATE' : 'SELECT failed_logins FROM users WHERE id = ?',
        [user.id],
      );
      const failures = Number(row?.failed_logins ?? 0) + 1;
      const lock = failures >= MAX_FAILURES;
      await em.update(User, { id: user.id }, {
        failedLogins: lock ? 0 : failures,
        lockedUntil: lock ? new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() : user.lockedUntil,
      });
      await this.audit.append(
        { actorUsername: user.username, actorUnitCode: user.unitCode, action: lock ? 'auth.account-locked' : 'auth.login-failed', targetType: 'user', targetId: user.id, detail: { failures } },
        em,
        now,
      );
    });
  }

  private async auditLogin(username: string, unitCode: string | null, action: string, userId: string | null, now: Date): Promise<void> {
    await this.audit.append({ actorUsername: username, actorUnitCode: unitCode, action, targetType: 'user', targetId: userId }, undefined, now);
  }
}
