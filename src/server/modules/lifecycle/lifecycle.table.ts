import {
  bigint,
  boolean,
  foreignKey,
  jsonb,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { appSchema, tenantIdColumn, tenantIsolationPolicy } from '../../platform/db/tenant-table';
import { tenants } from '../organization/tenant.table';

/**
 * Purge reminders already mailed (7 days / 1 day before), so each goes out once however often
 * the lifecycle job runs. A tenant table: it is purged with the tenant.
 */
export const tenantPurgeReminders = appSchema
  .table(
    'tenant_purge_reminders',
    {
      tenantId: tenantIdColumn(),
      reminder: text('reminder').notNull(),
      purgeAt: timestamp('purge_at', { withTimezone: true }).notNull(),
      sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.reminder] }),
      foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.tenantId] }),
      tenantIsolationPolicy(),
    ],
  )
  .enableRLS();

/**
 * 削除記録: proof that a tenant's data was purged, kept after the tenant is gone. Deliberately
 * without personal or company data: no code, no name, no addresses; only the tenant's random
 * id, times, row counts per table and the destroyed backup key's id (ADR 0017). Not a tenant
 * table (no tenant_id column: the purge must not delete it). RLS enabled without any policy:
 * the runtime role sees no row; only the owner role (operations) reads it.
 */
export const tenantDeletions = appSchema
  .table('tenant_deletions', {
    deletionId: uuid('deletion_id').primaryKey(),
    deletedTenantId: uuid('deleted_tenant_id').notNull().unique('tenant_deletions_tenant_key'),
    wasTrial: boolean('was_trial').notNull(),
    contractEndedAt: timestamp('contract_ended_at', { withTimezone: true }).notNull(),
    purgeDueAt: timestamp('purge_due_at', { withTimezone: true }).notNull(),
    purgedAt: timestamp('purged_at', { withTimezone: true }).notNull(),
    /** { "customers": 12, "users": 3, … }: rows deleted per table. */
    rowCounts: jsonb('row_counts').$type<Record<string, number>>().notNull(),
    totalRows: bigint('total_rows', { mode: 'number' }).notNull(),
    backupKeyId: text('backup_key_id'),
  })
  .enableRLS();
