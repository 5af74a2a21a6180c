import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  integer,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { appSchema, tenantIdColumn, tenantIsolationPolicy } from '../../platform/db/tenant-table';
import { tenants } from '../organization/tenant.table';

/** 振込先: the company's own accounts, printed on invoices in sort order; one is the default. */
export const companyBankAccounts = appSchema
  .table(
    'company_bank_accounts',
    {
      tenantId: tenantIdColumn(),
      bankAccountId: uuid('bank_account_id').notNull(),
      sortOrder: integer('sort_order').notNull(),
      isDefault: boolean('is_default').notNull().default(false),
      bankName: text('bank_name').notNull(),
      bankCode: text('bank_code').notNull().default(''),
      branchName: text('branch_name').notNull(),
      branchCode: text('branch_code').notNull().default(''),
      accountType: text('account_type').notNull(),
      /** Seven digits with leading zeros, as 全銀 records carry it. */
      accountNumber: text('account_number').notNull(),
      accountHolder: text('account_holder').notNull(),
      version: integer('version').notNull().default(1),
      createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
      updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.bankAccountId] }),
      foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.tenantId] }),
      /** At most one default per tenant, even when two admins save at once. */
      uniqueIndex('company_bank_accounts_default_key').on(t.tenantId).where(sql`${t.isDefault}`),
      check(
        'company_bank_accounts_type_check',
        sql`${t.accountType} IN ('ordinary', 'checking', 'savings')`,
      ),
      check('company_bank_accounts_number_check', sql`${t.accountNumber} ~ '^[0-9]{7}$'`),
      tenantIsolationPolicy(),
    ],
  )
  .enableRLS();
