import { and, eq } from 'drizzle-orm';
import type { PartnerPricing } from '../../../../domain/pricing/resolve-unit-price';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { AppError } from '../../../platform/http/problem';
import { customers } from '../../partners/customers/customer.table';

/**
 * A customer's 単価区分, 掛け率 and 単価端数処理. Customers have no such columns yet, so every
 * customer prices at 単価1 × 100 %, 切り捨て; the customer must still be this tenant's.
 */
export async function customerPricing(
  tx: TenantTransaction,
  customerId: string,
): Promise<PartnerPricing> {
  // integrator: read customers.price_class, rate_percent and price_rounding here.
  const [row] = await tx.db
    .select({ customerId: customers.customerId })
    .from(customers)
    .where(and(eq(customers.tenantId, tx.tenantId), eq(customers.customerId, customerId)));
  if (!row) throw new AppError('not_found');
  return { priceClass: 1, ratePercent: '100', rounding: 'down' };
}
