import { and, eq, sql } from 'drizzle-orm';
import { auditDiff } from '../../../platform/audit/audit-diff';
import { writeAudit } from '../../../platform/audit/write-audit';
import type { ActorContext } from '../../../platform/auth/principal';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { AppError } from '../../../platform/http/problem';
import { codeTakenError } from './create-customer';
import type { CustomerDetail, CustomerUpdate } from './customer.schema';
import { customers } from './customer.table';
import { saveClassifications, withClassifications } from './customer-classifications';
import { customerColumns, isCodeTaken, toCustomer } from './customer-row';

/** Optimistic locking: the caller sends the version it read; a newer one means a conflict. */
export async function updateCustomer(
  tx: TenantTransaction,
  actor: ActorContext,
  customerId: string,
  { version, ...input }: CustomerUpdate,
): Promise<CustomerDetail> {
  const where = and(eq(customers.tenantId, tx.tenantId), eq(customers.customerId, customerId));
  const [current] = await tx.db.select().from(customers).where(where).for('update');
  if (!current) throw new AppError('not_found');
  if (current.version !== version) throw new AppError('version_conflict');
  let updated: typeof customers.$inferSelect | undefined;
  try {
    [updated] = await tx.db
      .update(customers)
      .set({ ...customerColumns(input), version: version + 1, updatedAt: sql`now()` })
      .where(where)
      .returning();
  } catch (error) {
    if (isCodeTaken(error)) throw codeTakenError();
    throw error;
  }
  const before = await withClassifications(tx, toCustomer(current));
  const after = await saveClassifications(tx, toCustomer(updated!), input.classifications);
  await writeAudit(tx, actor, {
    event: 'customer.updated',
    targetType: 'customer',
    targetId: customerId,
    ...auditDiff(before, after),
  });
  return after;
}
