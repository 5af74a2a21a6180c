import { writeAudit } from '../../../platform/audit/write-audit';
import type { ActorContext } from '../../../platform/auth/principal';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { AppError } from '../../../platform/http/problem';
import { replaceAssignments } from '../classifications/classification-assignments';
import { withClassifications } from '../classifications/partner-classifications';
import { lockAtVersion, rethrowPartnerInUse } from '../shared/partner-write-errors';
import { suppliers } from './supplier.table';
import { getSupplierRow, supplierKey, toSupplier } from './supplier-row';

/**
 * A supplier that projects, documents or other suppliers (as 支払先) refer to cannot be
 * deleted: the foreign keys refuse and the user is told to set it to 「使用しない」 instead.
 */
export async function deleteSupplier(
  tx: TenantTransaction,
  actor: ActorContext,
  supplierId: string,
  version: number,
): Promise<void> {
  await lockAtVersion(tx, suppliers, suppliers.version, supplierKey(tx, supplierId), version);
  const before = await withClassifications(
    tx,
    'supplier',
    supplierId,
    toSupplier(await getSupplierRow(tx, supplierId)),
  );
  // Its 分類 are part of the partner, not references to it: they go with it.
  await replaceAssignments(tx, 'supplier', supplierId, []);
  await tx.db
    .delete(suppliers)
    .where(supplierKey(tx, supplierId))
    .catch((error: unknown) => rethrowPartnerInUse(error, () => new AppError('supplier_in_use')));
  await writeAudit(tx, actor, {
    event: 'supplier.deleted',
    targetType: 'supplier',
    targetId: supplierId,
    before,
  });
}
