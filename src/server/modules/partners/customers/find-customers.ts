import { rowSelection } from '../../../platform/db/row-select';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { customerClassifications } from '../classifications/classification.table';
import type { PartnerSearch } from '../shared/partner.schema';
import { partnerList } from '../shared/partner-list';
import type { CustomerList, CustomerListQuery } from './customer.schema';
import { customers } from './customer.table';
import { customerOutputColumns, toCustomerSummary } from './customer-row';

/** The API's columns plus the sort key the cursor needs; built once for every request. */
const listed = rowSelection(customers, [...customerOutputColumns, 'searchKana'], {
  timestamps: 'iso',
});

const listCustomers = partnerList(
  customers,
  { ...customers, partnerId: customers.customerId },
  listed,
  customerClassifications,
);

export async function findCustomers(
  tx: TenantTransaction,
  query: CustomerListQuery,
): Promise<CustomerList> {
  const { rows, nextCursor, total } = await listCustomers.find(tx, query);
  return { items: rows.map(toCustomerSummary), nextCursor, total };
}

/** Ids of the customers a search matches, at most `limit` (検索結果すべて of bulk edits). */
export function findCustomerIds(
  tx: TenantTransaction,
  search: PartnerSearch,
  limit: number,
): Promise<string[]> {
  return listCustomers.ids(tx, search, limit);
}
