import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  integer,
  jsonb,
  pgSchema,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea } from '../db/tenant-table';

/**
 * Backup bookkeeping lives in its own schema, outside app: the runtime role has no grant on it
 * (only the owner role that `npm run ops` uses reads wrapped keys), tenant purge and export do
 * not walk it, and the platform backup, which copies app's tenant-less tables, cannot carry a
 * wrapped key past its destruction (ADR 0018).
 */
export const backupSchema = pgSchema('backup');

/** The tenant id recorded for the platform tables' key and backups. */
export const PLATFORM_SCOPE = '00000000-0000-0000-0000-000000000000';

/**
 * One data key per tenant (and one for the platform tables), wrapped by MASTER_KEY. Destroying
 * a key clears wrapped_key and sets destroyed_at; the row stays as the deletion record's proof.
 */
export const tenantBackupKeys = backupSchema.table(
  'tenant_backup_keys',
  {
    keyId: uuid('key_id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    wrappedKey: bytea('wrapped_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    destroyedAt: timestamp('destroyed_at', { withTimezone: true }),
  },
  (t) => [
    // At most one live key per tenant; destroyed keys stay beside it.
    uniqueIndex('tenant_backup_keys_live_key').on(t.tenantId).where(sql`destroyed_at IS NULL`),
  ],
);

/** One row per backup file still on disk; retention deletes the file and its row together. */
export const tenantBackups = backupSchema.table(
  'tenant_backups',
  {
    backupId: uuid('backup_id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    keyId: uuid('key_id').notNull(),
    formatVersion: integer('format_version').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }).notNull(),
    durationMs: integer('duration_ms').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    /** Hex SHA-256 of the file as written: checked before any decryption is attempted. */
    sha256: text('sha256').notNull(),
    /** Table name → rows, also inside the encrypted manifest. */
    rowCounts: jsonb('row_counts').$type<Record<string, number>>().notNull(),
    /** Relative to BACKUP_DIR, so the directory can be moved or mounted elsewhere. */
    filePath: text('file_path').notNull(),
  },
  (t) => [index('tenant_backups_tenant_started').on(t.tenantId, t.startedAt)],
);
