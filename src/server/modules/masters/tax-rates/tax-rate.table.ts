import {
  boolean,
  date,
  foreignKey,
  integer,
  numeric,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import {
  appSchema,
  byteOrderedText,
  tenantIdColumn,
  tenantIsolationPolicy,
} from '../../../platform/db/tenant-table';
import { tenants } from '../../organization/tenant.table';

/**
 * A tenant's changes to the tax-rate list. The shipped presets (src/domain/tax/tax-rates.ts)
 * are not copied into every tenant: a row here either overrides how a preset is shown
 * (printed name, order, hidden) or defines a rate of the tenant's own. So a preset added by a
 * change in the law reaches every tenant without a data migration.
 */
export const taxRates = appSchema
  .table(
    'tax_rates',
    {
      tenantId: tenantIdColumn(),
      code: byteOrderedText('code').notNull(),
      isPreset: boolean('is_preset').notNull(),
      printedName: text('printed_name').notNull(),
      ratePercent: numeric('rate_percent', { precision: 5, scale: 2 }).notNull(),
      category: text('category', {
        enum: ['standard', 'reduced', 'exempt', 'outOfScope', 'zeroRated'],
      }).notNull(),
      sortOrder: integer('sort_order').notNull(),
      isHidden: boolean('is_hidden').notNull().default(false),
      validFrom: date('valid_from'),
      validTo: date('valid_to'),
      version: integer('version').notNull().default(1),
      updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.code] }),
      foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.tenantId] }),
      tenantIsolationPolicy(),
    ],
  )
  .enableRLS();
