// HTTP hygiene (domain §12): security headers, a CORS allow-list, rate limits (stricter on login).
// What Fastify or its plugins refuse (bad JSON, too large, too many) reaches Nest's ErrorFilter,
// so every answer keeps the shared error shape.
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import helmet from 'helmet';
import type { AppConfig } from './config/app.config';

const isLogin = (req: FastifyRequest) => req.method === 'POST' && req.url.startsWith('/api/auth/');

export async function applyHttpHygiene(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  // The Swagger UI at /api/docs needs inline scripts and styles; everything else is JSON or PDF.
  const securityHeaders = headersOf(
    helmet({
      contentSecurityPolicy: {
        directives: { defaultSrc: ["'self'"], scriptSrc: ["'self'", "'unsafe-inline'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:'] },
      },
    }),
  );
  (app.getHttpAdapter().getInstance() as FastifyInstance).addHook('onRequest', (_request, reply, done) => {
    reply.headers(securityHeaders);
    done();
  });
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

/**
 * The headers a helmet middleware sets, recorded once. Ours are the same on every answer (no CSP
 * nonces), and the @fastify/helmet plugin built helmet's middleware again for every request — 3 %
 * of the server's CPU in bench/transitions; running the built one still cost 2 % (Node validates
 * each raw setHeader). A helmet that needed more of the response than these two calls fails here,
 * at start.
 */
function headersOf(middleware: (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: unknown) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  middleware({} as IncomingMessage, recorder as unknown as ServerResponse, (error) => {
    if (error) throw error;
  });
  return headers;
}
