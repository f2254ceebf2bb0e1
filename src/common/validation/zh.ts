// class-validator decorators with Chinese messages: what a mediator or clerk reads in a field error.
import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
  registerDecorator,
  type ValidationArguments,
} from 'class-validator';

export const Required = () => IsDefined({ message: '必填' });
export const Optional = () => IsOptional();
export const RequiredIf = (condition: (o: any) => boolean) => ValidateIf((o) => condition(o));

export const Text = (min = 1, max = 200) =>
  applyDecorators(
    IsString({ message: '必须是文本' }),
    MinLength(min, { message: min <= 1 ? '不能为空' : `至少 ${min} 个字` }),
    MaxLength(max, { message: `不能超过 ${max} 个字` }),
  );

export const Integer = (min: number, max: number) =>
  applyDecorators(
    IsInt({ message: '必须是整数' }),
    Min(min, { message: `不能小于 ${min}` }),
    Max(max, { message: `不能大于 ${max}` }),
  );

export const Bool = () => IsBoolean({ message: '必须是 true 或 false' });

export const OneOf = (values: readonly string[], labels?: Record<string, string>) =>
  IsIn([...values], {
    message: `取值无效，可选：${values.map((v) => (labels?.[v] ? `${v}（${labels[v]}）` : v)).join('、')}`,
  });

/** Every item of an array is one of `values`. */
export const EachOneOf = (values: readonly string[]) =>
  IsIn([...values], { each: true, message: `取值无效，可选：${values.join('、')}` });

export const Pattern = (re: RegExp, message: string) => Matches(re, { message });

/** A calendar date YYYY-MM-DD. */
export const CalendarDate = () =>
  registerPredicate('calendarDate', '须为有效日期（YYYY-MM-DD）', (v) => {
    if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
  });

/** An ISO-8601 instant with an offset, e.g. 2026-11-27T09:30:00+08:00. */
export const Instant = () =>
  registerPredicate('instant', '须为带时区的 ISO 8601 时间，例如 2026-11-27T09:30:00+08:00', (v) =>
    typeof v === 'string' &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(v) &&
    !Number.isNaN(Date.parse(v)),
  );

export const Nested = (type: () => new () => object) =>
  applyDecorators(ValidateNested(), Type(type), IsDefined({ message: '必填' }));

export const NestedList = (type: () => new () => object, min: number, max: number) =>
  applyDecorators(
    IsArray({ message: '必须是数组' }),
    ArrayMinSize(min, { message: `至少 ${min} 项` }),
    ArrayMaxSize(max, { message: `最多 ${max} 项` }),
    ValidateNested({ each: true }),
    Type(type),
  );

export const TextList = (min: number, max: number) =>
  applyDecorators(
    IsArray({ message: '必须是数组' }),
    ArrayMinSize(min, { message: `至少 ${min} 项` }),
    ArrayMaxSize(max, { message: `最多 ${max} 项` }),
    IsString({ each: true, message: '每一项都必须是文本' }),
  );

/** A custom check whose message may depend on the value and the rest of the object. */
export function registerPredicate(
  name: string,
  message: string | ((args: ValidationArguments) => string),
  test: (value: unknown, object: any) => boolean,
): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: typeof message === 'string' ? message : (args) => message(args) },
      validator: { validate: (value: unknown, args?: ValidationArguments) => test(value, args?.object) },
    });
}
