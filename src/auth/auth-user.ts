import type { Actor } from '../../workflows/case';

/** The authenticated caller as every service sees it. */
export interface AuthUser {
  id: string;
  username: string;
  actor: Actor;
}
