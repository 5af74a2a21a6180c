import { writeAudit } from '../../../platform/audit/write-audit';
import type { ActorContext } from '../../../platform/auth/principal';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { AppError } from '../../../platform/http/problem';
import { replaceAssignments } from '../classifications/classification-assignments';
import { withClassifications } from '../classifications/partner-classifications';
import { lockAtVersion, rethrowPartnerInUse } from '../shared/partner-write-errors';
import { customers } from './customer.table';
import { customerKey, getCustomerRow, toCustomer } from './customer-row';

/**
 * A customer that projects, documents or other customers (as 請求先/回収先) refer to cannot be
 * deleted: the foreign keys refuse and the user is told to set it to 「使用しない」 instead.
 */
export async function deleteCustomer(
  tx: TenantTransaction,
  actor: ActorContext,
  customerId: string,
  version: number,
): Promise<void> {
  await lockAtVersion(tx, customers, customers.version, customerKey(tx, customerId), version);
  const before = await withClassifications(
    tx,
    'customer',
    customerId,
    toCustomer(await getCustomerRow(tx, customerId)),
  );
  // Its 分類 are part of the partner, not references to it: they go with it.
  await replaceAssignments(tx, 'customer', customerId, []);
  await tx.db
    .delete(customers)
    .where(customerKey(tx, customerId))
    .catch((error: unknown) => rethrowPartnerInUse(error, () => new AppError('customer_in_use')));
  await writeAudit(tx, actor, {
    event: 'customer.deleted',
    targetType: 'customer',
    targetId: customerId,
    before,
  });
}
