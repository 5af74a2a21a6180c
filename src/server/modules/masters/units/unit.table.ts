import { foreignKey, integer, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import {
  appSchema,
  tenantIdColumn,
  tenantIsolationPolicy,
} from '../../../platform/db/tenant-table';
import { tenants } from '../../organization/tenant.table';

/**
 * 単位: the units a product may choose from (a product may also type a unit of its own). Lines
 * keep the unit as text, so renaming or deleting one never changes an issued document.
 */
export const units = appSchema
  .table(
    'units',
    {
      tenantId: tenantIdColumn(),
      unitId: uuid('unit_id').notNull(),
      name: text('name').notNull(),
      sortOrder: integer('sort_order').notNull(),
      version: integer('version').notNull().default(1),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.unitId] }),
      unique('units_name_key').on(t.tenantId, t.name),
      foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.tenantId] }),
      tenantIsolationPolicy(),
    ],
  )
  .enableRLS();
