import { foreignKey, integer, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { appSchema, tenantIdColumn, tenantIsolationPolicy } from '../../platform/db/tenant-table';
import { tenants } from '../organization/tenant.table';

/**
 * 自社情報: one row per tenant, created by its first save (until then the screen shows an
 * empty profile at version 0). What documents print as the issuer.
 */
export const companyProfiles = appSchema
  .table(
    'company_profiles',
    {
      tenantId: tenantIdColumn(),
      companyName: text('company_name').notNull(),
      companyKana: text('company_kana').notNull().default(''),
      representativeTitle: text('representative_title').notNull().default(''),
      representativeName: text('representative_name').notNull().default(''),
      postalCode: text('postal_code').notNull().default(''),
      address1: text('address1').notNull().default(''),
      address2: text('address2').notNull().default(''),
      phone: text('phone').notNull().default(''),
      fax: text('fax').notNull().default(''),
      email: text('email').notNull().default(''),
      url: text('url').notNull().default(''),
      /** 適格請求書発行事業者登録番号, normalised ("T" + 13 digits) or ''. */
      registrationNumber: text('registration_number').notNull().default(''),
      version: integer('version').notNull().default(1),
      updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId] }),
      foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.tenantId] }),
      tenantIsolationPolicy(),
    ],
  )
  .enableRLS();
