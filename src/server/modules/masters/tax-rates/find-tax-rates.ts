import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import type { TaxRate } from './tax-rate.schema';
import { taxRates } from './tax-rate.table';
import { mergeTaxRates } from './tax-rate-row';

export async function findTaxRates(tx: TenantTransaction): Promise<{ items: TaxRate[] }> {
  const rows = await tx.db.select().from(taxRates);
  return { items: mergeTaxRates(rows) };
}
