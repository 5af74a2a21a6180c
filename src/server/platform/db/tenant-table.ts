import { sql } from 'drizzle-orm';
import { customType, pgPolicy, pgSchema, uuid } from 'drizzle-orm/pg-core';

/** All application tables live in one schema owned by the migration role. */
export const appSchema = pgSchema('app');

/**
 * The tenant of the current transaction, or NULL when none is set, so that every policy fails
 * closed. A custom setting reverts to '' (not NULL) after the transaction that set it, hence
 * nullif. Wrapped in a sub-select so the planner evaluates it once per statement.
 */
export const currentTenantId = sql`(select nullif(current_setting('app.tenant_id', true), '')::uuid)`;

export const tenantIdColumn = () => uuid('tenant_id').notNull();

/** The policy every tenant table carries: rows of the transaction's tenant only, in and out. */
export const tenantIsolationPolicy = () =>
  pgPolicy('tenant_isolation', {
    as: 'permissive',
    for: 'all',
    using: sql`tenant_id = ${currentTenantId}`,
    withCheck: sql`tenant_id = ${currentTenantId}`,
  });

/**
 * Codes and search keys compare byte-wise: the same order and prefix matching on every server
 * whatever its locale, and a plain b-tree serves both `LIKE 'x%'` and `ORDER BY`.
 */
export const byteOrderedText = customType<{ data: string }>({
  dataType: () => 'text COLLATE "C"',
});

export const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });
