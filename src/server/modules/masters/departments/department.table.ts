import {
  boolean,
  foreignKey,
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

/**
 * 部門 (department). A department may print its own address on documents instead of the
 * company's (支店・営業所ごとの住所).
 */
export const departments = appSchema
  .table(
    'departments',
    {
      tenantId: tenantIdColumn(),
      departmentId: uuid('department_id').notNull(),
      code: byteOrderedText('code').notNull(),
      name: text('name').notNull(),
      kana: text('kana').notNull().default(''),
      postalCode: text('postal_code').notNull().default(''),
      address1: text('address1').notNull().default(''),
      address2: text('address2').notNull().default(''),
      phone: text('phone').notNull().default(''),
      fax: text('fax').notNull().default(''),
      printsOwnAddress: boolean('prints_own_address').notNull().default(false),
      isActive: boolean('is_active').notNull().default(true),
      version: integer('version').notNull().default(1),
      createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
      updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.departmentId] }),
      unique('departments_code_key').on(t.tenantId, t.code),
      foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.tenantId] }),
      tenantIsolationPolicy(),
    ],
  )
  .enableRLS();
