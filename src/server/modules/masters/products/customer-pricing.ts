import { and, eq } from 'drizzle-orm';
import type { PartnerPricing, PriceClass } from '../../../../domain/pricing/resolve-unit-price';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { AppError } from '../../../platform/http/problem';
import { customers } from '../../partners/customers/customer.table';

/** A customer's 単価区分, 掛け率 and 単価端数処理; the customer must be this tenant's. */
export async function customerPricing(
  tx: TenantTransaction,
  customerId: string,
): Promise<PartnerPricing> {
  const [row] = await tx.db
    .select({
      priceClass: customers.priceClass,
      ratePercent: customers.ratePercent,
      rounding: customers.priceRounding,
    })
    .from(customers)
    .where(and(eq(customers.tenantId, tx.tenantId), eq(customers.customerId, customerId)));
  if (!row) throw new AppError('not_found');
  return { ...row, priceClass: row.priceClass as PriceClass };
}
