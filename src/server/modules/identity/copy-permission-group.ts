import { normalizePermissions } from '../../../domain/access/permission-grid';
import type { Permission } from '../../../domain/access/permissions';
import type { ActorContext } from '../../platform/auth/principal';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import { createPermissionGroup } from './create-permission-group';
import type { PermissionGroup, PermissionGroupCopy } from './permission-group.schema';
import { getPermissionGroupOrThrow } from './permission-group-row';

/** コピーして作成: a new group with the source's grants under a new name; members stay put. */
export async function copyPermissionGroup(
  tx: TenantTransaction,
  actor: ActorContext,
  sourceGroupId: string,
  { name }: PermissionGroupCopy,
): Promise<PermissionGroup> {
  const source = await getPermissionGroupOrThrow(tx, sourceGroupId);
  return createPermissionGroup(
    tx,
    actor,
    { name, permissions: normalizePermissions(source.permissions as Permission[]) },
    { groupId: source.groupId, name: source.name },
  );
}
