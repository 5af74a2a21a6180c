import { eq } from 'drizzle-orm';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import { tenants } from '../organization/tenant.table';
import type { UserList } from './user.schema';
import { countActiveUsers } from './user-guards';
import { selectUsers } from './user-row';

/** Every user of the tenant: a tenant has at most its seat count of active users. */
export async function findUsers(tx: TenantTransaction): Promise<UserList> {
  const [tenant] = await tx.db
    .select({ seatLimit: tenants.seatLimit })
    .from(tenants)
    .where(eq(tenants.tenantId, tx.tenantId));
  return {
    items: await selectUsers(tx),
    seatLimit: tenant?.seatLimit ?? 0,
    activeCount: await countActiveUsers(tx),
  };
}
