import { writeAudit } from '../../../platform/audit/write-audit';
import type { ActorContext } from '../../../platform/auth/principal';
import { isForeignKeyViolation } from '../../../platform/db/pg-errors';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { AppError } from '../../../platform/http/problem';
import { products } from './product.table';
import { productKey, toProduct } from './product-row';

/**
 * A product that partner prices (and later documents) refer to cannot be deleted: the foreign
 * keys refuse, and the user is told to mark it 「使用しない」 instead.
 */
export async function deleteProduct(
  tx: TenantTransaction,
  actor: ActorContext,
  productId: string,
  version: number,
): Promise<void> {
  const [current] = await tx.db
    .select()
    .from(products)
    .where(productKey(tx, productId))
    .for('update');
  if (!current) throw new AppError('not_found');
  if (current.version !== version) throw new AppError('version_conflict');
  await tx.db
    .delete(products)
    .where(productKey(tx, productId))
    .catch((error: unknown) => {
      if (isForeignKeyViolation(error)) throw new AppError('product_in_use');
      throw error;
    });
  await writeAudit(tx, actor, {
    event: 'product.deleted',
    targetType: 'product',
    targetId: productId,
    before: toProduct(current),
  });
}
