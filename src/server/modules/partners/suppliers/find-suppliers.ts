import { rowSelection } from '../../../platform/db/row-select';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { supplierClassifications } from '../classifications/classification.table';
import type { PartnerSearch } from '../shared/partner.schema';
import { partnerList } from '../shared/partner-list';
import type { SupplierList, SupplierListQuery } from './supplier.schema';
import { suppliers } from './supplier.table';
import { supplierOutputColumns, toSupplierSummary } from './supplier-row';

/** The API's columns plus the sort key the cursor needs; built once for every request. */
const listed = rowSelection(suppliers, [...supplierOutputColumns, 'searchKana'], {
  timestamps: 'iso',
});

const listSuppliers = partnerList(
  suppliers,
  { ...suppliers, partnerId: suppliers.supplierId },
  listed,
  supplierClassifications,
);

export async function findSuppliers(
  tx: TenantTransaction,
  query: SupplierListQuery,
): Promise<SupplierList> {
  const { rows, nextCursor, total } = await listSuppliers.find(tx, query);
  return { items: rows.map(toSupplierSummary), nextCursor, total };
}

/** Ids of the suppliers a search matches, at most `limit` (検索結果すべて of bulk edits). */
export function findSupplierIds(
  tx: TenantTransaction,
  search: PartnerSearch,
  limit: number,
): Promise<string[]> {
  return listSuppliers.ids(tx, search, limit);
}
