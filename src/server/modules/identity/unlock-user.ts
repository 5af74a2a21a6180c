import { and, eq } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/write-audit';
import type { ActorContext } from '../../platform/auth/principal';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import { AppError } from '../../platform/http/problem';
import { clearAccountThrottle } from './login-throttle';
import { users } from './user.table';

/** ロック解除: forgets the user's failed sign-ins so they can try again at once. */
export async function unlockUser(
  tx: TenantTransaction,
  actor: ActorContext,
  userId: string,
): Promise<void> {
  const [user] = await tx.db
    .select({ loginId: users.loginId })
    .from(users)
    .where(and(eq(users.tenantId, tx.tenantId), eq(users.userId, userId)));
  if (!user) throw new AppError('not_found');
  const cleared = await clearAccountThrottle(tx, [user.loginId]);
  await writeAudit(tx, actor, {
    event: 'user.unlocked',
    targetType: 'user',
    targetId: userId,
    after: { hadFailures: cleared > 0 },
  });
}
