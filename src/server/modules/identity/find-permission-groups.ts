import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import type { PermissionGroupList } from './permission-group.schema';
import { selectPermissionGroups } from './permission-group-row';

/** Every group of the tenant with its member count: the admin list and the user form's choices. */
export async function findPermissionGroups(tx: TenantTransaction): Promise<PermissionGroupList> {
  return { items: await selectPermissionGroups(tx) };
}
