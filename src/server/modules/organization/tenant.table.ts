import { sql } from 'drizzle-orm';
import { integer, pgPolicy, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { appSchema, byteOrderedText, currentTenantId } from '../../platform/db/tenant-table';

/**
 * 組織 (tenant): the root every tenant row hangs from. A tenant sees only its own row, except
 * that a login may look up the one tenant whose code it was given (app.login_tenant_code).
 */
export const tenants = appSchema
  .table(
    'tenants',
    {
      tenantId: uuid('tenant_id').primaryKey(),
      code: byteOrderedText('code').notNull().unique('tenants_code_key'),
      name: text('name').notNull(),
      status: text('status', { enum: ['trial', 'active', 'ended'] })
        .notNull()
        .default('trial'),
      seatLimit: integer('seat_limit').notNull().default(5),
      /** Contract plan name shown to operators and the tenant ('trial' until converted). */
      plan: text('plan').notNull().default('trial'),
      /** End of the free trial; null for tenants created on a paid contract. */
      trialEndsAt: timestamp('trial_ends_at', { withTimezone: true }),
      /** When the contract ended (status 'ended'): read-only from then, purged after the grace period. */
      contractEndedAt: timestamp('contract_ended_at', { withTimezone: true }),
      /** Address incident and lifecycle notices go to (白書 §15); may differ from any user's. */
      contactEmail: text('contact_email').notNull().default(''),
      /** Who must sign in with TOTP: nobody by default, the org admins, or everyone. */
      mfaRequired: text('mfa_required', { enum: ['off', 'admins', 'everyone'] })
        .notNull()
        .default('off'),
      createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    },
    () => [
      pgPolicy('tenant_isolation', {
        for: 'all',
        using: sql`tenant_id = ${currentTenantId}`,
        withCheck: sql`tenant_id = ${currentTenantId}`,
      }),
      pgPolicy('tenant_login_lookup', {
        for: 'select',
        using: sql`code = nullif(current_setting('app.login_tenant_code', true), '')`,
      }),
      // Operations commands (npm run ops) walk every tenant. Only the owner role may list them,
      // and only after asking for it explicitly; the runtime role owns nothing (safety check).
      pgPolicy('tenant_ops_listing', {
        for: 'select',
        using: sql`current_setting('app.ops_all_tenants', true) = 'on' AND current_user = (SELECT pg_catalog.pg_get_userbyid(c.relowner) FROM pg_catalog.pg_class c WHERE c.oid = 'app.tenants'::regclass)`,
      }),
    ],
  )
  .enableRLS();
