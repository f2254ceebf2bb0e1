import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CasesModule } from './cases/cases.module';
import { ErrorFilter } from './common/http/error.filter';
import { validationPipe } from './common/http/validation.pipe';
import { Clock, SystemClock } from './common/time/clock';
import { APP_CONFIG, loadConfig, type AppConfig } from './config/app.config';
import { DatabaseModule } from './database/database.module';
import { DeadlinesModule } from './deadlines/deadlines.module';
import { DocumentsModule } from './documents/documents.module';
import { HealthController } from './health/health.controller';
import { InboxModule } from './inbox/inbox.module';
import { OrgsModule } from './orgs/orgs.module';
import { ReferralsModule } from './referrals/referrals.module';
import { ScreeningModule } from './screening/screening.module';
import { StatisticsModule } from './statistics/statistics.module';
import { UsersModule } from './users/users.module';

export interface AppOptions {
  config?: AppConfig;
  clock?: Clock;
}

@Module({})
export class AppModule {
  /** Tests pass their own configuration and clock; the server reads the environment. */
  static register(options: AppOptions = {}): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [DatabaseModule, AuditModule, OrgsModule, AuthModule, CasesModule, UsersModule, DocumentsModule, DeadlinesModule, InboxModule, ReferralsModule, ScreeningModule, StatisticsModule],
      controllers: [HealthController],
      providers: [
        { provide: APP_CONFIG, useValue: options.config ?? loadConfig() },
        { provide: Clock, useValue: options.clock ?? new SystemClock() },
        { provide: APP_FILTER, useClass: ErrorFilter },
        { provide: APP_PIPE, useFactory: validationPipe },
      ],
      exports: [APP_CONFIG, Clock],
    };
  }
}
