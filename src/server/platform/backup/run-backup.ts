import { createHash } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import { listTenantTables } from '../db/tenant-catalog';
import { uuidv7 } from '../db/uuid';
import { PLATFORM_SCOPE } from './backup.table';
import { liveDataKey } from './backup-keys';
import { encodePayload } from './backup-payload';
import { BACKUP_FORMAT_VERSION, sealBackup } from './envelope';
import { listPlatformTables } from './platform-tables';
import { DETERMINISTIC_SESSION, readTableRows, type TableRows } from './table-rows';

/** SECURITY.md: "at most 8 kept" — a week of dailies plus the one being written. */
export const BACKUPS_KEPT = 8;

export interface BackupContext {
  /** Owner role of the database being backed up. */
  pool: pg.Pool;
  masterKey: Buffer;
  backupDir: string;
}

export interface BackupRecord {
  backupId: string;
  tenantId: string;
  keyId: string;
  startedAt: Date;
  finishedAt: Date;
  durationMs: number;
  sizeBytes: number;
  sha256: string;
  rowCounts: Record<string, number>;
  filePath: string;
}

/**
 * One tenant's rows from every tenant table (catalog-driven, so new tables are included
 * without touching this file), read in one REPEATABLE READ snapshot under that tenant's own
 * row-level security context: the same isolation the app relies on, so a mistake here cannot
 * put another tenant's rows into this tenant's backup.
 */
export async function backupTenant(
  context: BackupContext,
  tenantId: string,
  now: Date,
): Promise<BackupRecord> {
  return writeBackup(context, tenantId, now, 'tenant', async (client) => {
    await client.query("SELECT set_config('app.tenant_id', $1, true)", [tenantId]);
    const tables: TableRows[] = [];
    for (const table of await listTenantTables(client)) {
      tables.push(await readTableRows(client, table, tenantId));
    }
    return tables;
  });
}

/**
 * The tables of schema app without tenant_id (operators and the like), under their own key.
 * The operator-plane tables FORCE row-level security, so even their owner reads them only as
 * the operator plane; without it the backup would hold every such table empty.
 */
export async function backupPlatform(context: BackupContext, now: Date): Promise<BackupRecord> {
  return writeBackup(context, PLATFORM_SCOPE, now, 'platform', async (client) => {
    await client.query("SELECT set_config('app.operator_plane', 'on', true)");
    const tables: TableRows[] = [];
    for (const table of await listPlatformTables(client)) {
      tables.push(await readTableRows(client, table, null));
    }
    return tables;
  });
}

async function writeBackup(
  context: BackupContext,
  scopeId: string,
  now: Date,
  kind: 'tenant' | 'platform',
  read: (client: pg.PoolClient) => Promise<TableRows[]>,
): Promise<BackupRecord> {
  const started = performance.now();
  const backupId = uuidv7(now.getTime());
  const key = await liveDataKey(context.pool, context.masterKey, scopeId, now);
  const client = await context.pool.connect();
  let tables: TableRows[];
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    for (const statement of DETERMINISTIC_SESSION) await client.query(statement);
    tables = await read(client);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
  const createdAt = now.toISOString();
  const payload = encodePayload({ kind, scopeId, backupId, createdAt }, tables);
  const file = sealBackup(
    key.dataKey,
    { format: BACKUP_FORMAT_VERSION, scopeId, backupId, keyId: key.keyId, createdAt },
    payload,
  );
  const stamp = createdAt.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const filePath = join(
    kind === 'platform' ? 'platform' : join('tenants', scopeId),
    `${stamp}-${backupId}.akb`,
  );
  const absolute = join(context.backupDir, filePath);
  await mkdir(dirname(absolute), { recursive: true, mode: 0o700 });
  // Written under a temporary name first: a crash never leaves a half file under a real name.
  await writeFile(`${absolute}.partial`, file, { mode: 0o600, flag: 'wx' });
  await rename(`${absolute}.partial`, absolute);
  const durationMs = Math.max(0, Math.round(performance.now() - started));
  const record: BackupRecord = {
    backupId,
    tenantId: scopeId,
    keyId: key.keyId,
    startedAt: now,
    finishedAt: new Date(now.getTime() + durationMs),
    durationMs,
    sizeBytes: file.length,
    sha256: createHash('sha256').update(file).digest('hex'),
    rowCounts: Object.fromEntries(tables.map((t) => [t.name, t.rows.length])),
    filePath,
  };
  try {
    await context.pool.query(
      `INSERT INTO backup.tenant_backups (backup_id, tenant_id, key_id, format_version, started_at,
         finished_at, duration_ms, size_bytes, sha256, row_counts, file_path)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        record.backupId,
        record.tenantId,
        record.keyId,
        BACKUP_FORMAT_VERSION,
        record.startedAt,
        record.finishedAt,
        record.durationMs,
        record.sizeBytes,
        record.sha256,
        JSON.stringify(record.rowCounts),
        record.filePath,
      ],
    );
  } catch (error) {
    await rm(absolute, { force: true });
    throw error;
  }
  return record;
}

/** Deletes all but the newest `keep` backups of a scope: files first, then their records. */
export async function applyRetention(
  context: BackupContext,
  scopeId: string,
  keep = BACKUPS_KEPT,
): Promise<number> {
  const { rows } = await context.pool.query<{ backup_id: string; file_path: string }>(
    `SELECT backup_id, file_path FROM backup.tenant_backups WHERE tenant_id = $1
      ORDER BY started_at DESC, backup_id DESC OFFSET $2`,
    [scopeId, keep],
  );
  for (const row of rows) {
    await rm(join(context.backupDir, row.file_path), { force: true });
    await context.pool.query('DELETE FROM backup.tenant_backups WHERE backup_id = $1', [
      row.backup_id,
    ]);
  }
  return rows.length;
}

/**
 * Backups whose key was destroyed (tenant purge) can never be read again; deleting them at the
 * next run keeps the promise that a purged tenant's backups are gone within days, even though
 * the tenant no longer takes part in per-tenant retention.
 */
export async function removeUnreadableBackups(context: BackupContext): Promise<number> {
  const { rows } = await context.pool.query<{ backup_id: string; file_path: string }>(
    `SELECT b.backup_id, b.file_path FROM backup.tenant_backups b
       JOIN backup.tenant_backup_keys k ON k.key_id = b.key_id
      WHERE k.destroyed_at IS NOT NULL`,
  );
  for (const row of rows) {
    await rm(join(context.backupDir, row.file_path), { force: true });
    await context.pool.query('DELETE FROM backup.tenant_backups WHERE backup_id = $1', [
      row.backup_id,
    ]);
  }
  return rows.length;
}
