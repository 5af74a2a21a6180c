import {
  foreignKey,
  integer,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { appSchema, tenantIdColumn, tenantIsolationPolicy } from '../../platform/db/tenant-table';
import { tenants } from '../organization/tenant.table';

/** アクセス権限グループ: a named set of catalogue permissions (src/domain/access). */
export const permissionGroups = appSchema
  .table(
    'permission_groups',
    {
      tenantId: tenantIdColumn(),
      groupId: uuid('group_id').notNull(),
      name: text('name').notNull(),
      permissions: text('permissions').array().notNull().default([]),
      /** Optimistic locking, as for users: a stale grid cannot overwrite a newer one. */
      version: integer('version').notNull().default(1),
      createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
      updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.groupId] }),
      unique('permission_groups_name_key').on(t.tenantId, t.name),
      foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.tenantId] }),
      tenantIsolationPolicy(),
    ],
  )
  .enableRLS();
