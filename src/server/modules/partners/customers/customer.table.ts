import { foreignKey, index, numeric, primaryKey, unique, uuid } from 'drizzle-orm/pg-core';
import {
  appSchema,
  tenantIdColumn,
  tenantIsolationPolicy,
} from '../../../platform/db/tenant-table';
import { tenants } from '../../organization/tenant.table';
import { partnerProfileColumns, versionColumns } from '../shared/partner-table.columns';
import { tradeTermsColumns, tradeTermsConstraints } from '../shared/trade-terms.columns';

/** 得意先 (customer master). search_* columns hold normalizeForSearch() of name and kana. */
export const customers = appSchema
  .table(
    'customers',
    {
      tenantId: tenantIdColumn(),
      customerId: uuid('customer_id').notNull(),
      ...partnerProfileColumns(),
      /** 請求先 and 回収先: other customers of the tenant; null = the customer itself. */
      billToCustomerId: uuid('bill_to_customer_id'),
      collectFromCustomerId: uuid('collect_from_customer_id'),
      ...tradeTermsColumns(),
      /** 与信限度額 in whole yen; null = no limit. */
      creditLimit: numeric('credit_limit', { precision: 15, scale: 0 }),
      ...versionColumns(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.customerId] }),
      unique('customers_code_key').on(t.tenantId, t.code),
      // The list's covering indexes customers_code_cover_idx and customers_kana_cover_idx (ADR 0023)
      // carry INCLUDE columns, which drizzle cannot declare: they are in drizzle/0026_partner_search_cover.sql.
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
