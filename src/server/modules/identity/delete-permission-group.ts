import { and, eq, sql } from 'drizzle-orm';
import { sortPermissions } from '../../../domain/access/permission-grid';
import type { Permission } from '../../../domain/access/permissions';
import { writeAudit } from '../../platform/audit/write-audit';
import type { ActorContext } from '../../platform/auth/principal';
import { pgErrorFields } from '../../platform/db/pg-errors';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import { AppError } from '../../platform/http/problem';
import { permissionGroups } from './permission-group.table';
import { lockPermissionGroup } from './permission-group-row';
import { users } from './user.table';

/**
 * Deletes a group nobody uses. A group with members is refused with their number rather than
 * silently leaving users without rights: the admin decides where each of them goes. The row
 * lock plus the users → groups foreign key keep a concurrent assignment from slipping in.
 */
export async function deletePermissionGroup(
  tx: TenantTransaction,
  actor: ActorContext,
  groupId: string,
): Promise<void> {
  const current = await lockPermissionGroup(tx, groupId);
  const [members] = await tx.db
    .select({ count: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.tenantId, tx.tenantId), eq(users.groupId, groupId)));
  if ((members?.count ?? 0) > 0) throw inUse(members?.count ?? 0);
  try {
    await tx.db
      .delete(permissionGroups)
      .where(
        and(eq(permissionGroups.tenantId, tx.tenantId), eq(permissionGroups.groupId, groupId)),
      );
  } catch (error) {
    if (pgErrorFields(error).code === '23503') throw inUse(1);
    throw error;
  }
  await writeAudit(tx, actor, {
    event: 'permission_group.deleted',
    targetType: 'permission_group',
    targetId: groupId,
    before: {
      name: current.name,
      permissions: sortPermissions(current.permissions as Permission[]),
    },
  });
}

function inUse(count: number): AppError {
  return new AppError('permission_group_in_use', {
    detail: `${count}人の担当者がこのグループを使用しています。`,
  });
}
