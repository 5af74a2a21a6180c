import { and, asc, eq, gt, type SQL, sql } from 'drizzle-orm';
import { isUniqueViolation, pgErrorFields } from '../../platform/db/pg-errors';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import { AppError } from '../../platform/http/problem';
import { loginThrottles } from './login-throttle.table';
import { permissionGroups } from './permission-group.table';
import type { User } from './user.schema';
import { users } from './user.table';

type UserRow = typeof users.$inferSelect;

export function toUser(
  row: UserRow,
  groupName: string | null,
  lockedUntil: Date | null = null,
): User {
  return {
    userId: row.userId,
    loginId: row.loginId,
    name: row.name,
    kana: row.kana,
    email: row.email,
    department: row.department,
    groupId: row.groupId,
    groupName,
    isOrgAdmin: row.isOrgAdmin,
    isActive: row.isActive,
    mustChangePassword: row.mustChangePassword,
    initialPasswordExpiresAt: row.initialPasswordExpiresAt?.toISOString() ?? null,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    mfaEnabled: row.mfaEnabledAt !== null,
    lockedUntil: lockedUntil?.toISOString() ?? null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Users with their group's name, in login ID order. */
export async function selectUsers(tx: TenantTransaction, where?: SQL): Promise<User[]> {
  const rows = await tx.db
    .select({
      user: users,
      groupName: permissionGroups.name,
      lockedUntil: loginThrottles.lockedUntil,
    })
    .from(users)
    .leftJoin(
      permissionGroups,
      and(
        eq(permissionGroups.tenantId, users.tenantId),
        eq(permissionGroups.groupId, users.groupId),
      ),
    )
    .leftJoin(
      loginThrottles,
      and(
        eq(loginThrottles.tenantId, users.tenantId),
        eq(loginThrottles.scope, 'account'),
        eq(loginThrottles.subject, users.loginId),
        gt(loginThrottles.lockedUntil, sql`now()`),
      ),
    )
    .where(and(eq(users.tenantId, tx.tenantId), where))
    .orderBy(asc(users.loginId));
  return rows.map((r) => toUser(r.user, r.groupName, r.lockedUntil));
}

export async function getUserOrThrow(tx: TenantTransaction, userId: string): Promise<User> {
  const [user] = await selectUsers(tx, eq(users.userId, userId));
  if (!user) throw new AppError('not_found');
  return user;
}

/**
 * What a failed users write means for the form: a taken login ID, or a group deleted by
 * another admin between our existence check and the write (the foreign key catches it).
 */
export function userWriteError(error: unknown): AppError | null {
  if (pgErrorFields(error).code === '23503') {
    return new AppError('validation_failed', {
      errors: [{ path: 'groupId', message: '権限グループが見つかりません' }],
    });
  }
  if (!isUniqueViolation(error, 'users_login_id_key')) return null;
  return new AppError('login_id_taken', {
    errors: [{ path: 'loginId', message: 'このログインIDは既に使われています' }],
  });
}

/** A group id that is not one of this tenant's groups is a field error, not a 500. */
export async function assertGroupExists(tx: TenantTransaction, groupId: string | null) {
  if (groupId === null) return;
  const [group] = await tx.db
    .select({ groupId: permissionGroups.groupId })
    .from(permissionGroups)
    .where(and(eq(permissionGroups.tenantId, tx.tenantId), eq(permissionGroups.groupId, groupId)));
  if (!group) {
    throw new AppError('validation_failed', {
      errors: [{ path: 'groupId', message: '権限グループが見つかりません' }],
    });
  }
}
