import { eq, sql } from 'drizzle-orm';
import type { OperatorActor } from '../../platform/auth/operator-principal';
import type { OperatorTransaction } from '../../platform/db/operator-transaction';
import { OperatorInputError } from './create-operator';
import { operatorSessions, operators } from './operator.table';
import { writeOperatorAudit } from './write-operator-audit';

/**
 * For an operator who lost both authenticator and recovery codes: TOTP and the codes are
 * removed and every session ends, so the next sign-in enrols TOTP again before anything else.
 * The password is kept: whoever runs the CLI has confirmed the person out of band.
 */
export async function resetOperatorMfa(
  tx: OperatorTransaction,
  actor: OperatorActor,
  loginId: string,
): Promise<{ operatorId: string; sessionsEnded: number }> {
  const [operator] = await tx.db
    .select({ operatorId: operators.operatorId, enabledAt: operators.mfaEnabledAt })
    .from(operators)
    .where(eq(operators.loginId, loginId))
    .for('update');
  if (!operator) {
    throw new OperatorInputError(`運用者「${loginId}」はいません / No operator "${loginId}"`);
  }
  await tx.db
    .update(operators)
    .set({
      mfaSecret: null,
      mfaPendingSecret: null,
      mfaLastStep: null,
      mfaEnabledAt: null,
      mfaRecoveryHashes: [],
    })
    .where(eq(operators.operatorId, operator.operatorId));
  const ended = await endOperatorSessions(tx, operator.operatorId);
  await writeOperatorAudit(tx, actor, {
    event: 'operator.mfa_reset',
    targetType: 'operator',
    targetId: operator.operatorId,
    detail: { loginId, hadMfa: operator.enabledAt !== null, sessionsEnded: ended },
  });
  return { operatorId: operator.operatorId, sessionsEnded: ended };
}

/** Ends every open session of the operator; how many there were. */
export async function endOperatorSessions(
  tx: OperatorTransaction,
  operatorId: string,
): Promise<number> {
  const ended = await tx.db
    .update(operatorSessions)
    .set({ revokedAt: sql`now()` })
    .where(
      sql`${operatorSessions.operatorId} = ${operatorId} AND ${operatorSessions.revokedAt} IS NULL`,
    )
    .returning({ sessionId: operatorSessions.sessionId });
  return ended.length;
}
