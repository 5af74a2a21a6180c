import { foreignKey, index, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import {
  appSchema,
  bytea,
  tenantIdColumn,
  tenantIsolationPolicy,
} from '../../platform/db/tenant-table';
import { users } from './user.table';

/** Server-side sessions. Only the SHA-256 of the cookie's secret is stored. */
export const sessions = appSchema
  .table(
    'sessions',
    {
      tenantId: tenantIdColumn(),
      sessionId: uuid('session_id').notNull(),
      tokenHash: bytea('token_hash').notNull(),
      userId: uuid('user_id').notNull(),
      createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
      lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
      expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
      revokedAt: timestamp('revoked_at', { withTimezone: true }),
      ip: text('ip'),
      userAgent: text('user_agent'),
      /**
       * 'full' once sign-in is complete; 'mfa' after the password while the code is awaited,
       * 'mfa_enrol' when the tenant requires MFA the user has not set up. Only 'full' sessions
       * reach business routes (platform/access/route-access).
       */
      stage: text('stage', { enum: ['full', 'mfa', 'mfa_enrol'] })
        .notNull()
        .default('full'),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.sessionId] }),
      unique('sessions_token_hash_key').on(t.tenantId, t.tokenHash),
      index('sessions_user_created_idx').on(t.tenantId, t.userId, t.createdAt),
      foreignKey({
        columns: [t.tenantId, t.userId],
        foreignColumns: [users.tenantId, users.userId],
      }).onDelete('cascade'),
      tenantIsolationPolicy(),
    ],
  )
  .enableRLS();
