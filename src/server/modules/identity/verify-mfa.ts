import { and, eq, sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/write-audit';
import { type ActorContext, type Principal, sessionIdOf } from '../../platform/auth/principal';
import { spendRecoveryCode } from '../../platform/auth/recovery-codes';
import type { SecretBox } from '../../platform/auth/secret-box';
import { matchTotp } from '../../platform/auth/totp';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import { AppError } from '../../platform/http/problem';
import { checkThrottle, clearAccountThrottle, recordFailure } from './login-throttle';
import type { MfaCode } from './mfa.schema';
import { openMfaSecret } from './mfa-secret';
import { sessions } from './session.table';
import { startSession } from './start-session';
import { users } from './user.table';

export type MfaMethod = 'totp' | 'recovery_code';

/** Checks a TOTP code (single use per time step) or spends a recovery code. */
export async function acceptSecondFactor(
  tx: TenantTransaction,
  userId: string,
  box: SecretBox,
  code: string,
): Promise<{ method: MfaMethod; recoveryCodesLeft: number } | null> {
  const where = and(eq(users.tenantId, tx.tenantId), eq(users.userId, userId));
  const [user] = await tx.db
    .select({
      secret: users.mfaSecret,
      lastStep: users.mfaLastStep,
      recoveryHashes: users.mfaRecoveryHashes,
    })
    .from(users)
    .where(where)
    .for('update');
  if (!user?.secret) return null;
  const step = matchTotp(openMfaSecret(box, tx.tenantId, userId, user.secret), code, user.lastStep);
  if (step !== null) {
    await tx.db.update(users).set({ mfaLastStep: step }).where(where);
    return { method: 'totp', recoveryCodesLeft: user.recoveryHashes.length };
  }
  const left = spendRecoveryCode(box, `${tx.tenantId}/${userId}`, user.recoveryHashes, code);
  if (!left) return null;
  await tx.db.update(users).set({ mfaRecoveryHashes: left }).where(where);
  return { method: 'recovery_code', recoveryCodesLeft: left.length };
}

/**
 * Sign-in step 2: the code (or a recovery code) turns the pending session into a full one
 * under a new token. Wrong codes count against the same per-account and per-IP counters as
 * wrong passwords, and are kept even though the request fails.
 */
export async function verifyMfa(
  tx: TenantTransaction,
  principal: Principal,
  actor: ActorContext,
  box: SecretBox,
  input: MfaCode,
): Promise<{ cookieValue: string }> {
  if (principal.sessionStage !== 'mfa') throw new AppError('mfa_not_pending');
  // Lock the pending session: of two codes sent at once, the second waits here, then finds
  // the session already exchanged and gets no second full session.
  const [pending] = await tx.db
    .select({ revokedAt: sessions.revokedAt })
    .from(sessions)
    .where(and(eq(sessions.tenantId, tx.tenantId), eq(sessions.sessionId, sessionIdOf(principal))))
    .for('update');
  if (!pending || pending.revokedAt) throw new AppError('unauthenticated');
  const subjects = { loginId: principal.loginId, ip: actor.ip };
  const verdict = await checkThrottle(tx, subjects);
  if (verdict.retryAfterSeconds > 0) {
    throw new AppError('login_throttled', { retryAfterSeconds: verdict.retryAfterSeconds });
  }
  const accepted = await acceptSecondFactor(tx, principal.userId, box, input.code);
  if (!accepted) {
    await recordFailure(tx, actor, subjects);
    await writeAudit(tx, actor, {
      event: 'auth.mfa_failed',
      targetType: 'user',
      targetId: principal.userId,
    });
    throw new AppError('mfa_code_invalid', {
      keepChanges: true,
      errors: [{ path: 'code', message: '確認コードが正しくありません' }],
    });
  }
  await clearAccountThrottle(tx, [principal.loginId]);
  await tx.db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.tenantId, tx.tenantId), eq(sessions.sessionId, sessionIdOf(principal))));
  const session = await startSession(tx, principal.userId, actor, 'full');
  await tx.db
    .update(users)
    .set({
      lastLoginAt: sql`now()`,
      ...(principal.mustChangePassword ? { initialPasswordExpiresAt: sql`now()` } : {}),
    })
    .where(and(eq(users.tenantId, tx.tenantId), eq(users.userId, principal.userId)));
  await writeAudit(tx, actor, {
    event: 'auth.mfa_verified',
    targetType: 'user',
    targetId: principal.userId,
    after: accepted,
  });
  await writeAudit(tx, actor, {
    event: 'auth.login_succeeded',
    targetType: 'session',
    targetId: session.sessionId,
  });
  return { cookieValue: session.cookieValue };
}
