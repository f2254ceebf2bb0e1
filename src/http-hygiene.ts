// HTTP hygiene (domain §12): security headers, a CORS allow-list, rate limits (stricter on login).
// What Fastify or its plugins refuse (bad JSON, too large, too many) reaches Nest's ErrorFilter,
// so every answer keeps the shared error shape.
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import helmet from 'helmet';
import type { AppConfig } from './config/app.config';

const isLogin = (req: FastifyRequest) => req.method === 'POST' && req.url.startsWith('/api/auth/');

export async function applyHttpHygiene(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  // The Swagger UI at /api/docs needs inline scripts and styles; everything else is JSON or PDF.
  // helmet's middleware is built once here: the @fastify/helmet plugin builds it again on every
  // request (3 % of the server's CPU in bench/transitions), for headers that never change.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: { defaultSrc: ["'self'"], scriptSrc: ["'self'", "'unsafe-inline'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:'] },
    },
  });
  (app.getHttpAdapter().getInstance() as FastifyInstance).addHook('onRequest', (request, reply, done) => securityHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined)));
  await app.register(cors as never, {
    origin: (origin: string | undefined, done: (error: Error | null, allow: boolean) => void) =>
      done(null, !origin || config.corsOrigins.includes(origin)),
    credentials: false,
    methods: ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'If-Match', 'Idempotency-Key'],
    exposedHeaders: ['Retry-After'],
  });
  // Per client address, in memory per instance: login attempts are also capped per account by the
  // lockout, which is kept in the database and so holds across instances.
  await app.register(rateLimit as never, {
    global: true,
    hook: 'onRequest',
    timeWindow: 60_000,
    max: (req: FastifyRequest) => (isLogin(req) ? config.loginRateLimitPerMinute : config.rateLimitPerMinute),
    keyGenerator: (req: FastifyRequest) => (isLogin(req) ? `auth:${req.ip}` : req.ip),
    errorResponseBuilder: (_req: FastifyRequest, context: { ttl: number }) => ({
      statusCode: 429,
      code: 'RATE_LIMITED',
      message: `请求过于频繁，请 ${Math.ceil(context.ttl / 1000)} 秒后再试`,
    }),
  });
}
