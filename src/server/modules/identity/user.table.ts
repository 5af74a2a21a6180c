import { sql } from 'drizzle-orm';
import {
  bigint,
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
      /** TOTP secret, AES-256-GCM encrypted (platform/auth/secret-box); NULL without MFA. */
      mfaSecret: text('mfa_secret'),
      /** A secret generated for an enrolment not yet confirmed by a first code. */
      mfaPendingSecret: text('mfa_pending_secret'),
      mfaEnabledAt: timestamp('mfa_enabled_at', { withTimezone: true }),
      /** The last accepted TOTP time step: a code is accepted once, and never an older one. */
      mfaLastStep: bigint('mfa_last_step', { mode: 'number' }),
      /** SHA-256 of the unused recovery codes; a used code is removed. */
      mfaRecoveryHashes: text('mfa_recovery_hashes').array().notNull().default(sql`'{}'`),
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
