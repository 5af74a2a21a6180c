import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { withClassifications } from '../classifications/partner-classifications';
import type { Customer } from './customer.schema';
import { getCustomerRow, toCustomer } from './customer-row';

export async function getCustomer(tx: TenantTransaction, customerId: string): Promise<Customer> {
  return withClassifications(
    tx,
    'customer',
    customerId,
    toCustomer(await getCustomerRow(tx, customerId)),
  );
}
