import { and, eq, or, sql } from 'drizzle-orm';
import { writeAuditMany } from '../../platform/audit/write-audit';
import { writeKeyCheck } from '../../platform/auth/mfa-key-check';
import type { OperatorActor } from '../../platform/auth/operator-principal';
import type { SecretBox } from '../../platform/auth/secret-box';
import { enterTenant, type OperatorTransaction } from '../../platform/db/operator-transaction';
import { mfaCleared } from '../identity/disable-mfa';
import { users } from '../identity/user.table';
import { revokeSessions } from '../identity/user-guards';
import { operators } from './operator.table';
import { tenantActorFor } from './ops-contract';
import { endOperatorSessions } from './reset-operator-mfa';
import { writeOperatorAudit } from './write-operator-audit';

export interface ForgottenMfaKey {
  operatorsReset: number;
  usersReset: number;
  tenantsAffected: number;
}

const REASON = 'mfa_key_forgotten';

/**
 * MFA_ENCRYPTION_KEY is lost: no sealed TOTP secret can be opened again, and recovery codes are
 * digests under the same key. Every operator's and tenant user's MFA columns are cleared and
 * their sessions end, all in the caller's one transaction, and the check value is sealed anew
 * with `box` (the new key). Tenants' 2段階認証 requirement is left as it is, so a user it covers
 * is sent to enrolment at the next sign-in; operators always are (ADR 0027).
 */
export async function forgetMfaKey(
  tx: OperatorTransaction,
  actor: OperatorActor,
  box: SecretBox,
): Promise<ForgottenMfaKey> {
  const reset = await tx.db
    .update(operators)
    .set({
      mfaSecret: null,
      mfaPendingSecret: null,
      mfaLastStep: null,
      mfaEnabledAt: null,
      mfaRecoveryHashes: [],
    })
    .where(hasMfaState(operators))
    .returning({ operatorId: operators.operatorId, loginId: operators.loginId });
  for (const operator of reset) {
    const ended = await endOperatorSessions(tx, operator.operatorId);
    await writeOperatorAudit(tx, actor, {
      event: 'operator.mfa_reset',
      targetType: 'operator',
      targetId: operator.operatorId,
      detail: { loginId: operator.loginId, reason: REASON, sessionsEnded: ended },
    });
  }

  const { rows: tenants } = await tx.client.query<{ tenant_id: string }>(
    'SELECT tenant_id FROM app.tenants ORDER BY tenant_id',
  );
  let usersReset = 0;
  let tenantsAffected = 0;
  for (const { tenant_id: tenantId } of tenants) {
    const tenantTx = await enterTenant(tx, tenantId);
    const cleared = await tenantTx.db
      .update(users)
      .set({ ...mfaCleared, version: sql`${users.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(users.tenantId, tenantId), hasMfaState(users)))
      .returning({ userId: users.userId });
    if (cleared.length === 0) continue;
    const entries = [];
    for (const { userId } of cleared) {
      const sessionsEnded = await revokeSessions(tenantTx, userId);
      entries.push({
        event: 'user.mfa_reset' as const,
        targetType: 'user',
        targetId: userId,
        after: { reason: REASON, sessionsEnded },
      });
    }
    await writeAuditMany(tenantTx, tenantActorFor(actor, tenantId), entries);
    usersReset += cleared.length;
    tenantsAffected += 1;
  }

  await writeKeyCheck(tx, box);
  const result = { operatorsReset: reset.length, usersReset, tenantsAffected };
  await writeOperatorAudit(tx, actor, { event: 'platform.mfa_key_forgotten', detail: result });
  return result;
}

/** Anything sealed or digested under the old key: a secret, a pending one, recovery codes. */
function hasMfaState(table: typeof users | typeof operators) {
  return or(
    sql`${table.mfaSecret} IS NOT NULL`,
    sql`${table.mfaPendingSecret} IS NOT NULL`,
    sql`cardinality(${table.mfaRecoveryHashes}) > 0`,
  );
}
