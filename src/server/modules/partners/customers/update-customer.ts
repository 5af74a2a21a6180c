import { sql } from 'drizzle-orm';
import { auditDiff } from '../../../platform/audit/audit-diff';
import { writeAudit } from '../../../platform/audit/write-audit';
import type { ActorContext } from '../../../platform/auth/principal';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { replaceAssignments } from '../classifications/classification-assignments';
import { withClassifications } from '../classifications/partner-classifications';
import { lockAtVersion, requireCode } from '../shared/partner-write-errors';
import type { Customer, CustomerUpdate } from './customer.schema';
import { customers } from './customer.table';
import {
  customerColumns,
  customerKey,
  getCustomerRow,
  rethrowCustomerWriteError,
  toCustomer,
} from './customer-row';

/** Optimistic locking: the caller sends the version it read; a newer one means a conflict. */
export async function updateCustomer(
  tx: TenantTransaction,
  actor: ActorContext,
  customerId: string,
  { version, ...input }: CustomerUpdate,
): Promise<Customer> {
  requireCode(input.code);
  await lockAtVersion(tx, customers, customers.version, customerKey(tx, customerId), version);
  const before = await withClassifications(
    tx,
    'customer',
    customerId,
    toCustomer(await getCustomerRow(tx, customerId)),
  );
  await tx.db
    .update(customers)
    .set({ ...customerColumns(input, customerId), version: version + 1, updatedAt: sql`now()` })
    .where(customerKey(tx, customerId))
    .catch(rethrowCustomerWriteError);
  await replaceAssignments(tx, 'customer', customerId, input.classifications);
  const after = await withClassifications(
    tx,
    'customer',
    customerId,
    toCustomer(await getCustomerRow(tx, customerId)),
  );
  await writeAudit(tx, actor, {
    event: 'customer.updated',
    targetType: 'customer',
    targetId: customerId,
    ...auditDiff(before, after),
  });
  return after;
}
