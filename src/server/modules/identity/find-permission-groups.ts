import { asc, eq } from 'drizzle-orm';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import { permissionGroups } from './permission-group.table';
import type { PermissionGroupOptionList } from './user.schema';

/** The groups a user can be placed in, for the user form's choice list. */
export async function findPermissionGroups(
  tx: TenantTransaction,
): Promise<PermissionGroupOptionList> {
  const items = await tx.db
    .select({ groupId: permissionGroups.groupId, name: permissionGroups.name })
    .from(permissionGroups)
    .where(eq(permissionGroups.tenantId, tx.tenantId))
    .orderBy(asc(permissionGroups.name));
  return { items };
}
