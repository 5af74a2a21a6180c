import { sql } from 'drizzle-orm';
import { auditDiff } from '../../../platform/audit/audit-diff';
import { writeAudit } from '../../../platform/audit/write-audit';
import type { ActorContext } from '../../../platform/auth/principal';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { AppError } from '../../../platform/http/problem';
import type { Product, ProductUpdate } from './product.schema';
import { products } from './product.table';
import {
  assertTaxRateExists,
  productColumns,
  productKey,
  rethrowProductWriteError,
  toProduct,
} from './product-row';

/** Optimistic locking: the caller sends the version it read; a newer one means a conflict. */
export async function updateProduct(
  tx: TenantTransaction,
  actor: ActorContext,
  productId: string,
  { version, ...input }: ProductUpdate,
): Promise<Product> {
  const [current] = await tx.db
    .select()
    .from(products)
    .where(productKey(tx, productId))
    .for('update');
  if (!current) throw new AppError('not_found');
  if (current.version !== version) throw new AppError('version_conflict');
  await assertTaxRateExists(tx, input.taxRateCode, current.taxRateCode);
  const [updated] = await tx.db
    .update(products)
    .set({ ...productColumns(input), version: version + 1, updatedAt: sql`now()` })
    .where(productKey(tx, productId))
    .returning()
    .catch(rethrowProductWriteError);
  const after = toProduct(updated!);
  await writeAudit(tx, actor, {
    event: 'product.updated',
    targetType: 'product',
    targetId: productId,
    ...auditDiff(toProduct(current), after),
  });
  return after;
}
