import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ValidationError } from '../errors/domain.error';
import { fieldErrors } from './field-errors';
import { withInheritedKeyErrors } from './inherited-keys';

export const validatorOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  stopAtFirstError: true,
  validationError: { target: false, value: false },
} as const;

/** Plain JSON → a validated DTO instance, or a VALIDATION_FAILED error naming each bad field. */
export function validateInto<T extends object>(type: new () => T, plain: unknown): T {
  if (plain === null || typeof plain !== 'object' || Array.isArray(plain)) {
    throw new ValidationError({ _: ['请求体必须是 JSON 对象'] });
  }
  const instance = plainToInstance(type, plain);
  const fields = withInheritedKeyErrors(fieldErrors(validateSync(instance, validatorOptions)), plain);
  if (Object.keys(fields).length) throw new ValidationError(fields);
  return instance;
}
