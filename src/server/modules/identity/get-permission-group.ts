import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import type { PermissionGroup } from './permission-group.schema';
import { getPermissionGroupOrThrow } from './permission-group-row';

export function getPermissionGroup(
  tx: TenantTransaction,
  groupId: string,
): Promise<PermissionGroup> {
  return getPermissionGroupOrThrow(tx, groupId);
}
