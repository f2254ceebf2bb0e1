import type { Actor } from '../../workflows/case';

/** The authenticated caller as every service sees it. */
export interface AuthUser {
  id: string;
  username: string;
  actor: Actor;
  /** The login (refresh-token family) this access token belongs to. */
  sessionId?: string;
  /** Set on a token that may only enrol a second factor (administrators without TOTP). */
  scope?: 'totp-enrolment';
}
