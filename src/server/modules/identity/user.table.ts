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
} from '../../platform/db/tenant-table';
import { tenants } from '../organization/tenant.table';
import { permissionGroups } from './permission-group.table';

/** 担当者: a staff account of one tenant. */
export const users = appSchema
  .table(
    'users',
    {
      tenantId: tenantIdColumn(),
      userId: uuid('user_id').notNull(),
      loginId: byteOrderedText('login_id').notNull(),
      name: text('name').notNull(),
      kana: text('kana').notNull().default(''),
      email: text('email').notNull().default(''),
      department: text('department').notNull().default(''),
      passwordHash: text('password_hash').notNull(),
      groupId: uuid('group_id'),
      isOrgAdmin: boolean('is_org_admin').notNull().default(false),
      isActive: boolean('is_active').notNull().default(true),
      mustChangePassword: boolean('must_change_password').notNull().default(false),
      /** Until when the initial password may be used once; NULL once it is used or replaced. */
      initialPasswordExpiresAt: timestamp('initial_password_expires_at', { withTimezone: true }),
      lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
      /** Set on every password change, issuance and reset; the expiry clock (ADR 0010). */
      passwordChangedAt: timestamp('password_changed_at', { withTimezone: true })
        .notNull()
        .defaultNow(),
      version: integer('version').notNull().default(1),
      createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
      updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.userId] }),
      unique('users_login_id_key').on(t.tenantId, t.loginId),
      foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.tenantId] }),
      foreignKey({
        columns: [t.tenantId, t.groupId],
        foreignColumns: [permissionGroups.tenantId, permissionGroups.groupId],
      }),
      tenantIsolationPolicy(),
    ],
  )
  .enableRLS();
