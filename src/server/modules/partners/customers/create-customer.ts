import { writeAudit } from '../../../platform/audit/write-audit';
import type { ActorContext } from '../../../platform/auth/principal';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { uuidv7 } from '../../../platform/db/uuid';
import { AppError } from '../../../platform/http/problem';
import type { CustomerDetail, CustomerInput } from './customer.schema';
import { customers } from './customer.table';
import { saveClassifications } from './customer-classifications';
import { customerColumns, isCodeTaken, toCustomer } from './customer-row';

export async function createCustomer(
  tx: TenantTransaction,
  actor: ActorContext,
  input: CustomerInput,
): Promise<CustomerDetail> {
  let row: typeof customers.$inferSelect | undefined;
  try {
    [row] = await tx.db
      .insert(customers)
      .values({ tenantId: tx.tenantId, customerId: uuidv7(), ...customerColumns(input) })
      .returning();
  } catch (error) {
    if (isCodeTaken(error)) throw codeTakenError();
    throw error;
  }
  const customer = await saveClassifications(tx, toCustomer(row!), input.classifications);
  await writeAudit(tx, actor, {
    event: 'customer.created',
    targetType: 'customer',
    targetId: customer.customerId,
    after: input,
  });
  return customer;
}

export function codeTakenError(): AppError {
  return new AppError('customer_code_taken', {
    errors: [{ path: 'code', message: 'この得意先コードは既に登録されています' }],
  });
}
