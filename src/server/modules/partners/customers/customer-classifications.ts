import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import type { ClassificationAssignment } from '../classifications/classification.schema';
import { readAssignments, replaceAssignments } from '../classifications/classification-assignments';
import type { Customer, CustomerDetail } from './customer.schema';

/** A customer as its form reads it: the row plus its 分類. */
export async function withClassifications(
  tx: TenantTransaction,
  customer: Customer,
): Promise<CustomerDetail> {
  return {
    ...customer,
    classifications: await readAssignments(tx, 'customer', customer.customerId),
  };
}

/** Saves the form's 分類 and returns the customer as the form reads it. */
export async function saveClassifications(
  tx: TenantTransaction,
  customer: Customer,
  classifications: readonly ClassificationAssignment[],
): Promise<CustomerDetail> {
  await replaceAssignments(tx, 'customer', customer.customerId, classifications);
  return withClassifications(tx, customer);
}
