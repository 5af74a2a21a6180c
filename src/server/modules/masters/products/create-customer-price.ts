import { writeAudit } from '../../../platform/audit/write-audit';
import type { ActorContext } from '../../../platform/auth/principal';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { uuidv7 } from '../../../platform/db/uuid';
import {
  getCustomerPrice,
  productForPrice,
  rethrowCustomerPriceWriteError,
} from './customer-price-row';
import { customerProductPrices as prices } from './customer-product-price.table';
import type { CustomerPrice, CustomerPriceInput } from './partner-price.schema';

export async function createCustomerPrice(
  tx: TenantTransaction,
  actor: ActorContext,
  productId: string,
  input: CustomerPriceInput,
): Promise<CustomerPrice> {
  const product = await productForPrice(tx, productId, input.unitPrice);
  const priceId = uuidv7();
  await tx.db
    .insert(prices)
    .values({ tenantId: tx.tenantId, priceId, productId, ...input })
    .catch(rethrowCustomerPriceWriteError);
  const created = await getCustomerPrice(tx, productId, priceId, product.priceDecimals);
  await writeAudit(tx, actor, {
    event: 'customer_price.created',
    targetType: 'customer_product_price',
    targetId: priceId,
    after: { productCode: product.code, customerCode: created.customer.code, ...input },
  });
  return created;
}
