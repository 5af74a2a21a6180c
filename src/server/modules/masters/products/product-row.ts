import { and, eq } from 'drizzle-orm';
import { decimal, formatDecimal, normalizeDecimal } from '../../../../domain/numbers/decimal';
import { normalizeForSearch } from '../../../../domain/text/normalize-search';
import { toIsoString } from '../../../platform/db/iso-timestamp';
import { isUniqueViolation } from '../../../platform/db/pg-errors';
import type { IsoTimestamps } from '../../../platform/db/row-select';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { AppError } from '../../../platform/http/problem';
import { findTaxRates } from '../tax-rates/find-tax-rates';
import type { Product, ProductInput } from './product.schema';
import { products } from './product.table';

/** The stored columns the API's Product is made of. */
export const productOutputColumns = [
  'productId',
  'code',
  'name',
  'kana',
  'spec',
  'unit',
  'quantityPerCase',
  'quantityDecimals',
  'priceDecimals',
  'unitPrice1',
  'unitPrice2',
  'unitPrice3',
  'unitPrice4',
  'unitPrice5',
  'cost',
  'taxMode',
  'taxRateCode',
  'isStockManaged',
  'valuationMethod',
  'janCode',
  'notes',
  'isActive',
  'version',
  'createdAt',
  'updatedAt',
] as const satisfies readonly (keyof typeof products.$inferSelect)[];

type ProductRow = Pick<typeof products.$inferSelect, (typeof productOutputColumns)[number]>;

/** numeric(13,4) comes back as "1200.0000": shown with the product's own decimals. */
export function priceOut(text: string | null, decimals: number): string | null {
  return text === null ? null : formatDecimal(decimal(text), decimals);
}

export function toProduct(row: ProductRow | IsoTimestamps<ProductRow>): Product {
  const price = (text: string | null) => priceOut(text, row.priceDecimals);
  return {
    productId: row.productId,
    code: row.code,
    name: row.name,
    kana: row.kana,
    spec: row.spec,
    unit: row.unit,
    quantityPerCase:
      row.quantityPerCase === null
        ? null
        : formatDecimal(normalizeDecimal(decimal(row.quantityPerCase))),
    quantityDecimals: row.quantityDecimals,
    priceDecimals: row.priceDecimals,
    unitPrice1: price(row.unitPrice1),
    unitPrice2: price(row.unitPrice2),
    unitPrice3: price(row.unitPrice3),
    unitPrice4: price(row.unitPrice4),
    unitPrice5: price(row.unitPrice5),
    cost: price(row.cost),
    taxMode: row.taxMode,
    taxRateCode: row.taxRateCode,
    isStockManaged: row.isStockManaged,
    valuationMethod: row.valuationMethod,
    janCode: row.janCode,
    notes: row.notes,
    isActive: row.isActive,
    version: row.version,
    createdAt: toIsoString(row.createdAt),
    updatedAt: toIsoString(row.updatedAt),
  };
}

/** The stored columns derived from user input: the input itself plus its search keys. */
export function productColumns(input: Omit<ProductInput, 'code'> & { code: string }) {
  return {
    ...input,
    searchName: normalizeForSearch(input.name),
    searchKana: normalizeForSearch(input.kana),
  };
}

export function productKey(tx: TenantTransaction, productId: string) {
  return and(eq(products.tenantId, tx.tenantId), eq(products.productId, productId));
}

export async function getProductRow(tx: TenantTransaction, productId: string) {
  const [row] = await tx.db.select().from(products).where(productKey(tx, productId));
  if (!row) throw new AppError('not_found');
  return row;
}

export function rethrowProductWriteError(error: unknown): never {
  if (isUniqueViolation(error, 'products_code_key')) {
    throw new AppError('product_code_taken', {
      errors: [{ path: 'code', message: 'この商品コードは既に登録されています' }],
    });
  }
  throw error;
}

/**
 * The rate must be on the tenant's list (a preset or its own). A hidden rate already chosen
 * stays allowed, so an old product can still be saved.
 */
export async function assertTaxRateExists(
  tx: TenantTransaction,
  code: string,
  currentCode?: string,
): Promise<void> {
  const { items } = await findTaxRates(tx);
  const rate = items.find((item) => item.code === code);
  if (rate && (!rate.isHidden || code === currentCode)) return;
  throw new AppError('validation_failed', {
    errors: [{ path: 'taxRateCode', message: '税率が見つかりません。選び直してください' }],
  });
}
