import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { withClassifications } from '../classifications/partner-classifications';
import type { Supplier } from './supplier.schema';
import { getSupplierRow, toSupplier } from './supplier-row';

export async function getSupplier(tx: TenantTransaction, supplierId: string): Promise<Supplier> {
  return withClassifications(
    tx,
    'supplier',
    supplierId,
    toSupplier(await getSupplierRow(tx, supplierId)),
  );
}
