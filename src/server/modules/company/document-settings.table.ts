import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  integer,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { appSchema, tenantIdColumn, tenantIsolationPolicy } from '../../platform/db/tenant-table';
import { tenants } from '../organization/tenant.table';

/**
 * 帳票設定: one row per tenant and document type, written on the first save of that type
 * (the domain's defaults apply until then). Typed columns so each option can be queried.
 */
export const documentPrintSettings = appSchema
  .table(
    'document_print_settings',
    {
      tenantId: tenantIdColumn(),
      documentType: text('document_type').notNull(),
      title: text('title').notNull().default(''),
      showLogo: boolean('show_logo').notNull(),
      showSeal: boolean('show_seal').notNull(),
      showBankAccounts: boolean('show_bank_accounts').notNull(),
      showRegistrationNumber: boolean('show_registration_number').notNull(),
      footerNote: text('footer_note').notNull().default(''),
      addressSource: text('address_source').notNull(),
      version: integer('version').notNull().default(1),
      updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.documentType] }),
      foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.tenantId] }),
      check(
        'document_print_settings_type_check',
        sql`${t.documentType} IN ('quote', 'orderAcknowledgement', 'deliveryNote', 'invoice', 'receipt', 'purchaseOrder')`,
      ),
      check(
        'document_print_settings_address_check',
        sql`${t.addressSource} IN ('company', 'department')`,
      ),
      check('document_print_settings_footer_check', sql`char_length(${t.footerNote}) <= 200`),
      tenantIsolationPolicy(),
    ],
  )
  .enableRLS();

/** 伝票入力チェック: one row per tenant, written on its first save. */
export const documentEntryChecks = appSchema
  .table(
    'document_entry_checks',
    {
      tenantId: tenantIdColumn(),
      project: text('project').notNull(),
      quantity: text('quantity').notNull(),
      unitPrice: text('unit_price').notNull(),
      cost: text('cost').notNull(),
      version: integer('version').notNull().default(1),
      updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId] }),
      foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.tenantId] }),
      check(
        'document_entry_checks_mode_check',
        sql`${t.project} IN ('warn', 'block', 'allow') AND ${t.quantity} IN ('warn', 'block', 'allow')
            AND ${t.unitPrice} IN ('warn', 'block', 'allow') AND ${t.cost} IN ('warn', 'block', 'allow')`,
      ),
      tenantIsolationPolicy(),
    ],
  )
  .enableRLS();
