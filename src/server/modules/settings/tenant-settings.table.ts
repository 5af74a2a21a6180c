import { sql } from 'drizzle-orm';
import { check, foreignKey, integer, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { appSchema, tenantIdColumn, tenantIsolationPolicy } from '../../platform/db/tenant-table';
import { tenants } from '../organization/tenant.table';

/**
 * システム設定: one row per tenant, one typed column per setting (ADR 0010). The contract
 * (code, seats, status) stays on app.tenants; what the tenant's admins may change lives here.
 */
export const tenantSettings = appSchema
  .table(
    'tenant_settings',
    {
      tenantId: tenantIdColumn(),
      /** 管理者メールアドレス: password-reset fallback and incident notices. */
      adminEmail: text('admin_email').notNull().default(''),
      idleTimeoutMinutes: integer('idle_timeout_minutes').notNull().default(30),
      /** 0 = passwords never expire (the default, as NIST SP 800-63B advises). */
      passwordExpiryDays: integer('password_expiry_days').notNull().default(0),
      passwordNoticeDays: integer('password_notice_days').notNull().default(0),
      version: integer('version').notNull().default(1),
      updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId] }),
      foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.tenantId] }),
      check('tenant_settings_idle_timeout_check', sql`${t.idleTimeoutMinutes} BETWEEN 5 AND 60`),
      check(
        'tenant_settings_password_days_check',
        sql`${t.passwordExpiryDays} >= 0 AND ${t.passwordNoticeDays} >= 0
            AND (${t.passwordExpiryDays} = 0 OR ${t.passwordNoticeDays} < ${t.passwordExpiryDays})`,
      ),
      tenantIsolationPolicy(),
    ],
  )
  .enableRLS();
