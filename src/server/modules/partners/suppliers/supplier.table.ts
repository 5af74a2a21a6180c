import { sql } from 'drizzle-orm';
import {
  boolean,
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
import type { RegistrationStatus } from '../../../../domain/invoice/registration-status';
import {
  appSchema,
  byteOrderedText,
  tenantIdColumn,
  tenantIsolationPolicy,
} from '../../../platform/db/tenant-table';
import { tenants } from '../../organization/tenant.table';
import { tradeTermsColumns, tradeTermsConstraints } from '../shared/trade-terms.columns';

/**
 * 仕入先 (supplier master): the payables mirror of customers, plus the supplier's qualified-
 * invoice registration (登録番号, 登録状況, 登録日) that decides its purchases' input tax credit.
 */
export const suppliers = appSchema
  .table(
    'suppliers',
    {
      tenantId: tenantIdColumn(),
      supplierId: uuid('supplier_id').notNull(),
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
      /** 支払先: another supplier of the tenant that is paid instead; null = itself. */
      payToSupplierId: uuid('pay_to_supplier_id'),
      ...tradeTermsColumns(),
      registrationNumber: text('registration_number').notNull().default(''),
      registrationStatus: text('registration_status')
        .$type<RegistrationStatus>()
        .notNull()
        .default('unregistered'),
      registeredOn: date('registered_on'),
      isActive: boolean('is_active').notNull().default(true),
      searchName: byteOrderedText('search_name').notNull(),
      searchKana: byteOrderedText('search_kana').notNull(),
      searchPhone: text('search_phone')
        .notNull()
        .generatedAlwaysAs(sql`regexp_replace(phone, '[^0-9]', '', 'g')`),
      version: integer('version').notNull().default(1),
      createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
      updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.supplierId] }),
      unique('suppliers_code_key').on(t.tenantId, t.code),
      index('suppliers_search_kana_idx').on(t.tenantId, t.searchKana, t.code),
      index('suppliers_active_search_kana_idx')
        .on(t.tenantId, t.searchKana, t.code)
        .where(sql`is_active`),
      foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.tenantId] }),
      foreignKey({
        name: 'suppliers_pay_to_fk',
        columns: [t.tenantId, t.payToSupplierId],
        foreignColumns: [t.tenantId, t.supplierId],
      }),
      index('suppliers_pay_to_idx').on(t.tenantId, t.payToSupplierId),
      ...tradeTermsConstraints('suppliers', t),
      tenantIsolationPolicy(),
    ],
  )
  .enableRLS();
