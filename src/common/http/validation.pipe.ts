import { ValidationPipe } from '@nestjs/common';
import { ValidationError } from '../errors/domain.error';
import { fieldErrors } from '../validation/field-errors';
import { validatorOptions } from '../validation/validate';

/** DTO validation for every route: unknown fields refused, Chinese messages per field. */
export const validationPipe = () =>
  new ValidationPipe({
    ...validatorOptions,
    transform: true,
    exceptionFactory: (errors) => new ValidationError(fieldErrors(errors)),
  });
