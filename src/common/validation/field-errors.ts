// class-validator errors → `details.fields` of the shared error shape (../shared/api.md).
import type { ValidationError as ClassValidationError } from 'class-validator';

export function fieldErrors(errors: ClassValidationError[], prefix = ''): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const messages = Object.entries(error.constraints ?? {}).map(([key, message]) =>
      key === 'whitelistValidation' ? '不允许的字段' : key === 'unknownValue' ? '请求体必须是 JSON 对象' : message,
    );
    if (messages.length) out[path || '_'] = messages;
    Object.assign(out, fieldErrors(error.children ?? [], path));
  }
  return out;
}
