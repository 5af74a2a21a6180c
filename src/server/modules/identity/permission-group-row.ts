import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import { sortPermissions } from '../../../domain/access/permission-grid';
import type { Permission } from '../../../domain/access/permissions';
import { isUniqueViolation } from '../../platform/db/pg-errors';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import { AppError } from '../../platform/http/problem';
import type { PermissionGroup } from './permission-group.schema';
import { permissionGroups } from './permission-group.table';

// Qualified by hand: drizzle renders bare column names inside a sub-select, which would make
// both sides of the join condition refer to app.users.
const memberCount = sql<number>`(SELECT count(*)::int FROM app.users u
  WHERE u.tenant_id = "permission_groups"."tenant_id"
    AND u.group_id = "permission_groups"."group_id")`;

/** Groups with their member counts, in name order. */
export async function selectPermissionGroups(
  tx: TenantTransaction,
  where?: SQL,
): Promise<PermissionGroup[]> {
  const rows = await tx.db
    .select({ group: permissionGroups, memberCount })
    .from(permissionGroups)
    .where(and(eq(permissionGroups.tenantId, tx.tenantId), where))
    .orderBy(asc(permissionGroups.name));
  return rows.map(({ group, memberCount }) => ({
    groupId: group.groupId,
    name: group.name,
    permissions: sortPermissions(group.permissions as Permission[]),
    memberCount,
    version: group.version,
    createdAt: group.createdAt.toISOString(),
    updatedAt: group.updatedAt.toISOString(),
  }));
}

export async function getPermissionGroupOrThrow(
  tx: TenantTransaction,
  groupId: string,
): Promise<PermissionGroup> {
  const [group] = await selectPermissionGroups(tx, eq(permissionGroups.groupId, groupId));
  if (!group) throw new AppError('not_found');
  return group;
}

/** Locks the group row so membership checks and edits see a stable group. */
export async function lockPermissionGroup(tx: TenantTransaction, groupId: string) {
  const [row] = await tx.db
    .select()
    .from(permissionGroups)
    .where(and(eq(permissionGroups.tenantId, tx.tenantId), eq(permissionGroups.groupId, groupId)))
    .for('update');
  if (!row) throw new AppError('not_found');
  return row;
}

export function groupNameTakenError(error: unknown): AppError | null {
  if (!isUniqueViolation(error, 'permission_groups_name_key')) return null;
  return new AppError('permission_group_name_taken', {
    errors: [{ path: 'name', message: 'このグループ名は既に使われています' }],
  });
}
