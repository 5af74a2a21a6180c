import { eq } from 'drizzle-orm';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import type { CompanyProfile } from './company-profile.schema';
import { companyProfiles } from './company-profile.table';
import { toCompanyProfile } from './company-profile-row';

export async function findProfileRow(tx: TenantTransaction, options: { forUpdate?: boolean } = {}) {
  const query = tx.db
    .select()
    .from(companyProfiles)
    .where(eq(companyProfiles.tenantId, tx.tenantId));
  const [row] = await (options.forUpdate ? query.for('update') : query);
  return row;
}

export async function getCompanyProfile(tx: TenantTransaction): Promise<CompanyProfile> {
  return toCompanyProfile(tx, await findProfileRow(tx));
}
