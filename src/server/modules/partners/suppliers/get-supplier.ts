import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import type { Supplier } from './supplier.schema';
import { getSupplierRow, toSupplier } from './supplier-row';

export async function getSupplier(tx: TenantTransaction, supplierId: string): Promise<Supplier> {
  return toSupplier(await getSupplierRow(tx, supplierId));
}
