import type { Grants } from '../../../domain/access/permissions';

/** Why a user must change their password before anything else. */
export type PasswordChangeReason = 'initial' | 'expired';

/** Who is calling: a staff user of one tenant, through a session cookie or an API token. */
export interface Principal extends Grants {
  readonly tenantId: string;
  readonly userId: string;
  /** The session of a browser sign-in; null for an API token. */
  readonly sessionId: string | null;
  /** The personal API token the request came with; null for a session. */
  readonly apiTokenId: string | null;
  readonly loginId: string;
  readonly name: string;
  readonly mustChangePassword: boolean;
  /** How far sign-in has got: only 'full' sessions reach business routes. */
  readonly sessionStage: 'full' | 'mfa' | 'mfa_enrol';
  readonly mfaEnabled: boolean;
  readonly passwordChangeReason: PasswordChangeReason | null;
  /** Days until the password expires, only inside the tenant's notice period. */
  readonly passwordExpiresInDays: number | null;
  /** The tenant's contract has ended: reads and the export only (ADR 0017). */
  readonly tenantReadOnly: boolean;
}

/** Session-only operations (logout, password change, /auth/me) need the session id. */
export function sessionIdOf(principal: Principal): string {
  if (!principal.sessionId) throw new Error('session-only operation reached with an API token');
  return principal.sessionId;
}

/** What an operation needs to record who did something, from where. */
export interface ActorContext {
  readonly tenantId: string;
  readonly userId: string | null;
  readonly actorLabel: string;
  readonly ip: string;
  readonly userAgent: string;
  readonly requestId: string;
}
