import { sql } from 'drizzle-orm';
import {
  boolean,
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
  byteOrderedText,
  tenantIdColumn,
  tenantIsolationPolicy,
} from '../../../platform/db/tenant-table';
import { tenants } from '../../organization/tenant.table';

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
      isActive: boolean('is_active').notNull().default(true),
      searchName: byteOrderedText('search_name').notNull(),
      searchKana: byteOrderedText('search_kana').notNull(),
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
      tenantIsolationPolicy(),
    ],
  )
  .enableRLS();
