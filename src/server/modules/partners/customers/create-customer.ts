import { writeAudit } from '../../../platform/audit/write-audit';
import type { ActorContext } from '../../../platform/auth/principal';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { uuidv7 } from '../../../platform/db/uuid';
import { assignMasterCode } from '../../settings/code-numbering/code-numbering';
import { replaceAssignments } from '../classifications/classification-assignments';
import { withClassifications } from '../classifications/partner-classifications';
import type { Customer, CustomerInput } from './customer.schema';
import { customers } from './customer.table';
import {
  customerColumns,
  getCustomerRow,
  rethrowCustomerWriteError,
  toCustomer,
} from './customer-row';

/** With 自動採番 on, an empty code gets the next number (code-numbering.ts). */
export async function createCustomer(
  tx: TenantTransaction,
  actor: ActorContext,
  input: CustomerInput,
): Promise<Customer> {
  const customerId = uuidv7();
  const code = await assignMasterCode(tx, 'customers', input.code);
  await tx.db
    .insert(customers)
    .values({
      tenantId: tx.tenantId,
      customerId,
      ...customerColumns({ ...input, code }, customerId),
    })
    .catch(rethrowCustomerWriteError);
  await replaceAssignments(tx, 'customer', customerId, input.classifications);
  const customer = await withClassifications(
    tx,
    'customer',
    customerId,
    toCustomer(await getCustomerRow(tx, customerId)),
  );
  await writeAudit(tx, actor, {
    event: 'customer.created',
    targetType: 'customer',
    targetId: customerId,
    after: { ...input, code },
  });
  return customer;
}
