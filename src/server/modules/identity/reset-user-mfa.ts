import { and, eq, sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/write-audit';
import type { ActorContext } from '../../platform/auth/principal';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import { AppError } from '../../platform/http/problem';
import { mfaCleared } from './disable-mfa';
import { users } from './user.table';
import { revokeSessions } from './user-guards';

/**
 * For a user who lost their authenticator and recovery codes: MFA is removed and their
 * sessions end; they enrol again at the next sign-in if the tenant requires it.
 */
export async function resetUserMfa(
  tx: TenantTransaction,
  actor: ActorContext,
  userId: string,
): Promise<void> {
  const where = and(eq(users.tenantId, tx.tenantId), eq(users.userId, userId));
  const [user] = await tx.db
    .select({ enabledAt: users.mfaEnabledAt })
    .from(users)
    .where(where)
    .for('update');
  if (!user) throw new AppError('not_found');
  if (!user.enabledAt) throw new AppError('mfa_not_enabled');
  await tx.db
    .update(users)
    .set({ ...mfaCleared, version: sql`${users.version} + 1`, updatedAt: sql`now()` })
    .where(where);
  const ended = await revokeSessions(tx, userId);
  await writeAudit(tx, actor, {
    event: 'user.mfa_reset',
    targetType: 'user',
    targetId: userId,
    after: { sessionsEnded: ended },
  });
}
