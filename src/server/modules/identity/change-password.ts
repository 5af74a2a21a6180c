import { and, eq, sql } from 'drizzle-orm';
import { passwordProblems } from '../../../domain/identity/password-rules';
import { writeAudit } from '../../platform/audit/write-audit';
import { hashPassword, verifyPassword } from '../../platform/auth/passwords';
import { type ActorContext, type Principal, sessionIdOf } from '../../platform/auth/principal';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import { AppError } from '../../platform/http/problem';
import type { PasswordChange } from './identity.schema';
import { checkThrottle, recordFailure } from './login-throttle';
import { users } from './user.table';
import { revokeSessions, tenantCode } from './user-guards';

/**
 * The signed-in user replaces their password: the current one must be right, the new one must
 * pass the rules and differ. Ends the initial-password state and every other session.
 */
export async function changePassword(
  tx: TenantTransaction,
  principal: Principal,
  actor: ActorContext,
  input: PasswordChange,
): Promise<void> {
  const where = and(eq(users.tenantId, tx.tenantId), eq(users.userId, principal.userId));
  const [current] = await tx.db.select().from(users).where(where).for('update');
  if (!current) throw new AppError('unauthenticated');
  // Guessing the current password from a stolen session is throttled and audited like a
  // failed sign-in, against the same counters.
  const subjects = { loginId: current.loginId, ip: actor.ip };
  const verdict = await checkThrottle(tx, subjects);
  if (verdict.retryAfterSeconds > 0) {
    throw new AppError('login_throttled', { retryAfterSeconds: verdict.retryAfterSeconds });
  }
  if (!(await verifyPassword(current.passwordHash, input.currentPassword))) {
    await recordFailure(tx, actor, subjects);
    await writeAudit(tx, actor, {
      event: 'auth.password_change_failed',
      targetType: 'user',
      targetId: principal.userId,
    });
    throw new AppError('current_password_incorrect', {
      keepChanges: true,
      errors: [{ path: 'currentPassword', message: '現在のパスワードが正しくありません' }],
    });
  }
  const problems = passwordProblems(input.newPassword, {
    tenantCode: await tenantCode(tx),
    loginId: current.loginId,
    userName: current.name,
    mfaEnabled: current.mfaEnabledAt !== null,
  });
  if (input.newPassword === input.currentPassword) {
    problems.push('現在のパスワードと異なるパスワードを入力してください');
  }
  if (problems.length > 0) {
    throw new AppError('validation_failed', {
      errors: problems.map((message) => ({ path: 'newPassword', message })),
    });
  }
  await tx.db
    .update(users)
    .set({
      passwordHash: await hashPassword(input.newPassword),
      mustChangePassword: false,
      initialPasswordExpiresAt: null,
      passwordChangedAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(where);
  const ended = await revokeSessions(tx, principal.userId, sessionIdOf(principal));
  await writeAudit(tx, actor, {
    event: 'auth.password_changed',
    targetType: 'user',
    targetId: principal.userId,
    after: { otherSessionsEnded: ended, wasInitialPassword: current.mustChangePassword },
  });
}
