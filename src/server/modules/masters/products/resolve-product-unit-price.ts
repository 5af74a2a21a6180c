import { and, desc, eq, isNull, lte, or, sql } from 'drizzle-orm';
import { resolveUnitPrice } from '../../../../domain/pricing/resolve-unit-price';
import { jstToday } from '../../../../domain/time/jst';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { customerPricing } from './customer-pricing';
import { customerProductPrices as prices } from './customer-product-price.table';
import type { UnitPriceAnswer } from './partner-price.schema';
import { getProductRow } from './product-row';

/**
 * The unit price a document line for this customer starts with on `date`: the 得意先別単価
 * in force that day (the latest valid_from not after it; a row without a date counts as
 * always in force), else the customer's price column × 掛け率 (resolveUnitPrice).
 */
export async function resolveProductUnitPrice(
  tx: TenantTransaction,
  productId: string,
  customerId: string,
  date: string = jstToday(),
): Promise<UnitPriceAnswer> {
  const product = await getProductRow(tx, productId);
  const pricing = await customerPricing(tx, customerId);
  const [special] = await tx.db
    .select({ unitPrice: prices.unitPrice, partnerProductCode: prices.partnerProductCode })
    .from(prices)
    .where(
      and(
        eq(prices.tenantId, tx.tenantId),
        eq(prices.productId, productId),
        eq(prices.customerId, customerId),
        or(isNull(prices.validFrom), lte(prices.validFrom, date)),
      ),
    )
    .orderBy(sql`${prices.validFrom} desc nulls last`, desc(prices.priceId))
    .limit(1);
  const resolved = resolveUnitPrice(
    {
      unitPrices: [
        product.unitPrice1,
        product.unitPrice2,
        product.unitPrice3,
        product.unitPrice4,
        product.unitPrice5,
      ],
      priceDecimals: product.priceDecimals,
    },
    pricing,
    special?.unitPrice,
  );
  return {
    source: resolved.source,
    unitPrice: resolved.source === 'none' ? null : resolved.unitPrice,
    column: resolved.source === 'priceClass' ? resolved.column : null,
    partnerProductCode: special?.partnerProductCode ?? '',
  };
}
