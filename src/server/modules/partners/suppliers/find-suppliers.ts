import { rowSelection } from '../../../platform/db/row-select';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { partnerList } from '../shared/partner-list';
import type { SupplierList, SupplierListQuery } from './supplier.schema';
import { suppliers } from './supplier.table';
import { supplierOutputColumns, toSupplierSummary } from './supplier-row';

/** The API's columns plus the sort key the cursor needs; built once for every request. */
const listed = rowSelection(suppliers, [...supplierOutputColumns, 'searchKana'], {
  timestamps: 'iso',
});

const listSuppliers = partnerList(suppliers, suppliers, listed);

export async function findSuppliers(
  tx: TenantTransaction,
  query: SupplierListQuery,
): Promise<SupplierList> {
  const { rows, nextCursor, total } = await listSuppliers(tx, query);
  return { items: rows.map(toSupplierSummary), nextCursor, total };
}
