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
import {
  appSchema,
  byteOrderedText,
  tenantIdColumn,
  tenantIsolationPolicy,
} from '../../../platform/db/tenant-table';
import { tenants } from '../../organization/tenant.table';
import { customers } from '../../partners/customers/customer.table';

/**
 * 物件 (project / job): groups quotes, orders, sales and purchases so profit can be reported per
 * project. Optionally tied to the customer it is for, with its period.
 */
export const projects = appSchema
  .table(
    'projects',
    {
      tenantId: tenantIdColumn(),
      projectId: uuid('project_id').notNull(),
      code: byteOrderedText('code').notNull(),
      name: text('name').notNull(),
      customerId: uuid('customer_id'),
      startsOn: date('starts_on'),
      endsOn: date('ends_on'),
      notes: text('notes').notNull().default(''),
      isActive: boolean('is_active').notNull().default(true),
      version: integer('version').notNull().default(1),
      createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
      updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.projectId] }),
      unique('projects_code_key').on(t.tenantId, t.code),
      index('projects_customer_idx').on(t.tenantId, t.customerId),
      foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.tenantId] }),
      foreignKey({
        name: 'projects_customer_fk',
        columns: [t.tenantId, t.customerId],
        foreignColumns: [customers.tenantId, customers.customerId],
      }),
      tenantIsolationPolicy(),
    ],
  )
  .enableRLS();
