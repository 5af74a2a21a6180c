import type pg from 'pg';
import { allPermissions, type Permission } from '../../../domain/access/permissions';
import { writeAudit } from '../../platform/audit/write-audit';
import { hashPassword } from '../../platform/auth/passwords';
import type { ActorContext } from '../../platform/auth/principal';
import { withTenantTransaction } from '../../platform/db/tenant-transaction';
import { uuidv7 } from '../../platform/db/uuid';
import { permissionGroups } from '../identity/permission-group.table';
import { users } from '../identity/user.table';
import { DEFAULT_UNITS } from '../masters/units/unit.schema';
import { insertDefaultUnits } from '../masters/units/unit-operations';
import { insertDefaultAxes } from '../partners/classifications/axis-operations';
import { DEFAULT_AXIS_NAMES } from '../partners/classifications/classification.schema';
import { tenantSettings } from '../settings/tenant-settings.table';
import { tenants } from './tenant.table';

export interface NewTenant {
  code: string;
  name: string;
  seatLimit?: number;
  admin: { loginId: string; name: string; password: string };
}

/** Groups every new tenant starts with; admins adapt them later (アクセス権限グループ). */
const starterGroups: { name: string; permissions: readonly Permission[] }[] = [
  {
    name: '一般',
    permissions: allPermissions.filter((p) => !p.startsWith('settings:') && !p.endsWith(':delete')),
  },
  { name: '参照のみ', permissions: allPermissions.filter((p) => p.endsWith(':view')) },
];

/** Creates a tenant with its first 組織管理者, who must exist for anyone to sign in at all. */
export async function createTenant(
  pool: pg.Pool,
  input: NewTenant,
  origin: Pick<ActorContext, 'ip' | 'userAgent' | 'requestId' | 'actorLabel'>,
): Promise<{ tenantId: string; adminUserId: string }> {
  const tenantId = uuidv7();
  const adminUserId = uuidv7();
  const passwordHash = await hashPassword(input.admin.password);
  await withTenantTransaction(pool, tenantId, async (tx) => {
    const actor: ActorContext = { ...origin, tenantId, userId: null };
    await tx.db.insert(tenants).values({
      tenantId,
      code: input.code,
      name: input.name,
      seatLimit: input.seatLimit ?? 5,
    });
    // Every tenant has exactly one settings row; authentication joins it on each request.
    await tx.db.insert(tenantSettings).values({ tenantId });
    await writeAudit(tx, actor, {
      event: 'tenant.created',
      targetType: 'tenant',
      targetId: tenantId,
      after: { code: input.code, name: input.name },
    });
    await insertDefaultUnits(tx);
    await writeAudit(tx, actor, {
      event: 'unit.created',
      targetType: 'unit',
      targetId: 'defaults',
      after: { names: DEFAULT_UNITS },
    });
    await insertDefaultAxes(tx);
    await writeAudit(tx, actor, {
      event: 'classification_axis.created',
      targetType: 'classification_axis',
      targetId: 'defaults',
      after: { customer: DEFAULT_AXIS_NAMES, supplier: DEFAULT_AXIS_NAMES },
    });
    for (const group of starterGroups) {
      const groupId = uuidv7();
      await tx.db.insert(permissionGroups).values({
        tenantId,
        groupId,
        name: group.name,
        permissions: [...group.permissions],
      });
      await writeAudit(tx, actor, {
        event: 'permission_group.created',
        targetType: 'permission_group',
        targetId: groupId,
        after: { name: group.name, permissions: group.permissions },
      });
    }
    await tx.db.insert(users).values({
      tenantId,
      userId: adminUserId,
      loginId: input.admin.loginId,
      name: input.admin.name,
      passwordHash,
      isOrgAdmin: true,
    });
    await writeAudit(tx, actor, {
      event: 'user.created',
      targetType: 'user',
      targetId: adminUserId,
      after: { loginId: input.admin.loginId, name: input.admin.name, isOrgAdmin: true },
    });
  });
  return { tenantId, adminUserId };
}
