import { writeAudit } from '../../platform/audit/write-audit';
import type { ActorContext } from '../../platform/auth/principal';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import { uuidv7 } from '../../platform/db/uuid';
import type { PermissionGroup, PermissionGroupCreate } from './permission-group.schema';
import { permissionGroups } from './permission-group.table';
import { getPermissionGroupOrThrow, groupNameTakenError } from './permission-group-row';

/** Creates a group; `copiedFrom` is recorded when the grants came from another group. */
export async function createPermissionGroup(
  tx: TenantTransaction,
  actor: ActorContext,
  input: PermissionGroupCreate,
  copiedFrom?: { groupId: string; name: string },
): Promise<PermissionGroup> {
  const groupId = uuidv7();
  try {
    await tx.db.insert(permissionGroups).values({
      tenantId: tx.tenantId,
      groupId,
      name: input.name,
      permissions: input.permissions,
    });
  } catch (error) {
    throw groupNameTakenError(error) ?? error;
  }
  await writeAudit(tx, actor, {
    event: 'permission_group.created',
    targetType: 'permission_group',
    targetId: groupId,
    after: {
      name: input.name,
      permissions: input.permissions,
      ...(copiedFrom ? { copiedFrom } : {}),
    },
  });
  return getPermissionGroupOrThrow(tx, groupId);
}
