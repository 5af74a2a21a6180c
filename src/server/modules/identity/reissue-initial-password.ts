import { and, eq, sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/write-audit';
import type { ActorContext } from '../../platform/auth/principal';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import { AppError } from '../../platform/http/problem';
import { issueInitialPassword } from './initial-password';
import { clearAccountThrottle } from './login-throttle';
import type { InitialPasswordRequest, IssuedInitialPassword } from './user.schema';
import { users } from './user.table';
import { revokeSessions, tenantCode } from './user-guards';

/**
 * 初期パスワード再発行: replaces the password with a new initial one (72 hours, single use,
 * change forced at sign-in) and ends the user's sessions, since the old password is gone.
 */
export async function reissueInitialPassword(
  tx: TenantTransaction,
  actor: ActorContext,
  userId: string,
  input: InitialPasswordRequest,
): Promise<IssuedInitialPassword> {
  const where = and(eq(users.tenantId, tx.tenantId), eq(users.userId, userId));
  const [current] = await tx.db.select().from(users).where(where).for('update');
  if (!current) throw new AppError('not_found');
  const issued = await issueInitialPassword(input.initialPassword, {
    tenantCode: await tenantCode(tx),
    loginId: current.loginId,
    userName: current.name,
  });
  await tx.db
    .update(users)
    .set({
      passwordHash: issued.passwordHash,
      mustChangePassword: true,
      initialPasswordExpiresAt: issued.expiresAt,
      passwordChangedAt: sql`now()`,
      version: sql`${users.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(where);
  const ended = await revokeSessions(tx, userId);
  // A new password from the admin is the way out of a lock, so it lifts it.
  await clearAccountThrottle(tx, [current.loginId]);
  await writeAudit(tx, actor, {
    event: 'user.initial_password_issued',
    targetType: 'user',
    targetId: userId,
    after: {
      generated: issued.generatedPassword !== null,
      expiresAt: issued.expiresAt,
      sessionsEnded: ended,
    },
  });
  return {
    generatedPassword: issued.generatedPassword,
    expiresAt: issued.expiresAt.toISOString(),
  };
}
