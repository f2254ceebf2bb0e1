// Services throw DomainError; one filter (../http/error.filter.ts) turns codes into HTTP answers.

export const statusByCode: Record<string, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  TRANSITION_NOT_ALLOWED: 409,
  VERSION_CONFLICT: 409,
  DUPLICATE: 409,
  RULE_VIOLATED: 422,
  ACCOUNT_LOCKED: 423,
  TOTP_REQUIRED: 401,
  IDEMPOTENCY_KEY_REUSED: 422,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }

  get status(): number {
    return statusByCode[this.code] ?? (this.code.endsWith('_NOT_FOUND') ? 404 : 500);
  }
}

export class NotFoundError extends DomainError {
  constructor(thing: string, what: string, details: Record<string, unknown> = {}) {
    super(`${thing}_NOT_FOUND`, `${what}不存在`, details);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = '无权执行此操作', details: Record<string, unknown> = {}) {
    super('FORBIDDEN', message, details);
  }
}

export class ValidationError extends DomainError {
  constructor(fields: Record<string, string[]>, message = '提交的数据有误') {
    super('VALIDATION_FAILED', message, { fields });
  }

  static field(path: string, message: string): ValidationError {
    return new ValidationError({ [path]: [message] });
  }
}
