import type { ActorContext } from '../../platform/auth/principal';
import { createSessionToken, SESSION_ABSOLUTE_TIMEOUT_MS } from '../../platform/auth/session-token';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import { uuidv7 } from '../../platform/db/uuid';
import { sessions } from './session.table';

export type SessionStage = 'full' | 'mfa' | 'mfa_enrol';

/** A half-signed-in session must finish quickly: 10 minutes to type a code, 30 to enrol. */
const STAGE_LIFETIME_MS: Record<SessionStage, number> = {
  full: SESSION_ABSOLUTE_TIMEOUT_MS,
  mfa: 10 * 60 * 1000,
  mfa_enrol: 30 * 60 * 1000,
};

/** Always a new random token: at sign-in and whenever a session gains privileges. */
export async function startSession(
  tx: TenantTransaction,
  userId: string,
  origin: Pick<ActorContext, 'ip' | 'userAgent'>,
  stage: SessionStage,
): Promise<{ sessionId: string; cookieValue: string }> {
  const token = createSessionToken(tx.tenantId);
  const sessionId = uuidv7();
  await tx.db.insert(sessions).values({
    tenantId: tx.tenantId,
    sessionId,
    tokenHash: token.tokenHash,
    userId,
    stage,
    expiresAt: new Date(Date.now() + STAGE_LIFETIME_MS[stage]),
    ip: origin.ip,
    userAgent: origin.userAgent.slice(0, 512),
  });
  return { sessionId, cookieValue: token.cookieValue };
}
