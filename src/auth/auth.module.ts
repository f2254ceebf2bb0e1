import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AuditModule } from '../audit/audit.module';
import { APP_CONFIG, type AppConfig } from '../config/app.config';
import { OrgsModule } from '../orgs/orgs.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { RefreshTokens } from './refresh-tokens';
import { resolveJwtSecret } from './jwt-secret';

@Module({
  imports: [
    OrgsModule,
    AuditModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // A KeyObject spares jsonwebtoken a failed public-key parse on every verification.
        secret: createSecretKey(Buffer.from(resolveJwtSecret(config))),
        // Pinned algorithm on both sides: a token signed otherwise (or "none") is refused.
        signOptions: { algorithm: 'HS256', expiresIn: config.accessTokenTtlSeconds, issuer: 'sandiao' },
        verifyOptions: { algorithms: ['HS256'], issuer: 'sandiao' },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, RefreshTokens, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService, RefreshTokens],
})
export class AuthModule {}
