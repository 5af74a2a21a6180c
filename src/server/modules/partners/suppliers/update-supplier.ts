import { sql } from 'drizzle-orm';
import { auditDiff } from '../../../platform/audit/audit-diff';
import { writeAudit } from '../../../platform/audit/write-audit';
import type { ActorContext } from '../../../platform/auth/principal';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { replaceAssignments } from '../classifications/classification-assignments';
import { withClassifications } from '../classifications/partner-classifications';
import { lockAtVersion, requireCode } from '../shared/partner-write-errors';
import type { Supplier, SupplierUpdate } from './supplier.schema';
import { suppliers } from './supplier.table';
import {
  getSupplierRow,
  rethrowSupplierWriteError,
  supplierColumns,
  supplierKey,
  toSupplier,
} from './supplier-row';

/** Optimistic locking: the caller sends the version it read; a newer one means a conflict. */
export async function updateSupplier(
  tx: TenantTransaction,
  actor: ActorContext,
  supplierId: string,
  { version, ...input }: SupplierUpdate,
): Promise<Supplier> {
  requireCode(input.code);
  await lockAtVersion(tx, suppliers, suppliers.version, supplierKey(tx, supplierId), version);
  const before = await withClassifications(
    tx,
    'supplier',
    supplierId,
    toSupplier(await getSupplierRow(tx, supplierId)),
  );
  await tx.db
    .update(suppliers)
    .set({ ...supplierColumns(input, supplierId), version: version + 1, updatedAt: sql`now()` })
    .where(supplierKey(tx, supplierId))
    .catch(rethrowSupplierWriteError);
  await replaceAssignments(tx, 'supplier', supplierId, input.classifications);
  const after = await withClassifications(
    tx,
    'supplier',
    supplierId,
    toSupplier(await getSupplierRow(tx, supplierId)),
  );
  await writeAudit(tx, actor, {
    event: 'supplier.updated',
    targetType: 'supplier',
    targetId: supplierId,
    ...auditDiff(before, after),
  });
  return after;
}
