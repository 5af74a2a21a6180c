import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  index,
  integer,
  numeric,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  appSchema,
  byteOrderedText,
  tenantIdColumn,
  tenantIsolationPolicy,
} from '../../../platform/db/tenant-table';
import { tenants } from '../../organization/tenant.table';

/** Money and quantities up to 9 integer and 4 decimal digits (DOMAIN.md §6: numeric, never float). */
export const priceNumeric = (name: string) => numeric(name, { precision: 13, scale: 4 });

/**
 * 商品 (product master). Prices are exact numerics; `tax_rate_code` names a rate of the
 * tax-rates module (a shipped preset or the tenant's own), which has no row to point a foreign
 * key at for presets. search_* columns hold normalizeForSearch() of name and kana.
 */
export const products = appSchema
  .table(
    'products',
    {
      tenantId: tenantIdColumn(),
      productId: uuid('product_id').notNull(),
      code: byteOrderedText('code').notNull(),
      name: text('name').notNull(),
      kana: text('kana').notNull().default(''),
      spec: text('spec').notNull().default(''),
      unit: text('unit').notNull().default(''),
      quantityPerCase: numeric('quantity_per_case', { precision: 9, scale: 4 }),
      quantityDecimals: smallint('quantity_decimals').notNull().default(0),
      priceDecimals: smallint('price_decimals').notNull().default(0),
      unitPrice1: priceNumeric('unit_price1'),
      unitPrice2: priceNumeric('unit_price2'),
      unitPrice3: priceNumeric('unit_price3'),
      unitPrice4: priceNumeric('unit_price4'),
      unitPrice5: priceNumeric('unit_price5'),
      cost: priceNumeric('cost'),
      taxMode: text('tax_mode', { enum: ['exclusive', 'inclusive'] })
        .notNull()
        .default('exclusive'),
      taxRateCode: text('tax_rate_code').notNull(),
      isStockManaged: boolean('is_stock_managed').notNull().default(true),
      valuationMethod: text('valuation_method', {
        enum: ['lastPurchasePrice', 'totalAverage', 'movingAverage'],
      })
        .notNull()
        .default('lastPurchasePrice'),
      janCode: text('jan_code').notNull().default(''),
      notes: text('notes').notNull().default(''),
      isActive: boolean('is_active').notNull().default(true),
      searchName: byteOrderedText('search_name').notNull(),
      searchKana: byteOrderedText('search_kana').notNull(),
      version: integer('version').notNull().default(1),
      createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
      updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.productId] }),
      unique('products_code_key').on(t.tenantId, t.code),
      // The list's covering indexes products_code_cover_idx and products_kana_cover_idx (ADR 0023)
      // carry INCLUDE columns, which drizzle cannot declare: they are in drizzle/0027_product_search_cover.sql.
      index('products_jan_idx').on(t.tenantId, t.janCode).where(sql`jan_code <> ''`),
      foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.tenantId] }),
      tenantIsolationPolicy(),
    ],
  )
  .enableRLS();
