import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

/**
 * One request header, as Nest's @Headers(name) gives it, but left out of OpenAPI: Nest's explorer
 * documents every @Headers parameter as required, while the optional ones (If-Match,
 * Idempotency-Key) are described by @ApiHeader beside the route.
 */
export const RequestHeader = createParamDecorator((name: string, context: ExecutionContext): string | undefined => {
  const value = context.switchToHttp().getRequest<{ headers: Record<string, string | string[] | undefined> }>().headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
});
