import { sql } from 'drizzle-orm';
import { auditDiff } from '../../../platform/audit/audit-diff';
import { writeAudit } from '../../../platform/audit/write-audit';
import type { ActorContext } from '../../../platform/auth/principal';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { AppError } from '../../../platform/http/problem';
import {
  customerPriceKey,
  getCustomerPrice,
  productForPrice,
  rethrowCustomerPriceWriteError,
} from './customer-price-row';
import { customerProductPrices as prices } from './customer-product-price.table';
import type { CustomerPrice, CustomerPriceUpdate } from './partner-price.schema';

/** Optimistic locking per row, like every master. */
export async function updateCustomerPrice(
  tx: TenantTransaction,
  actor: ActorContext,
  productId: string,
  priceId: string,
  { version, ...input }: CustomerPriceUpdate,
): Promise<CustomerPrice> {
  const product = await productForPrice(tx, productId, input.unitPrice);
  const where = customerPriceKey(tx, productId, priceId);
  const [current] = await tx.db.select().from(prices).where(where).for('update');
  if (!current) throw new AppError('not_found');
  if (current.version !== version) throw new AppError('version_conflict');
  const before = await getCustomerPrice(tx, productId, priceId, product.priceDecimals);
  await tx.db
    .update(prices)
    .set({ ...input, version: version + 1, updatedAt: sql`now()` })
    .where(where)
    .catch(rethrowCustomerPriceWriteError);
  const after = await getCustomerPrice(tx, productId, priceId, product.priceDecimals);
  await writeAudit(tx, actor, {
    event: 'customer_price.updated',
    targetType: 'customer_product_price',
    targetId: priceId,
    ...auditDiff(before, after),
  });
  return after;
}
