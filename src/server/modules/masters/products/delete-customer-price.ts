import { writeAudit } from '../../../platform/audit/write-audit';
import type { ActorContext } from '../../../platform/auth/principal';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { AppError } from '../../../platform/http/problem';
import { customerPriceKey, getCustomerPrice } from './customer-price-row';
import { customerProductPrices as prices } from './customer-product-price.table';
import { getProductRow } from './product-row';

export async function deleteCustomerPrice(
  tx: TenantTransaction,
  actor: ActorContext,
  productId: string,
  priceId: string,
  version: number,
): Promise<void> {
  const product = await getProductRow(tx, productId);
  const where = customerPriceKey(tx, productId, priceId);
  const [current] = await tx.db.select().from(prices).where(where).for('update');
  if (!current) throw new AppError('not_found');
  if (current.version !== version) throw new AppError('version_conflict');
  const before = await getCustomerPrice(tx, productId, priceId, product.priceDecimals);
  await tx.db.delete(prices).where(where);
  await writeAudit(tx, actor, {
    event: 'customer_price.deleted',
    targetType: 'customer_product_price',
    targetId: priceId,
    before: { productCode: product.code, ...before },
  });
}
