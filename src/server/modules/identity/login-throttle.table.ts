import { integer, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { appSchema, tenantIdColumn, tenantIsolationPolicy } from '../../platform/db/tenant-table';

/**
 * Failed sign-in counters of one tenant, per login ID as typed (known or not, so a lock says
 * nothing about whether the account exists) and per client IP. A row is deleted on success
 * (account) or simply ages out; the policy is src/domain/identity/login-throttle.
 */
export const loginThrottles = appSchema
  .table(
    'login_throttles',
    {
      tenantId: tenantIdColumn(),
      scope: text('scope', { enum: ['account', 'ip'] }).notNull(),
      subject: text('subject').notNull(),
      failures: integer('failures').notNull(),
      lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull(),
      lockedUntil: timestamp('locked_until', { withTimezone: true }),
    },
    (t) => [primaryKey({ columns: [t.tenantId, t.scope, t.subject] }), tenantIsolationPolicy()],
  )
  .enableRLS();
