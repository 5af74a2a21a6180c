import { date, foreignKey, index, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import type { RegistrationStatus } from '../../../../domain/invoice/registration-status';
import {
  appSchema,
  tenantIdColumn,
  tenantIsolationPolicy,
} from '../../../platform/db/tenant-table';
import { tenants } from '../../organization/tenant.table';
import { partnerProfileColumns, versionColumns } from '../shared/partner-table.columns';
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
      ...partnerProfileColumns(),
      /** 支払先: another supplier of the tenant that is paid instead; null = itself. */
      payToSupplierId: uuid('pay_to_supplier_id'),
      ...tradeTermsColumns(),
      registrationNumber: text('registration_number').notNull().default(''),
      registrationStatus: text('registration_status')
        .$type<RegistrationStatus>()
        .notNull()
        .default('unregistered'),
      registeredOn: date('registered_on'),
      ...versionColumns(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.supplierId] }),
      unique('suppliers_code_key').on(t.tenantId, t.code),
      // The list's covering indexes suppliers_code_cover_idx and suppliers_kana_cover_idx (ADR 0023)
      // carry INCLUDE columns, which drizzle cannot declare: they are in drizzle/0026_partner_search_cover.sql.
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
