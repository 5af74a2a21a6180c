import { rowSelection } from '../../../platform/db/row-select';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { partnerList } from '../shared/partner-list';
import type { CustomerList, CustomerListQuery } from './customer.schema';
import { customers } from './customer.table';
import { customerOutputColumns, toCustomerSummary } from './customer-row';

/** The API's columns plus the sort key the cursor needs; built once for every request. */
const listed = rowSelection(customers, [...customerOutputColumns, 'searchKana'], {
  timestamps: 'iso',
});

const listCustomers = partnerList(customers, customers, listed);

export async function findCustomers(
  tx: TenantTransaction,
  query: CustomerListQuery,
): Promise<CustomerList> {
  const { rows, nextCursor, total } = await listCustomers(tx, query);
  return { items: rows.map(toCustomerSummary), nextCursor, total };
}
