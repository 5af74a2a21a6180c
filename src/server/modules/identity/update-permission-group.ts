import { and, eq, sql } from 'drizzle-orm';
import { sortPermissions } from '../../../domain/access/permission-grid';
import type { Permission } from '../../../domain/access/permissions';
import { writeAudit } from '../../platform/audit/write-audit';
import type { ActorContext } from '../../platform/auth/principal';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import { AppError } from '../../platform/http/problem';
import type { PermissionGroup, PermissionGroupUpdate } from './permission-group.schema';
import { permissionGroups } from './permission-group.table';
import {
  getPermissionGroupOrThrow,
  groupNameTakenError,
  lockPermissionGroup,
} from './permission-group-row';

/**
 * Renames a group and/or replaces its grants, with optimistic locking. Members' sessions load
 * their group on every request, so the change applies from their next request on.
 */
export async function updatePermissionGroup(
  tx: TenantTransaction,
  actor: ActorContext,
  groupId: string,
  { version, name, permissions }: PermissionGroupUpdate,
): Promise<PermissionGroup> {
  const current = await lockPermissionGroup(tx, groupId);
  if (current.version !== version) throw new AppError('version_conflict');
  try {
    await tx.db
      .update(permissionGroups)
      .set({ name, permissions, version: version + 1, updatedAt: sql`now()` })
      .where(
        and(eq(permissionGroups.tenantId, tx.tenantId), eq(permissionGroups.groupId, groupId)),
      );
  } catch (error) {
    throw groupNameTakenError(error) ?? error;
  }
  const before = sortPermissions(current.permissions as Permission[]);
  const beforeSet = new Set<string>(before);
  const afterSet = new Set<string>(permissions);
  await writeAudit(tx, actor, {
    event: 'permission_group.updated',
    targetType: 'permission_group',
    targetId: groupId,
    before: { name: current.name, permissions: before },
    after: {
      name,
      permissions,
      granted: permissions.filter((p) => !beforeSet.has(p)),
      revoked: before.filter((p) => !afterSet.has(p)),
    },
  });
  return getPermissionGroupOrThrow(tx, groupId);
}
