import type { Grants } from '../../../domain/access/permissions';

/** Who is calling: the signed-in staff user of one tenant. */
export interface Principal extends Grants {
  readonly tenantId: string;
  readonly userId: string;
  readonly sessionId: string;
  readonly loginId: string;
  readonly name: string;
  readonly mustChangePassword: boolean;
  /** How far sign-in has got: only 'full' sessions reach business routes. */
  readonly sessionStage: 'full' | 'mfa' | 'mfa_enrol';
  readonly mfaEnabled: boolean;
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
