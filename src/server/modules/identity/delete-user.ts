import { and, eq } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/write-audit';
import type { ActorContext } from '../../platform/auth/principal';
import { isForeignKeyViolation } from '../../platform/db/pg-errors';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import { AppError } from '../../platform/http/problem';
import { users } from './user.table';
import { assertAnotherActiveAdmin, lockTenant } from './user-guards';

/**
 * Deletes the account; its sessions go with it (ON DELETE CASCADE), so its cookies stop working
 * on the next request. Audit rows keep the actor's login ID as a label, so documents and the
 * log still show who did what.
 */
export async function deleteUser(
  tx: TenantTransaction,
  actor: ActorContext,
  userId: string,
): Promise<void> {
  const where = and(eq(users.tenantId, tx.tenantId), eq(users.userId, userId));
  const [current] = await tx.db.select().from(users).where(where).for('update');
  if (!current) throw new AppError('not_found');
  if (current.isActive && current.isOrgAdmin) {
    await lockTenant(tx);
    await assertAnotherActiveAdmin(tx, userId);
  }
  // A user named as a partner's 担当者 stays (composite FKs); deactivating keeps history.
  await tx.db
    .delete(users)
    .where(where)
    .catch((error: unknown) => {
      if (isForeignKeyViolation(error)) throw new AppError('user_in_use');
      throw error;
    });
  await writeAudit(tx, actor, {
    event: 'user.deleted',
    targetType: 'user',
    targetId: userId,
    before: {
      loginId: current.loginId,
      name: current.name,
      isOrgAdmin: current.isOrgAdmin,
      isActive: current.isActive,
    },
  });
}
