// What Nest's explorer cannot write into the OpenAPI document by itself: the error answers of the
// HTTP contract (api.md "General") — one schema, ApiError, and on each operation the statuses it
// can answer with — and schemas that are data, not classes (the monthly form's Figures). Which
// error statuses an operation has follows from what it is (the filter in ./error.filter.ts gives
// every refusal this shape), not from a list kept by hand beside each route.
import type { OpenAPIObject } from '@nestjs/swagger';

type Operation = OpenAPIObject['paths'][string]['get'] & object;

const apiError = {
  type: 'object',
  required: ['code', 'message', 'details'],
  properties: {
    code: { type: 'string', description: '错误代码（大写英文，如 VALIDATION_FAILED、CASE_NOT_FOUND）', example: 'TRANSITION_NOT_ALLOWED' },
    message: { type: 'string', description: '给人看的中文说明', example: '案件当前状态不接受该事件' },
    details: {
      type: 'object',
      additionalProperties: true,
      description: '400 时含 fields（字段路径 → 中文提示列表）；409 TRANSITION_NOT_ALLOWED 时含 state 与 allowedEvents；409 VERSION_CONFLICT 时含 currentVersion',
    },
  },
};

const answers: Record<string, string> = {
  '400': 'VALIDATION_FAILED：输入有误，details.fields 逐字段说明（未知字段一律拒收）',
  '401': 'UNAUTHENTICATED：未登录、令牌无效或已过期；TOTP_REQUIRED：须输入动态验证码',
  '403': 'FORBIDDEN：角色或管辖范围不允许',
  '404': '<对象>_NOT_FOUND：对象不存在（管辖范围以外的案件也可能如此答复）',
  '409': 'TRANSITION_NOT_ALLOWED（附 state、allowedEvents）、VERSION_CONFLICT（附 currentVersion）、DUPLICATE 或 DOCUMENT_NOT_READY：与当前状态冲突',
  '413': 'PAYLOAD_TOO_LARGE：请求体超过 1 MB',
  '422': 'RULE_VIOLATED（附 rule）或 IDEMPOTENCY_KEY_REUSED：不符合业务规则',
  '423': 'ACCOUNT_LOCKED：连续登录失败，账号暂时锁定',
  '429': 'RATE_LIMITED：请求过于频繁',
  '500': 'INTERNAL：服务器内部错误（不含堆栈信息）',
};

const writes = new Set(['post', 'put', 'patch']);

/** The statuses an operation can refuse with, from its method, path, inputs and security. */
function statusesOf(path: string, method: string, op: Operation): string[] {
  const isPublic = Array.isArray(op.security) && op.security.every((requirement) => Object.keys(requirement).length === 0);
  const takesInput = (op.parameters?.length ?? 0) > 0 || op.requestBody !== undefined;
  const statuses = ['429', '500'];
  if (path !== '/api/health') statuses.push('401');
  if (!isPublic) statuses.push('403');
  if (takesInput) statuses.push('400');
  if (op.requestBody) statuses.push('413');
  if (path.includes('{')) statuses.push('404');
  if (path === '/api/auth/login') statuses.push('423');
  else if (writes.has(method) && !path.startsWith('/api/auth/')) statuses.push('409', '422');
  if (path === '/api/documents/{id}/pdf') statuses.push('409');
  return statuses;
}

/**
 * Adds ApiError and each operation's error answers to a document Nest's explorer built, and the
 * schemas that are data rather than classes (a module's `…Schemas`, referred to by $ref).
 */
export function completeOpenApi(document: OpenAPIObject, schemas: Record<string, object> = {}): OpenAPIObject {
  document.components ??= {};
  document.components.schemas = { ...document.components.schemas, ...schemas, ApiError: apiError };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(item) as [string, Operation][]) {
      if (typeof op !== 'object' || !op || !('responses' in op)) continue;
      for (const status of statusesOf(path, method, op)) {
        op.responses[status] ??= { description: answers[status], content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } } };
      }
    }
  }
  return document;
}
