import { and, eq, sql } from 'drizzle-orm';
import type { ActorContext } from '../../../platform/auth/principal';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { AppError } from '../../../platform/http/problem';
import { BULK_ASSIGN_MAX } from '../classifications/classification.schema';
import { assignInBulk } from '../classifications/classification-assignments';
import { uuidArray } from '../classifications/partner-bindings';
import { customers } from './customer.table';
import type {
  CustomerBulkClassification,
  CustomerBulkClassificationResult,
} from './customer-bulk-classification.schema';
import { findCustomerIds } from './find-customers';

/** Applies one axis's item to many customers in the request's single transaction. */
export async function bulkClassifyCustomers(
  tx: TenantTransaction,
  actor: ActorContext,
  { axisId, itemId, target }: CustomerBulkClassification,
): Promise<CustomerBulkClassificationResult> {
  const ids =
    target.kind === 'selected'
      ? await existingCustomerIds(tx, [...new Set(target.customerIds)])
      : await findCustomerIds(tx, target.search, BULK_ASSIGN_MAX + 1);
  if (ids.length > BULK_ASSIGN_MAX) throw new AppError('classification_bulk_too_many');
  const changes = await assignInBulk(tx, actor, 'customer', ids, axisId, itemId);
  return { matched: ids.length, changed: changes.length };
}

/** Another tenant's id is invisible here, so it is refused exactly like an unknown one. */
async function existingCustomerIds(tx: TenantTransaction, ids: string[]): Promise<string[]> {
  const rows = await tx.db
    .select({ customerId: customers.customerId })
    .from(customers)
    .where(
      and(
        eq(customers.tenantId, tx.tenantId),
        sql`${customers.customerId} = any(${uuidArray(ids)})`,
      ),
    );
  if (rows.length !== ids.length) throw new AppError('not_found');
  return rows.map((row) => row.customerId);
}
