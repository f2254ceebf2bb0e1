import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiSecurity } from '@nestjs/swagger';

export const IS_PUBLIC = 'sandiao:public';
/**
 * A route anyone may call (login, health, API docs). Everything else needs a token. The empty
 * security requirement tells OpenAPI clients the same: no bearer token for this operation.
 */
export const Public = () => applyDecorators(SetMetadata(IS_PUBLIC, true), ApiSecurity({}));
