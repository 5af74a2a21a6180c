import { eq } from 'drizzle-orm';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { customerPriceOrder, selectCustomerPrices, toCustomerPrice } from './customer-price-row';
import { customerProductPrices as prices } from './customer-product-price.table';
import { CUSTOMER_PRICE_LIMIT } from './partner-price.schema';
import { getProductRow } from './product-row';

/** A product's 得意先別単価, by customer code then validity; RLS keeps it to the tenant. */
export async function findCustomerPrices(tx: TenantTransaction, productId: string) {
  const product = await getProductRow(tx, productId);
  const rows = await selectCustomerPrices(tx)
    .where(eq(prices.productId, productId))
    .orderBy(...customerPriceOrder)
    .limit(CUSTOMER_PRICE_LIMIT + 1);
  return {
    items: rows
      .slice(0, CUSTOMER_PRICE_LIMIT)
      .map((row) => toCustomerPrice(row, product.priceDecimals)),
    isTruncated: rows.length > CUSTOMER_PRICE_LIMIT,
  };
}
