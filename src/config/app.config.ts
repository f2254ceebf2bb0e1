// Typed configuration read once from the environment and validated at start-up.
import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';
import { join, resolve } from 'node:path';
import type { LogLevelSetting } from '../common/log-level';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

export class Environment {
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(65535) PORT?: number;
  @IsOptional() @IsString() HOST?: string;
  @IsOptional() @IsString() DATABASE_URL?: string;
  @IsOptional() @IsString() DATABASE_SCHEMA?: string;
  @IsOptional() @IsString() DATA_DIR?: string;
  @IsOptional() @IsString() DOCUMENTS_DIR?: string;
  @IsOptional() @IsIn(['demo', 'production']) SANDIAO_MODE?: 'demo' | 'production';
  @IsOptional() @IsString() @MinLength(8) SANDIAO_DEMO_PASSWORD?: string;
  @IsOptional() @IsIn(['true', 'false']) SANDIAO_DEMO_CASES?: 'true' | 'false';
  @IsOptional() @IsString() @MinLength(32) JWT_SECRET?: string;
  @IsOptional() @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'must be 32 bytes, base64' }) SANDIAO_DATA_KEY?: string;
  @IsOptional() @Transform(toInt) @IsInt() @Min(3600) @Max(2_592_000) REFRESH_TOKEN_TTL_SECONDS?: number;
  @IsOptional() @IsString() CORS_ORIGINS?: string;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) RATE_LIMIT_PER_MINUTE?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) LOGIN_RATE_LIMIT_PER_MINUTE?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(60) @Max(1800) ACCESS_TOKEN_TTL_SECONDS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(365) MEDIATION_DAYS?: number;
  @IsOptional() @IsIn(['calendar', 'working']) MEDIATION_DAY_KIND?: 'calendar' | 'working';
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(10) MEDIATION_MAX_EXTENSIONS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(365) MEDIATION_EXTENSION_DAYS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(30) DEADLINE_REMINDER_DAYS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(3_600_000) DEADLINE_SWEEP_INTERVAL_MS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1000) DEADLINE_SWEEP_BATCH?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1000) DEADLINE_SWEEP_SLICE_MS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(10_000) DEADLINE_SWEEP_ROUND_MS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(16) DEADLINE_SWEEP_WORKERS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1000) DEADLINE_SWEEP_FLUSH_ROWS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(5) @Max(100) DEADLINE_SWEEP_SHARE_PERCENT?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(365) COURT_REFERRAL_DAYS?: number;
  @IsOptional() @IsIn(['calendar', 'working']) COURT_REFERRAL_DAY_KIND?: 'calendar' | 'working';
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(10) COURT_REFERRAL_MAX_EXTENSIONS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(365) COURT_REFERRAL_EXTENSION_DAYS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(10_000_000) CASE_LIST_SET_LIMIT?: number;
  @IsOptional() @IsIn(['off', 'error', 'warn', 'log']) LOG_LEVEL?: LogLevelSetting;
}

export interface AppConfig {
  port: number;
  host: string;
  mode: 'demo' | 'production';
  dataDir: string;
  documentsDir: string;
  databaseUrl?: string;
  databaseSchema?: string;
  demoPassword: string;
  /** Demo mode, first start: drive a few demo cases through the API (SANDIAO_DEMO_CASES=false: accounts only). */
  demoCases: boolean;
  jwtSecret?: string;
  /** Master key of field encryption (R-S2), base64 of 32 bytes. */
  dataKey?: string;
  refreshTokenTtlSeconds: number;
  corsOrigins: string[];
  rateLimitPerMinute: number;
  loginRateLimitPerMinute: number;
  accessTokenTtlSeconds: number;
  mediation: { days: number; dayKind: 'calendar' | 'working'; maxExtensions: number; extensionDays: number };
  /** Legal clocks (docs/deadlines.md): reminder lead, sweeper polling (0 = no polling), batch and time slice. */
  deadlines: { reminderDays: number; sweepIntervalMs: number; sweepBatch: number; sweepSliceMs: number; sweepRoundMs: number; sweepWorkers: number; sweepFlushRows: number; sweepSharePercent: number };
  /** R-L3: the mediation period of a court referral, from hand-over; extended only with both parties' consent. */
  courtReferral: { days: number; dayKind: 'calendar' | 'working'; maxExtensions: number; extensionDays: number };
  /** Up to this many visible cases a case list sorts the set, beyond it walks the cases by date (src/cases/jurisdiction.ts). */
  caseListSetLimit: number;
  logLevel: LogLevelSetting;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = plainToInstance(Environment, env, { excludeExtraneousValues: false });
  const errors = validateSync(parsed, { skipMissingProperties: false, whitelist: false });
  if (errors.length) {
    const lines = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new Error(`配置错误 (environment):\n${lines.join('\n')}`);
  }
  const dataDir = resolve(parsed.DATA_DIR ?? 'data');
  return {
    port: parsed.PORT ?? 3000,
    host: parsed.HOST ?? '0.0.0.0',
    mode: parsed.SANDIAO_MODE ?? 'demo',
    dataDir,
    documentsDir: resolve(parsed.DOCUMENTS_DIR ?? join(dataDir, 'documents')),
    databaseUrl: parsed.DATABASE_URL || undefined,
    databaseSchema: parsed.DATABASE_SCHEMA || undefined,
    demoPassword: parsed.SANDIAO_DEMO_PASSWORD ?? 'sandiao-demo',
    demoCases: parsed.SANDIAO_DEMO_CASES !== 'false',
    jwtSecret: parsed.JWT_SECRET,
    dataKey: parsed.SANDIAO_DATA_KEY,
    refreshTokenTtlSeconds: parsed.REFRESH_TOKEN_TTL_SECONDS ?? 7 * 86_400,
    corsOrigins: (parsed.CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean),
    rateLimitPerMinute: parsed.RATE_LIMIT_PER_MINUTE ?? 1200,
    loginRateLimitPerMinute: parsed.LOGIN_RATE_LIMIT_PER_MINUTE ?? 10,
    accessTokenTtlSeconds: parsed.ACCESS_TOKEN_TTL_SECONDS ?? 900,
    mediation: {
      days: parsed.MEDIATION_DAYS ?? 30,
      dayKind: parsed.MEDIATION_DAY_KIND ?? 'calendar',
      maxExtensions: parsed.MEDIATION_MAX_EXTENSIONS ?? 1,
      extensionDays: parsed.MEDIATION_EXTENSION_DAYS ?? 30,
    },
    deadlines: {
      reminderDays: parsed.DEADLINE_REMINDER_DAYS ?? 3,
      sweepIntervalMs: parsed.DEADLINE_SWEEP_INTERVAL_MS ?? 30_000,
      sweepBatch: parsed.DEADLINE_SWEEP_BATCH ?? 200,
      sweepSliceMs: parsed.DEADLINE_SWEEP_SLICE_MS ?? 1,
      sweepRoundMs: parsed.DEADLINE_SWEEP_ROUND_MS ?? 100,
      sweepWorkers: parsed.DEADLINE_SWEEP_WORKERS ?? 1,
      sweepFlushRows: parsed.DEADLINE_SWEEP_FLUSH_ROWS ?? 50,
      // SQLite: the sweep shares the server's one thread with the requests, so it takes half the
      // time at most. PostgreSQL: 80 % — with its statements prepared a full-pace sweep of 10,000
      // clocks took 4.5–7 s, and the rests let the reads' p99 stay within 2× (docs/deadlines.md).
      sweepSharePercent: parsed.DEADLINE_SWEEP_SHARE_PERCENT ?? (parsed.DATABASE_URL ? 80 : 50),
    },
    courtReferral: {
      days: parsed.COURT_REFERRAL_DAYS ?? 30,
      dayKind: parsed.COURT_REFERRAL_DAY_KIND ?? 'calendar',
      maxExtensions: parsed.COURT_REFERRAL_MAX_EXTENSIONS ?? 1,
      extensionDays: parsed.COURT_REFERRAL_EXTENSION_DAYS ?? 30,
    },
    caseListSetLimit: parsed.CASE_LIST_SET_LIMIT ?? 20_000,
    logLevel: parsed.LOG_LEVEL ?? 'log',
  };
}
