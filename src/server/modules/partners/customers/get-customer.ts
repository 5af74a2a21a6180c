import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import type { Customer } from './customer.schema';
import { getCustomerRow, toCustomer } from './customer-row';

export async function getCustomer(tx: TenantTransaction, customerId: string): Promise<Customer> {
  return toCustomer(await getCustomerRow(tx, customerId));
}
