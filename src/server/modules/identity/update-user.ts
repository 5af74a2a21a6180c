import { and, eq, sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/write-audit';
import type { ActorContext } from '../../platform/auth/principal';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import { AppError } from '../../platform/http/problem';
import { revokeUserApiTokens } from '../api-tokens/revoke-user-api-tokens';
import type { User, UserUpdate } from './user.schema';
import { users } from './user.table';
import {
  assertAnotherActiveAdmin,
  assertSeatAvailable,
  lockTenant,
  revokeSessions,
} from './user-guards';
import { assertGroupExists, getUserOrThrow, userWriteError } from './user-row';

/**
 * Edits a 担当者 with optimistic locking. Re-activation needs a free seat; the last active
 * 組織管理者 cannot be demoted or disabled; disabling ends the user's sessions at once.
 */
export async function updateUser(
  tx: TenantTransaction,
  actor: ActorContext,
  userId: string,
  { version, ...input }: UserUpdate,
): Promise<User> {
  const where = and(eq(users.tenantId, tx.tenantId), eq(users.userId, userId));
  const [current] = await tx.db.select().from(users).where(where).for('update');
  if (!current) throw new AppError('not_found');
  if (current.version !== version) throw new AppError('version_conflict');
  await assertGroupExists(tx, input.groupId);

  const becomesActive = !current.isActive && input.isActive;
  const wasActiveAdmin = current.isActive && current.isOrgAdmin;
  const losesAdmin = wasActiveAdmin && !(input.isActive && input.isOrgAdmin);
  if (becomesActive || losesAdmin) {
    const tenant = await lockTenant(tx);
    if (becomesActive) await assertSeatAvailable(tx, tenant.seatLimit);
    if (losesAdmin) await assertAnotherActiveAdmin(tx, userId);
  }

  try {
    await tx.db
      .update(users)
      .set({ ...input, version: version + 1, updatedAt: sql`now()` })
      .where(where);
  } catch (error) {
    throw userWriteError(error) ?? error;
  }

  const before = Object.fromEntries(
    Object.keys(input).map((key) => [key, current[key as keyof typeof input]]),
  );
  const changed = Object.keys(input).filter(
    (key) => before[key] !== input[key as keyof typeof input],
  );
  await writeAudit(tx, actor, {
    event: 'user.updated',
    targetType: 'user',
    targetId: userId,
    before: Object.fromEntries(changed.map((key) => [key, before[key]])),
    after: Object.fromEntries(changed.map((key) => [key, input[key as keyof typeof input]])),
  });
  if (current.isOrgAdmin !== input.isOrgAdmin) {
    await writeAudit(tx, actor, {
      event: input.isOrgAdmin ? 'user.org_admin_granted' : 'user.org_admin_revoked',
      targetType: 'user',
      targetId: userId,
      after: { loginId: input.loginId },
    });
  }
  if (current.isActive && !input.isActive) {
    const ended = await revokeSessions(tx, userId);
    const tokens = await revokeUserApiTokens(tx, userId);
    await writeAudit(tx, actor, {
      event: 'user.sessions_revoked',
      targetType: 'user',
      targetId: userId,
      after: { reason: 'disabled', sessions: ended, apiTokens: tokens },
    });
  }
  return getUserOrThrow(tx, userId);
}
