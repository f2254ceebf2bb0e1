import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { ValidationError } from '../errors/domain.error';
import { fieldErrors } from '../validation/field-errors';
import { inheritedKeyErrors, withInheritedKeyErrors } from '../validation/inherited-keys';
import { validatorOptions } from '../validation/validate';

/** DTO validation for every route: unknown fields refused, Chinese messages per field. */
class SandiaoValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const dto = metadata.metatype && ![Object, String, Number, Boolean, Array].includes(metadata.metatype as never);
    if (metadata.type === 'body' && dto && (value === null || typeof value !== 'object' || Array.isArray(value))) {
      throw new ValidationError({ _: ['请求体必须是 JSON 对象'] });
    }
    // An untyped body (`unknown`) is validated later by the service against the schema it picks.
    const inherited = dto && (metadata.type === 'body' || metadata.type === 'query') ? inheritedKeyErrors(value) : {};
    try {
      const result = await super.transform(value, metadata);
      if (Object.keys(inherited).length) throw new ValidationError(inherited);
      return result;
    } catch (error) {
      if (error instanceof ValidationError && Object.keys(inherited).length) {
        throw new ValidationError(withInheritedKeyErrors((error.details.fields as Record<string, string[]>) ?? {}, value));
      }
      throw error;
    }
  }
}

export const validationPipe = () =>
  new SandiaoValidationPipe({
    ...validatorOptions,
    transform: true,
    exceptionFactory: (errors) => new ValidationError(fieldErrors(errors)),
  });
