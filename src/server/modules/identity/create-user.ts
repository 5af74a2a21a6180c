import { writeAudit } from '../../platform/audit/write-audit';
import type { ActorContext } from '../../platform/auth/principal';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import { uuidv7 } from '../../platform/db/uuid';
import { issueInitialPassword } from './initial-password';
import type { CreatedUser, UserCreate } from './user.schema';
import { users } from './user.table';
import { assertSeatAvailable, lockTenant, tenantCode } from './user-guards';
import { assertGroupExists, getUserOrThrow, userWriteError } from './user-row';

/** Registers a 担当者 with an initial password, within the contract's seat limit. */
export async function createUser(
  tx: TenantTransaction,
  actor: ActorContext,
  { initialPassword, ...input }: UserCreate,
): Promise<CreatedUser> {
  // Hash before taking the tenant lock: argon2 takes a while and the lock queues other admins.
  const issued = await issueInitialPassword(initialPassword, {
    tenantCode: await tenantCode(tx),
    loginId: input.loginId,
    userName: input.name,
  });
  await assertGroupExists(tx, input.groupId);
  const tenant = await lockTenant(tx);
  if (input.isActive) await assertSeatAvailable(tx, tenant.seatLimit);
  const userId = uuidv7();
  try {
    await tx.db.insert(users).values({
      tenantId: tx.tenantId,
      userId,
      ...input,
      passwordHash: issued.passwordHash,
      mustChangePassword: true,
      initialPasswordExpiresAt: issued.expiresAt,
      // Explicit, though the column defaults to now(): issuance starts the expiry clock.
      passwordChangedAt: new Date(),
    });
  } catch (error) {
    throw userWriteError(error) ?? error;
  }
  await writeAudit(tx, actor, {
    event: 'user.created',
    targetType: 'user',
    targetId: userId,
    after: input,
  });
  if (input.isOrgAdmin) {
    await writeAudit(tx, actor, {
      event: 'user.org_admin_granted',
      targetType: 'user',
      targetId: userId,
      after: { loginId: input.loginId },
    });
  }
  await writeAudit(tx, actor, {
    event: 'user.initial_password_issued',
    targetType: 'user',
    targetId: userId,
    after: { generated: issued.generatedPassword !== null, expiresAt: issued.expiresAt },
  });
  return {
    user: await getUserOrThrow(tx, userId),
    initialPassword: {
      generatedPassword: issued.generatedPassword,
      expiresAt: issued.expiresAt.toISOString(),
    },
  };
}
