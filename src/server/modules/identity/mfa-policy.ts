import { eq } from 'drizzle-orm';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import { tenants } from '../organization/tenant.table';

export type MfaRequirement = 'off' | 'admins' | 'everyone';

export async function tenantMfaRequirement(tx: TenantTransaction): Promise<MfaRequirement> {
  const [row] = await tx.db
    .select({ mfaRequired: tenants.mfaRequired })
    .from(tenants)
    .where(eq(tenants.tenantId, tx.tenantId));
  return row?.mfaRequired ?? 'off';
}

export function mfaRequiredFor(requirement: MfaRequirement, isOrgAdmin: boolean): boolean {
  return requirement === 'everyone' || (requirement === 'admins' && isOrgAdmin);
}
