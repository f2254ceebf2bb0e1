import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Actor, Role } from '../../workflows/case';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/errors/domain.error';
import { APP_CONFIG, type AppConfig } from '../config/app.config';
import { Database } from '../database/database';
import { OrgsService, toUnitRef } from '../orgs/orgs.service';
import type { AuthUser } from './auth-user';
import { decoyHash, verifyPassword } from './password';
import { User } from './user.entity';

interface TokenClaims {
  sub: string;
  username: string;
  unitCode: string;
  roles: Role[];
}

export interface LoginResult {
  accessToken: string;
  expiresIn: number;
  user: { id: string; username: string; unitCode: string; roles: Role[] };
}

@Injectable()
export class AuthService {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(JwtService) private readonly jwt: JwtService,
    @Inject(OrgsService) private readonly orgs: OrgsService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Tokens already verified, until they expire: a client sends the same one many times. */
  private readonly verified = new Map<string, TokenClaims & { exp: number }>();

  private async verify(token: string): Promise<TokenClaims & { exp: number }> {
    let claims: TokenClaims & { exp: number };
    try {
      claims = await this.jwt.verifyAsync<TokenClaims & { exp: number }>(token);
    } catch {
      throw new DomainError('UNAUTHENTICATED', '登录已失效，请重新登录');
    }
    if (this.verified.size >= 10_000) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, claims);
    return claims;
  }

  async login(username: string, password: string): Promise<LoginResult> {
    const user = await this.db.reader.findOne(User, { where: { username } });
    const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash), password);
    if (!user || !ok) {
      await this.audit.append({ actorUsername: username, actorUnitCode: null, action: 'auth.login-failed', targetType: 'user', targetId: user?.id ?? null });
      throw new DomainError('UNAUTHENTICATED', '用户名或密码错误');
    }
    const claims: TokenClaims = { sub: user.id, username: user.username, unitCode: user.unitCode, roles: user.roles };
    const accessToken = await this.jwt.signAsync(claims);
    await this.audit.append({ actorUsername: user.username, actorUnitCode: user.unitCode, action: 'auth.login', targetType: 'user', targetId: user.id });
    return {
      accessToken,
      expiresIn: this.config.accessTokenTtlSeconds,
      user: { id: user.id, username: user.username, unitCode: user.unitCode, roles: user.roles },
    };
  }

  /** The caller behind a bearer token, or an UNAUTHENTICATED error. */
  async authenticate(token: string): Promise<AuthUser> {
    const claims = this.verified.get(token) ?? (await this.verify(token));
    if (claims.exp * 1000 <= Date.now()) {
      this.verified.delete(token);
      throw new DomainError('UNAUTHENTICATED', '登录已失效，请重新登录');
    }
    const unit = await this.orgs.find(claims.unitCode);
    if (!unit) throw new DomainError('UNAUTHENTICATED', '账号所属单位不存在');
    const actor: Actor = { username: claims.username, unit: toUnitRef(unit), roles: claims.roles };
    return { id: claims.sub, username: claims.username, actor };
  }
}
