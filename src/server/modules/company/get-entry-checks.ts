import { eq } from 'drizzle-orm';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import type { EntryChecks } from './document-settings.schema';
import { documentEntryChecks } from './document-settings.table';
import { toEntryChecks } from './document-settings-row';

export async function getEntryChecks(tx: TenantTransaction): Promise<EntryChecks> {
  const [row] = await tx.db
    .select()
    .from(documentEntryChecks)
    .where(eq(documentEntryChecks.tenantId, tx.tenantId));
  return toEntryChecks(row);
}
