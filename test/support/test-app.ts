// Starts the real application on a fresh database for one test file: SQLite in a temporary
// folder by default, or a fresh PostgreSQL schema when SANDIAO_TEST_DB=postgres.
import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import request from 'supertest';
import { createApp } from '../../src/app.factory';
import { setUpFieldCipher } from '../../src/common/crypto/data-key';
import { ManualClock } from '../../src/common/time/clock';
import { loadConfig, type AppConfig } from '../../src/config/app.config';
import { Database } from '../../src/database/database';
import { seedDemo } from '../../src/seed/demo-seed';

export const testPostgresUrl = process.env.SANDIAO_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const usePostgres = process.env.SANDIAO_TEST_DB === 'postgres';
export const demoPassword = 'sandiao-demo';

export interface TestApp {
  app: NestFastifyApplication;
  clock: ManualClock;
  db: Database;
  config: AppConfig;
  http: ReturnType<typeof request>;
  token(username: string): Promise<string>;
  /** supertest requests authenticated as `username`. */
  as(username: string): Promise<AuthedAgent>;
  close(): Promise<void>;
}

export type AuthedAgent = Record<'get' | 'post' | 'put' | 'patch' | 'delete', (url: string) => request.Test>;

export interface TestAppOptions {
  now?: string;
  env?: Record<string, string>;
}

function baseEnv(dataDir: string, schema: string | undefined): Record<string, string> {
  return {
    DATA_DIR: dataDir,
    SANDIAO_MODE: 'demo',
    LOG_LEVEL: 'error',
    // Shared by every app instance of a test (several instances on one PostgreSQL schema).
    JWT_SECRET: 'test-jwt-secret-0123456789abcdefghijklmnop',
    SANDIAO_DATA_KEY: Buffer.alloc(32, 7).toString('base64'),
    // Tests log in many accounts and send bursts from one address; the hygiene test lowers these.
    RATE_LIMIT_PER_MINUTE: '1000000',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000000',
    // No background polling of legal clocks: tests sweep when they choose (ClockSweeper.sweepNow).
    DEADLINE_SWEEP_INTERVAL_MS: '0',
    ...(schema ? { DATABASE_URL: testPostgresUrl, DATABASE_SCHEMA: schema } : {}),
  };
}

/** The environment a command-line tool (src/cli) needs to work on a test app's database. */
export const commandEnv = (config: AppConfig): Record<string, string> => baseEnv(config.dataDir, config.databaseSchema);

/** Runs a command-line tool from its TypeScript source on a test app's database, as an operator would. */
export function runCommand(config: AppConfig, script: string, ...args: string[]): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, ['-r', '@swc-node/register', script, ...args], {
    env: { ...process.env, ...commandEnv(config) },
    encoding: 'utf8',
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

export async function testConfig(env: Record<string, string> = {}): Promise<{ config: AppConfig; cleanup: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sandiao-test-'));
  let schema: string | undefined;
  if (usePostgres) {
    schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    await withPg((pg) => pg.query(`CREATE SCHEMA ${schema}`));
  }
  const config = loadConfig({ ...baseEnv(dataDir, schema), ...env } as NodeJS.ProcessEnv);
  const cleanup = async () => {
    rmSync(dataDir, { recursive: true, force: true });
    if (schema) await withPg((pg) => pg.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
  };
  return { config, cleanup };
}

async function withPg<T>(work: (pg: Client) => Promise<T>): Promise<T> {
  const pg = new Client({ connectionString: testPostgresUrl });
  await pg.connect();
  try {
    return await work(pg);
  } finally {
    await pg.end();
  }
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const { config, cleanup } = await testConfig(options.env);
  setUpFieldCipher(config);
  const seedDb = await Database.open({ databaseUrl: config.databaseUrl, databaseSchema: config.databaseSchema, dataDir: config.dataDir });
  await seedDemo(seedDb, demoPassword);
  await seedDb.close();

  const clock = new ManualClock(new Date(options.now ?? '2026-11-02T09:00:00+08:00'));
  const app = await createApp({ config, clock }, ['error']);
  const http = request(app.getHttpServer());
  const tokens = new Map<string, string>();
  const token = async (username: string) => {
    if (!tokens.has(username)) {
      const res = await http.post('/api/auth/login').send({ username, password: demoPassword });
      if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      tokens.set(username, res.body.accessToken);
    }
    return tokens.get(username)!;
  };
  const as = async (username: string): Promise<AuthedAgent> => {
    const bearer = `Bearer ${await token(username)}`;
    const verb = (method: 'get' | 'post' | 'put' | 'patch' | 'delete') => (url: string) => http[method](url).set('Authorization', bearer);
    return { get: verb('get'), post: verb('post'), put: verb('put'), patch: verb('patch'), delete: verb('delete') };
  };
  return {
    app,
    clock,
    db: app.get(Database),
    config,
    http,
    token,
    as,
    close: async () => {
      await app.close();
      await cleanup();
    },
  };
}
