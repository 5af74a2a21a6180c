import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { foldWidth } from '../../../../domain/masters/cell-text';
import {
  exceedsDecimals,
  tooManyDecimalsMessage,
} from '../../../../domain/products/product-fields';
import { queryRows } from '../../../platform/db/row-select';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { upsertRows } from '../../master-io/bulk-write';
import {
  codeColumn,
  dateColumn,
  decimalColumn,
  type MasterColumn,
} from '../../master-io/master-columns';
import type { MasterIo, StoredRecord } from '../../master-io/master-io';
import { KEY_SEPARATOR } from '../../master-io/validate-rows';
import { plainDecimal } from '../../partners/shared/partner-io';
import { customerProductPrices } from './customer-product-price.table';
import { type CustomerPriceInput, customerPriceInputSchema } from './partner-price.schema';

/** A 得意先別単価 row of a file: the create API's input plus the product it belongs to. */
export type CustomerPriceRow = CustomerPriceInput & { productId: string };

/**
 * The product travels in the URL of the create API, not in its body: the row is split so the
 * body part is validated by that API's own schema.
 */
const customerPriceRowSchema = z
  .preprocess(
    (value) => {
      const { productId, ...price } = value as Record<string, unknown>;
      return { productId, price };
    },
    z.object({
      productId: z.uuid({ error: '商品コードを入力してください' }),
      price: customerPriceInputSchema,
    }),
  )
  .transform(({ productId, price }): CustomerPriceRow => ({ productId, ...price }));

export interface CustomerPriceIoContext {
  products: Map<string, { id: string; priceDecimals: number }>;
  productCodeOf: Map<string, string>;
  customers: Map<string, string>;
  customerCodeOf: Map<string, string>;
}

type Col = MasterColumn<CustomerPriceRow, CustomerPriceIoContext>;

function referenceByCode(
  header: string,
  field: 'productId' | 'customerId',
  example: string,
  lookup: (ctx: CustomerPriceIoContext) => {
    id: (code: string) => string | undefined;
    code: (id: string) => string | undefined;
  },
  noun: string,
): Col {
  return {
    header,
    field,
    example,
    text: (input, ctx) => (input[field] ? (lookup(ctx).code(input[field]) ?? '') : ''),
    parse: (text, ctx) => {
      const code = foldWidth(text);
      if (code === '') return { value: undefined };
      const id = lookup(ctx).id(code);
      return id ? { value: id } : { error: `${header}「${code}」の${noun}が見つかりません` };
    },
  };
}

/** 得意先別単価 columns (ADR 0022): one row per product × customer × 適用開始日. */
export function customerPriceColumns(): Col[] {
  return [
    referenceByCode(
      '商品コード',
      'productId',
      'A-0001',
      (ctx) => ({
        id: (code) => ctx.products.get(code)?.id,
        code: (id) => ctx.productCodeOf.get(id),
      }),
      '商品',
    ),
    referenceByCode(
      '得意先コード',
      'customerId',
      '000123',
      (ctx) => ({
        id: (code) => ctx.customers.get(code),
        code: (id) => ctx.customerCodeOf.get(id),
      }),
      '得意先',
    ),
    decimalColumn<CustomerPriceRow, CustomerPriceIoContext>('単価', 'unitPrice', '2200', {
      emptyValue: '',
    }),
    codeColumn('相手先商品コード', 'partnerProductCode', 'X-55'),
    dateColumn('適用開始日', 'validFrom', ''),
  ];
}

async function loadPrices(tx: TenantTransaction) {
  const rows = await queryRows<{
    price_id: string;
    product_id: string;
    customer_id: string;
    unit_price: string | null;
    partner_product_code: string;
    valid_from: string | null;
  }>(
    tx,
    sql`select p.price_id, p.product_id, p.customer_id, p.unit_price::text, p.partner_product_code,
               p.valid_from::text
          from app.customer_product_prices p
          join app.products pr on pr.tenant_id = p.tenant_id and pr.product_id = p.product_id
          join app.customers c on c.tenant_id = p.tenant_id and c.customer_id = p.customer_id
         where p.tenant_id = ${tx.tenantId}::uuid
         order by pr.code, c.code, p.valid_from nulls first`,
  );
  return rows.map(
    (row): StoredRecord<CustomerPriceRow> => ({
      id: row.price_id,
      input: {
        productId: row.product_id,
        customerId: row.customer_id,
        unitPrice: plainDecimal(row.unit_price),
        partnerProductCode: row.partner_product_code,
        validFrom: row.valid_from,
      },
    }),
  );
}

function keyOf(input: Partial<CustomerPriceRow>, ctx: CustomerPriceIoContext): string {
  const product = input.productId ? ctx.productCodeOf.get(input.productId) : undefined;
  const customer = input.customerId ? ctx.customerCodeOf.get(input.customerId) : undefined;
  if (!product || !customer) return '';
  return [product, customer, input.validFrom ?? ''].join(KEY_SEPARATOR);
}

export const customerPriceIo: MasterIo<CustomerPriceRow, CustomerPriceIoContext> = {
  kind: 'customer-prices',
  label: '得意先別単価',
  // 得意先別単価 are part of the product record: changing them is a product edit.
  permissions: {
    view: 'products:view',
    create: 'products:edit',
    edit: 'products:edit',
    export: 'products:export',
  },
  auditEvent: 'customer_price.imported',
  schema: customerPriceRowSchema as unknown as z.ZodType<CustomerPriceRow>,
  keyHeaders: ['商品コード', '得意先コード', '適用開始日'],
  duplicateMessage:
    'この商品・得意先・適用開始日の単価は既に登録されています（「追加と更新」を選ぶと上書きできます）',
  exportFiltersSchema: z.strictObject({}),
  async loadContext(tx) {
    const products = await queryRows<{ id: string; code: string; price_decimals: number }>(
      tx,
      sql`select product_id as id, code, price_decimals from app.products where tenant_id = ${tx.tenantId}::uuid`,
    );
    const customers = await queryRows<{ id: string; code: string }>(
      tx,
      sql`select customer_id as id, code from app.customers where tenant_id = ${tx.tenantId}::uuid`,
    );
    return {
      products: new Map(
        products.map((p) => [p.code, { id: p.id, priceDecimals: p.price_decimals }]),
      ),
      productCodeOf: new Map(products.map((p) => [p.id, p.code])),
      customers: new Map(customers.map((c) => [c.code, c.id])),
      customerCodeOf: new Map(customers.map((c) => [c.id, c.code])),
    };
  },
  columns: customerPriceColumns,
  // A row without a readable product or customer has no key: its parse error is reported.
  keyOf,
  check(input, ctx) {
    const code = ctx.productCodeOf.get(input.productId);
    const product = code ? ctx.products.get(code) : undefined;
    if (product && exceedsDecimals(input.unitPrice, product.priceDecimals)) {
      return [
        { field: 'unitPrice', message: tooManyDecimalsMessage('単価', product.priceDecimals) },
      ];
    }
    return [];
  },
  async findExisting(tx, keys, ctx) {
    const wanted = new Set(keys);
    const found = new Map<string, StoredRecord<CustomerPriceRow>>();
    if (wanted.size === 0) return found;
    for (const record of await loadPrices(tx)) {
      const key = keyOf(record.input, ctx);
      if (wanted.has(key)) found.set(key, record);
    }
    return found;
  },
  async exportRecords(tx, _filters, limit) {
    return (await loadPrices(tx)).slice(0, limit);
  },
  async write(tx, _actor, rows, progress) {
    const values = rows.map((row) => ({
      tenantId: tx.tenantId,
      priceId: row.id,
      productId: row.input.productId,
      customerId: row.input.customerId,
      unitPrice: row.input.unitPrice,
      partnerProductCode: row.input.partnerProductCode,
      validFrom: row.input.validFrom,
    }));
    await upsertRows(
      tx,
      customerProductPrices,
      [customerProductPrices.tenantId, customerProductPrices.priceId],
      values,
      progress,
    );
  },
};
