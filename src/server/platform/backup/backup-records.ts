import type pg from 'pg';
import { isUuid } from '../db/uuid';
import type { StoredBackup } from './restore-backup';

export interface BackupListing extends StoredBackup {
  durationMs: number;
  rowCounts: Record<string, number>;
}

const COLUMNS = `backup_id AS "backupId", tenant_id AS "tenantId", key_id AS "keyId",
  started_at AS "startedAt", size_bytes::float8 AS "sizeBytes", sha256, file_path AS "filePath",
  duration_ms AS "durationMs", row_counts AS "rowCounts"`;

/** Newest first. */
export async function listBackups(pool: pg.Pool, tenantId?: string): Promise<BackupListing[]> {
  const { rows } = await pool.query<BackupListing>(
    `SELECT ${COLUMNS} FROM backup.tenant_backups
      WHERE $1::uuid IS NULL OR tenant_id = $1
      ORDER BY tenant_id, started_at DESC, backup_id DESC`,
    [tenantId ?? null],
  );
  return rows;
}

export async function findBackup(
  pool: pg.Pool,
  backupId: string,
): Promise<BackupListing | undefined> {
  if (!isUuid(backupId)) return undefined;
  const { rows } = await pool.query<BackupListing>(
    `SELECT ${COLUMNS} FROM backup.tenant_backups WHERE backup_id = $1`,
    [backupId],
  );
  return rows[0];
}
