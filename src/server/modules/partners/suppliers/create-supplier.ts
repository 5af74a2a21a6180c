import { writeAudit } from '../../../platform/audit/write-audit';
import type { ActorContext } from '../../../platform/auth/principal';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { uuidv7 } from '../../../platform/db/uuid';
import { assignMasterCode } from '../../settings/code-numbering/code-numbering';
import { replaceAssignments } from '../classifications/classification-assignments';
import { withClassifications } from '../classifications/partner-classifications';
import type { Supplier, SupplierInput } from './supplier.schema';
import { suppliers } from './supplier.table';
import {
  getSupplierRow,
  rethrowSupplierWriteError,
  supplierColumns,
  toSupplier,
} from './supplier-row';

/** With 自動採番 on, an empty code gets the next number (code-numbering.ts). */
export async function createSupplier(
  tx: TenantTransaction,
  actor: ActorContext,
  input: SupplierInput,
): Promise<Supplier> {
  const supplierId = uuidv7();
  const code = await assignMasterCode(tx, 'suppliers', input.code);
  await tx.db
    .insert(suppliers)
    .values({
      tenantId: tx.tenantId,
      supplierId,
      ...supplierColumns({ ...input, code }, supplierId),
    })
    .catch(rethrowSupplierWriteError);
  await replaceAssignments(tx, 'supplier', supplierId, input.classifications);
  const supplier = await withClassifications(
    tx,
    'supplier',
    supplierId,
    toSupplier(await getSupplierRow(tx, supplierId)),
  );
  await writeAudit(tx, actor, {
    event: 'supplier.created',
    targetType: 'supplier',
    targetId: supplierId,
    after: { ...input, code },
  });
  return supplier;
}
