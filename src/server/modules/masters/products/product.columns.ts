import { and, eq, sql } from 'drizzle-orm';
import { foldWidth } from '../../../../domain/masters/cell-text';
import { taxModes, valuationMethods } from '../../../../domain/products/product-fields';
import { queryRows } from '../../../platform/db/row-select';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { numberCodes, upsertRows } from '../../master-io/bulk-write';
import {
  booleanColumn,
  choiceColumn,
  codeColumn,
  decimalColumn,
  integerColumn,
  type MasterColumn,
  textColumn,
} from '../../master-io/master-columns';
import type { MasterIo, StoredRecord } from '../../master-io/master-io';
import { uuidArray } from '../../partners/classifications/partner-bindings';
import { plainDecimal } from '../../partners/shared/partner-io';
import { findTaxRates } from '../tax-rates/find-tax-rates';
import { findProducts } from './find-products';
import {
  PRODUCT_PAGE_SIZE_MAX,
  type ProductInput,
  type ProductListQuery,
  productInputSchema,
  productListQuerySchema,
} from './product.schema';
import { products } from './product.table';
import { productColumns as storedColumns } from './product-row';

/** Lookups of one 商品 file: codes ↔ ids and the tenant's tax rates. */
export interface ProductIoContext {
  idOf: Map<string, string>;
  taxRates: { code: string; printedName: string; ratePercent: string; isHidden: boolean }[];
}

type Col = MasterColumn<ProductInput, ProductIoContext>;

const price = (header: string, field: string, example: string): Col =>
  decimalColumn<ProductInput, ProductIoContext>(header, field, example, { emptyValue: '' });

/** 商品 spreadsheet columns (ADR 0022): export, template, import and preview use these. */
export function productColumns(): Col[] {
  return [
    codeColumn('商品コード', 'code', 'A-0001', ['コード']),
    textColumn('商品名', 'name', 'コピー用紙 A4', ['名称']),
    textColumn('フリガナ', 'kana', 'コピーヨウシ', ['カナ']),
    textColumn('規格', 'spec', '500枚×5冊', ['仕様・規格', '仕様']),
    textColumn('単位', 'unit', '箱'),
    price('入数', 'quantityPerCase', '5'),
    integerColumn('数量小数桁', 'quantityDecimals', '0'),
    integerColumn('単価小数桁', 'priceDecimals', '0'),
    price('単価1', 'unitPrice1', '2500'),
    price('単価2', 'unitPrice2', '2300'),
    price('単価3', 'unitPrice3', ''),
    price('単価4', 'unitPrice4', ''),
    price('単価5', 'unitPrice5', ''),
    price('原価', 'cost', '1800'),
    choiceColumn('税区分', 'taxMode', taxModes, {
      aliases: { 税抜: 'exclusive', 税別: 'exclusive', 税込: 'inclusive', 税込み: 'inclusive' },
    }),
    {
      header: '税率',
      aliases: ['税率コード', '税率名'],
      field: 'taxRateCode',
      example: '10%',
      text: (input, ctx) => {
        const rate = ctx.taxRates.find((r) => r.code === input.taxRateCode);
        return rate?.printedName ?? input.taxRateCode ?? '';
      },
      parse: (text, ctx) => {
        const folded = foldWidth(text);
        if (folded === '') return { value: undefined };
        const rate =
          ctx.taxRates.find((r) => r.code === folded) ??
          ctx.taxRates.find((r) => foldWidth(r.printedName) === folded) ??
          ctx.taxRates.find((r) => `${plainDecimal(r.ratePercent)}%` === folded);
        return rate
          ? { value: rate.code }
          : { error: `税率「${text.trim()}」は税率の一覧にありません` };
      },
    },
    booleanColumn('在庫管理', 'isStockManaged', { yes: 'する', no: 'しない' }),
    choiceColumn('在庫評価法', 'valuationMethod', valuationMethods, {
      aliases: {
        最終仕入原価: 'lastPurchasePrice',
        総平均: 'totalAverage',
        移動平均: 'movingAverage',
      },
    }),
    codeColumn('JANコード', 'janCode', '4901234567894', ['JAN']),
    textColumn('備考', 'notes', ''),
    booleanColumn('使用区分', 'isActive', { yes: '使用する', no: '使用しない' }),
  ];
}

function toInput(row: typeof products.$inferSelect): ProductInput {
  const text = (value: string | null) => plainDecimal(value);
  return {
    code: row.code,
    name: row.name,
    kana: row.kana,
    spec: row.spec,
    unit: row.unit,
    quantityPerCase: text(row.quantityPerCase),
    quantityDecimals: row.quantityDecimals,
    priceDecimals: row.priceDecimals,
    unitPrice1: text(row.unitPrice1),
    unitPrice2: text(row.unitPrice2),
    unitPrice3: text(row.unitPrice3),
    unitPrice4: text(row.unitPrice4),
    unitPrice5: text(row.unitPrice5),
    cost: text(row.cost),
    taxMode: row.taxMode,
    taxRateCode: row.taxRateCode,
    isStockManaged: row.isStockManaged,
    valuationMethod: row.valuationMethod,
    janCode: row.janCode,
    notes: row.notes,
    isActive: row.isActive,
  };
}

async function loadProducts(tx: TenantTransaction, where: ReturnType<typeof sql>) {
  const rows = await tx.db
    .select()
    .from(products)
    .where(and(eq(products.tenantId, tx.tenantId), where))
    .orderBy(products.code);
  return rows.map(
    (row): StoredRecord<ProductInput> => ({ id: row.productId, input: toInput(row) }),
  );
}

export const productExportFiltersSchema = productListQuerySchema.pick({ q: true, active: true });

export const productIo: MasterIo<ProductInput, ProductIoContext> = {
  kind: 'products',
  label: '商品',
  permissions: {
    view: 'products:view',
    create: 'products:create',
    edit: 'products:edit',
    export: 'products:export',
  },
  auditEvent: 'product.imported',
  schema: productInputSchema,
  numbered: 'products',
  keyHeaders: ['商品コード'],
  duplicateMessage: 'この商品コードは既に登録されています（「追加と更新」を選ぶと上書きできます）',
  exportFiltersSchema: productExportFiltersSchema,
  async loadContext(tx) {
    const codes = await queryRows<{ id: string; code: string }>(
      tx,
      sql`select product_id as id, code from app.products where tenant_id = ${tx.tenantId}::uuid`,
    );
    const { items } = await findTaxRates(tx);
    return { idOf: new Map(codes.map((c) => [c.code, c.id])), taxRates: items };
  },
  columns: productColumns,
  keyOf: (input) => input.code ?? '',
  registerNew: (ctx, key, id) => ctx.idOf.set(key, id),
  check(input, ctx, stored) {
    const rate = ctx.taxRates.find((r) => r.code === input.taxRateCode);
    if (rate && (!rate.isHidden || rate.code === stored?.taxRateCode)) return [];
    return [{ field: 'taxRateCode', message: '税率が見つかりません。選び直してください' }];
  },
  async findExisting(tx, keys, ctx) {
    const ids = keys.map((key) => ctx.idOf.get(key)).filter((id): id is string => !!id);
    const found = new Map<string, StoredRecord<ProductInput>>();
    if (ids.length === 0) return found;
    for (const record of await loadProducts(
      tx,
      sql`${products.productId} = any(${uuidArray(ids)})`,
    )) {
      found.set(record.input.code, record);
    }
    return found;
  },
  async exportRecords(tx, filters, limit) {
    // Page through the list itself, so the export matches exactly what the list shows.
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await findProducts(tx, {
        ...(filters as Pick<ProductListQuery, 'q' | 'active'>),
        sort: 'code',
        limit: PRODUCT_PAGE_SIZE_MAX,
        ...(cursor ? { cursor } : {}),
      });
      ids.push(...page.items.map((item) => item.productId));
      cursor = page.nextCursor ?? undefined;
    } while (cursor && ids.length < limit);
    if (ids.length === 0) return [];
    return loadProducts(tx, sql`${products.productId} = any(${uuidArray(ids.slice(0, limit))})`);
  },
  async write(tx, _actor, rows, progress) {
    const unnumbered = rows.filter((row) => row.input.code === '');
    const codes = await numberCodes(
      tx,
      'products',
      rows.map((row) => row.input.code),
      unnumbered.length,
    );
    unnumbered.forEach((row, index) => {
      row.input.code = codes[index]!;
      row.after.商品コード = codes[index]!;
    });
    const values = rows.map((row) => ({
      tenantId: tx.tenantId,
      productId: row.id,
      ...storedColumns(row.input),
    }));
    const total = Math.max(1, rows.length);
    await upsertRows(tx, products, [products.tenantId, products.productId], values, (done) =>
      progress(Math.floor((done / total) * rows.length)),
    );
  },
};
