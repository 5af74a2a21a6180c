import {
  date,
  foreignKey,
  index,
  integer,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  appSchema,
  tenantIdColumn,
  tenantIsolationPolicy,
} from '../../../platform/db/tenant-table';
import { tenants } from '../../organization/tenant.table';
import { customers } from '../../partners/customers/customer.table';
import { priceNumeric, products } from './product.table';

/**
 * 得意先別単価 and the customer's own product code (相手先商品コード). A price beats the
 * customer's 単価区分 × 掛け率; a row may carry only the code (unit_price null). Rows with a
 * later valid_from take over from that date; NULL means "since always", once per pair.
 * The supplier mirror (仕入先別単価) is the same table with supplier_id.
 */
export const customerProductPrices = appSchema
  .table(
    'customer_product_prices',
    {
      tenantId: tenantIdColumn(),
      priceId: uuid('price_id').notNull(),
      customerId: uuid('customer_id').notNull(),
      productId: uuid('product_id').notNull(),
      unitPrice: priceNumeric('unit_price'),
      partnerProductCode: text('partner_product_code').notNull().default(''),
      validFrom: date('valid_from'),
      version: integer('version').notNull().default(1),
      createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
      updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.priceId] }),
      unique('customer_product_prices_key')
        .on(t.tenantId, t.productId, t.customerId, t.validFrom)
        .nullsNotDistinct(),
      index('customer_product_prices_customer_idx').on(t.tenantId, t.customerId, t.productId),
      foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.tenantId] }),
      foreignKey({
        name: 'customer_product_prices_customer_fk',
        columns: [t.tenantId, t.customerId],
        foreignColumns: [customers.tenantId, customers.customerId],
      }),
      foreignKey({
        name: 'customer_product_prices_product_fk',
        columns: [t.tenantId, t.productId],
        foreignColumns: [products.tenantId, products.productId],
      }),
      tenantIsolationPolicy(),
    ],
  )
  .enableRLS();
