import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'sandiao:public';
/** A route anyone may call (login, health, API docs). Everything else needs a token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
