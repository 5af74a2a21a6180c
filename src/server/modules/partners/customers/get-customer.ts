import { and, eq } from 'drizzle-orm';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { AppError } from '../../../platform/http/problem';
import type { CustomerDetail } from './customer.schema';
import { customers } from './customer.table';
import { withClassifications } from './customer-classifications';
import { toCustomer } from './customer-row';

export async function getCustomer(
  tx: TenantTransaction,
  customerId: string,
): Promise<CustomerDetail> {
  const [row] = await tx.db
    .select()
    .from(customers)
    .where(and(eq(customers.tenantId, tx.tenantId), eq(customers.customerId, customerId)));
  if (!row) throw new AppError('not_found');
  return withClassifications(tx, toCustomer(row));
}
