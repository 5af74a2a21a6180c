import { and, eq } from 'drizzle-orm';
import { allPermissions } from '../../../domain/access/permissions';
import type { Principal } from '../../platform/auth/principal';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import { tenants } from '../organization/tenant.table';
import type { Me } from './identity.schema';
import { users } from './user.table';

export async function getMe(
  tx: TenantTransaction,
  principal: Principal,
  dataRegion: string,
): Promise<Me> {
  const [row] = await tx.db
    .select({ code: tenants.code, tenantName: tenants.name, lastLoginAt: users.lastLoginAt })
    .from(users)
    .innerJoin(tenants, eq(tenants.tenantId, users.tenantId))
    .where(and(eq(users.tenantId, tx.tenantId), eq(users.userId, principal.userId)));
  if (!row) throw new Error('signed-in user vanished inside its own transaction');
  return {
    tenant: { code: row.code, name: row.tenantName, dataRegion },
    user: {
      userId: principal.userId,
      loginId: principal.loginId,
      name: principal.name,
      isOrgAdmin: principal.isOrgAdmin,
      mustChangePassword: principal.mustChangePassword,
      lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    },
    permissions: principal.isOrgAdmin ? [...allPermissions] : [...principal.permissions],
  };
}
