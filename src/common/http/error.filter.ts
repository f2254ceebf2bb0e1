// One place that turns every failure into the shared error shape (../../../shared/api.md):
// { code, message (中文), details }. Never a stack trace.
import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainError } from '../errors/domain.error';

const httpCodes: Record<number, [string, string]> = {
  400: ['VALIDATION_FAILED', '请求格式不正确'],
  401: ['UNAUTHENTICATED', '请先登录'],
  403: ['FORBIDDEN', '无权执行此操作'],
  404: ['NOT_FOUND', '请求的资源不存在'],
  405: ['METHOD_NOT_ALLOWED', '不支持该请求方法'],
  413: ['PAYLOAD_TOO_LARGE', '请求体过大（上限 1 MB）'],
  415: ['UNSUPPORTED_MEDIA_TYPE', '请以 application/json 提交'],
  429: ['RATE_LIMITED', '请求过于频繁，请稍后再试'],
};

interface Answer {
  status: number;
  body: { code: string; message: string; details: object };
}

@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    sendError(error, host.switchToHttp().getResponse<FastifyReply>(), this.logger);
  }
}

export function sendError(error: unknown, reply: FastifyReply, logger: Pick<Logger, 'error'>): void {
  const { status, body } = toAnswer(error);
  if (status >= 500) logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  void reply.status(status).header('content-type', 'application/json; charset=utf-8').send(body);
}

function toAnswer(error: unknown): Answer {
  if (error instanceof DomainError) {
    return { status: error.status, body: { code: error.code, message: error.message, details: error.details } };
  }
  const status = error instanceof HttpException ? error.getStatus() : fastifyStatus(error);
  const own = error as { code?: unknown; message?: unknown };
  if (status === 429 && own.code === 'RATE_LIMITED' && typeof own.message === 'string') {
    return { status, body: { code: 'RATE_LIMITED', message: own.message, details: {} } };
  }
  if (status && status < 500) {
    const [code, message] = httpCodes[status] ?? ['BAD_REQUEST', '请求无法处理'];
    const details = status === 400 ? { fields: bodyProblemFields(error, message) } : {};
    return { status, body: { code, message, details } };
  }
  return { status: 500, body: { code: 'INTERNAL', message: '服务器内部错误，请稍后重试', details: {} } };
}

/** Errors Fastify and its plugins raise themselves (bad JSON, body too large, rate limit) carry a statusCode. */
function fastifyStatus(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown })?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

function bodyProblemFields(error: unknown, fallback: string): Record<string, string[]> {
  const { code, message } = error as { code?: string; message?: string };
  // Fastify refuses prototype-poisoning keys while parsing the JSON.
  if (/forbidden prototype property/i.test(message ?? '')) return { __proto__: ['不允许的字段'] };
  if (/constructor/i.test(message ?? '') && /forbidden/i.test(message ?? '')) return { constructor: ['不允许的字段'] };
  if (code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError || /not valid JSON/i.test(message ?? '')) {
    return { _: ['请求体不是有效的 JSON，或含有不允许的 __proto__ / constructor 字段'] };
  }
  if (code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return { _: ['请求体为空'] };
  return { _: [fallback] };
}
