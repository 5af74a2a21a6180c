import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  index,
  integer,
  numeric,
  primaryKey,
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
import { tradeTermsColumns, tradeTermsConstraints } from '../shared/trade-terms.columns';

/** 得意先 (customer master). search_* columns hold normalizeForSearch() of name and kana. */
export const customers = appSchema
  .table(
    'customers',
    {
      tenantId: tenantIdColumn(),
      customerId: uuid('customer_id').notNull(),
      code: byteOrderedText('code').notNull(),
      name: text('name').notNull(),
      kana: text('kana').notNull().default(''),
      shortName: text('short_name').notNull().default(''),
      honorific: text('honorific', { enum: ['御中', '様', ''] })
        .notNull()
        .default('御中'),
      postalCode: text('postal_code').notNull().default(''),
      address1: text('address1').notNull().default(''),
      address2: text('address2').notNull().default(''),
      phone: text('phone').notNull().default(''),
      fax: text('fax').notNull().default(''),
      email: text('email').notNull().default(''),
      notes: text('notes').notNull().default(''),
      /** 請求先 and 回収先: other customers of the tenant; null = the customer itself. */
      billToCustomerId: uuid('bill_to_customer_id'),
      collectFromCustomerId: uuid('collect_from_customer_id'),
      ...tradeTermsColumns(),
      /** 与信限度額 in whole yen; null = no limit. */
      creditLimit: numeric('credit_limit', { precision: 15, scale: 0 }),
      isActive: boolean('is_active').notNull().default(true),
      searchName: byteOrderedText('search_name').notNull(),
      searchKana: byteOrderedText('search_kana').notNull(),
      /** The phone's digits, so 0312345678 finds 03-1234-5678. */
      searchPhone: text('search_phone')
        .notNull()
        .generatedAlwaysAs(sql`regexp_replace(phone, '[^0-9]', '', 'g')`),
      version: integer('version').notNull().default(1),
      createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
      updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.customerId] }),
      unique('customers_code_key').on(t.tenantId, t.code),
      index('customers_search_kana_idx').on(t.tenantId, t.searchKana, t.code),
      // Lists show active customers by default: their page and capped count run as index-only
      // scans here, with no heap visit per row to check is_active.
      index('customers_active_search_kana_idx')
        .on(t.tenantId, t.searchKana, t.code)
        .where(sql`is_active`),
      foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.tenantId] }),
      foreignKey({
        name: 'customers_bill_to_fk',
        columns: [t.tenantId, t.billToCustomerId],
        foreignColumns: [t.tenantId, t.customerId],
      }),
      foreignKey({
        name: 'customers_collect_from_fk',
        columns: [t.tenantId, t.collectFromCustomerId],
        foreignColumns: [t.tenantId, t.customerId],
      }),
      index('customers_bill_to_idx').on(t.tenantId, t.billToCustomerId),
      index('customers_collect_from_idx').on(t.tenantId, t.collectFromCustomerId),
      ...tradeTermsConstraints('customers', t),
      tenantIsolationPolicy(),
    ],
  )
  .enableRLS();
