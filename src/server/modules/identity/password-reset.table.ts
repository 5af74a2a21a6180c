import { foreignKey, index, primaryKey, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import {
  appSchema,
  bytea,
  tenantIdColumn,
  tenantIsolationPolicy,
} from '../../platform/db/tenant-table';
import { users } from './user.table';

/**
 * Self-service password reset tokens. Only the SHA-256 of the 256-bit secret is kept; a token
 * works once, for 30 minutes, and a newer request voids the older ones of the same user.
 */
export const passwordResetTokens = appSchema
  .table(
    'password_reset_tokens',
    {
      tenantId: tenantIdColumn(),
      tokenId: uuid('token_id').notNull(),
      tokenHash: bytea('token_hash').notNull(),
      userId: uuid('user_id').notNull(),
      createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
      expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
      /** Set when the token is spent, by use or by a newer request. */
      usedAt: timestamp('used_at', { withTimezone: true }),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.tokenId] }),
      unique('password_reset_tokens_hash_key').on(t.tenantId, t.tokenHash),
      index('password_reset_tokens_user_idx').on(t.tenantId, t.userId, t.createdAt),
      foreignKey({
        columns: [t.tenantId, t.userId],
        foreignColumns: [users.tenantId, users.userId],
      }).onDelete('cascade'),
      tenantIsolationPolicy(),
    ],
  )
  .enableRLS();
