import { and, asc, eq, sql } from 'drizzle-orm';
import {
  exceedsDecimals,
  tooManyDecimalsMessage,
} from '../../../../domain/products/product-fields';
import { isForeignKeyViolation, isUniqueViolation } from '../../../platform/db/pg-errors';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { AppError } from '../../../platform/http/problem';
import { customers } from '../../partners/customers/customer.table';
import { customerProductPrices as prices } from './customer-product-price.table';
import type { CustomerPrice } from './partner-price.schema';
import { getProductRow, priceOut } from './product-row';

/** Rows with their customer's code and name, oldest validity first within a customer. */
export function selectCustomerPrices(tx: TenantTransaction) {
  return tx.db
    .select({ price: prices, customerCode: customers.code, customerName: customers.name })
    .from(prices)
    .innerJoin(
      customers,
      and(eq(customers.tenantId, prices.tenantId), eq(customers.customerId, prices.customerId)),
    )
    .$dynamic();
}

export const customerPriceOrder = [
  asc(customers.code),
  sql`${prices.validFrom} asc nulls first`,
] as const;

type Row = {
  price: typeof prices.$inferSelect;
  customerCode: string;
  customerName: string;
};

export function toCustomerPrice({ price, customerCode, customerName }: Row, decimals: number) {
  return {
    priceId: price.priceId,
    productId: price.productId,
    customerId: price.customerId,
    customer: { code: customerCode, name: customerName },
    unitPrice: priceOut(price.unitPrice, decimals),
    partnerProductCode: price.partnerProductCode,
    validFrom: price.validFrom,
    version: price.version,
    updatedAt: price.updatedAt.toISOString(),
  } satisfies CustomerPrice;
}

export function customerPriceKey(tx: TenantTransaction, productId: string, priceId: string) {
  return and(
    eq(prices.tenantId, tx.tenantId),
    eq(prices.productId, productId),
    eq(prices.priceId, priceId),
  );
}

export async function getCustomerPrice(
  tx: TenantTransaction,
  productId: string,
  priceId: string,
  decimals: number,
): Promise<CustomerPrice> {
  const [row] = await selectCustomerPrices(tx).where(customerPriceKey(tx, productId, priceId));
  if (!row) throw new AppError('not_found');
  return toCustomerPrice(row, decimals);
}

/**
 * The product the row belongs to (404 when not this tenant's), and a price that fits its
 * 単価小数桁: a partner price is a unit price like 単価1..5.
 */
export async function productForPrice(
  tx: TenantTransaction,
  productId: string,
  unitPrice: string | null,
) {
  const product = await getProductRow(tx, productId);
  if (exceedsDecimals(unitPrice, product.priceDecimals)) {
    throw new AppError('validation_failed', {
      errors: [
        { path: 'unitPrice', message: tooManyDecimalsMessage('単価', product.priceDecimals) },
      ],
    });
  }
  return product;
}

/** Another tenant's customer fails the composite foreign key: to the user it does not exist. */
export function rethrowCustomerPriceWriteError(error: unknown): never {
  if (isUniqueViolation(error, 'customer_product_prices_key')) {
    throw new AppError('partner_price_taken', {
      errors: [
        {
          path: 'validFrom',
          message: 'この得意先には同じ適用開始日の単価が既に登録されています',
        },
      ],
    });
  }
  if (isForeignKeyViolation(error)) {
    throw new AppError('validation_failed', {
      errors: [{ path: 'customerId', message: '得意先が見つかりません。選び直してください' }],
    });
  }
  throw error;
}
