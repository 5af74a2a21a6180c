import { and, eq } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/write-audit';
import type { ActorContext } from '../../platform/auth/principal';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import { AppError } from '../../platform/http/problem';
import { users } from './user.table';
import { revokeSessions } from './user-guards';

/** An admin signs a user out everywhere (lost device, leaving staff). */
export async function revokeUserSessions(
  tx: TenantTransaction,
  actor: ActorContext,
  userId: string,
): Promise<{ ended: number }> {
  const [user] = await tx.db
    .select({ userId: users.userId })
    .from(users)
    .where(and(eq(users.tenantId, tx.tenantId), eq(users.userId, userId)));
  if (!user) throw new AppError('not_found');
  const ended = await revokeSessions(tx, userId);
  await writeAudit(tx, actor, {
    event: 'user.sessions_revoked',
    targetType: 'user',
    targetId: userId,
    after: { sessionsEnded: ended, reason: 'admin' },
  });
  return { ended };
}
