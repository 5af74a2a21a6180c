import { foreignKey, index, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import {
  appSchema,
  bytea,
  tenantIdColumn,
  tenantIsolationPolicy,
} from '../../platform/db/tenant-table';
import { users } from '../identity/user.table';

/**
 * 個人用 API トークン. Only the SHA-256 of the secret is stored. `scope` is what the owner chose;
 * each use intersects it with the owner's current permissions, so it can only narrow.
 */
export const apiTokens = appSchema
  .table(
    'api_tokens',
    {
      tenantId: tenantIdColumn(),
      tokenId: uuid('token_id').notNull(),
      userId: uuid('user_id').notNull(),
      name: text('name').notNull(),
      tokenHash: bytea('token_hash').notNull(),
      scope: text('scope').array().notNull(),
      createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
      expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
      lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
      revokedAt: timestamp('revoked_at', { withTimezone: true }),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.tokenId] }),
      unique('api_tokens_token_hash_key').on(t.tenantId, t.tokenHash),
      index('api_tokens_user_idx').on(t.tenantId, t.userId),
      // Deleting the user deletes their tokens.
      foreignKey({
        columns: [t.tenantId, t.userId],
        foreignColumns: [users.tenantId, users.userId],
      }).onDelete('cascade'),
      tenantIsolationPolicy(),
    ],
  )
  .enableRLS();
