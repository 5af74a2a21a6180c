import { sql } from 'drizzle-orm';
import type { OperatorActor } from '../../platform/auth/operator-principal';
import {
  createOperatorToken,
  OPERATOR_SESSION_LIFETIME_MS,
} from '../../platform/auth/operator-token';
import type { OperatorTransaction } from '../../platform/db/operator-transaction';
import { uuidv7 } from '../../platform/db/uuid';
import { operatorSessions } from './operator.table';

export type OperatorSessionStage = 'full' | 'mfa' | 'mfa_enrol';

/** A half-signed-in console session must finish quickly: 10 minutes for a code, 30 to enrol. */
const STAGE_LIFETIME_MS: Record<OperatorSessionStage, number> = {
  full: OPERATOR_SESSION_LIFETIME_MS,
  mfa: 10 * 60 * 1000,
  mfa_enrol: 30 * 60 * 1000,
};

/** Always a new random token: at sign-in and when the session gains privileges. */
export async function startOperatorSession(
  tx: OperatorTransaction,
  operatorId: string,
  origin: Pick<OperatorActor, 'ip' | 'userAgent'>,
  stage: OperatorSessionStage,
): Promise<{ sessionId: string; cookieValue: string }> {
  const token = createOperatorToken();
  const sessionId = uuidv7();
  await tx.db.insert(operatorSessions).values({
    sessionId,
    operatorId,
    tokenHash: token.tokenHash,
    stage,
    expiresAt: new Date(Date.now() + STAGE_LIFETIME_MS[stage]),
    ip: origin.ip,
    userAgent: origin.userAgent.slice(0, 512),
  });
  return { sessionId, cookieValue: token.cookieValue };
}

export async function revokeOperatorSession(tx: OperatorTransaction, sessionId: string) {
  await tx.db
    .update(operatorSessions)
    .set({ revokedAt: sql`now()` })
    .where(sql`${operatorSessions.sessionId} = ${sessionId}`);
}
