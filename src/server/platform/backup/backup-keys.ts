import { randomBytes, randomUUID } from 'node:crypto';
import type pg from 'pg';
import { BackupUnreadableError, unwrapDataKey, wrapDataKey } from './envelope';

/**
 * Per-tenant data keys in backup.tenant_backup_keys (owner role only). Destroying a tenant's key
 * is what makes its backups unreadable at purge (crypto-shredding): the files may linger on
 * off-site storage until they age out, but nothing can decrypt them any more.
 */
export interface LiveDataKey {
  keyId: string;
  dataKey: Buffer;
}

/** The scope's live key, created on first use. Safe against two concurrent runs. */
export async function liveDataKey(
  pool: pg.Pool,
  masterKey: Buffer,
  scopeId: string,
  now: Date,
): Promise<LiveDataKey> {
  const existing = await readLiveKey(pool, scopeId);
  if (existing) {
    return {
      keyId: existing.key_id,
      dataKey: unwrapDataKey(masterKey, scopeId, existing.key_id, existing.wrapped_key),
    };
  }
  const keyId = randomUUID();
  const dataKey = randomBytes(32);
  const inserted = await pool.query(
    `INSERT INTO backup.tenant_backup_keys (key_id, tenant_id, wrapped_key, created_at)
     VALUES ($1, $2, $3, $4)
     ON CONFLICT (tenant_id) WHERE destroyed_at IS NULL DO NOTHING`,
    [keyId, scopeId, wrapDataKey(masterKey, scopeId, keyId, dataKey), now],
  );
  if (inserted.rowCount === 1) return { keyId, dataKey };
  return liveDataKey(pool, masterKey, scopeId, now);
}

/**
 * The data key a backup was written with. A destroyed key is reported as such: the backup is
 * unreadable by design, not damaged.
 */
export async function dataKeyFor(
  pool: pg.Pool,
  masterKey: Buffer,
  scopeId: string,
  keyId: string,
): Promise<Buffer> {
  const { rows } = await pool.query<{ wrapped_key: Buffer | null; destroyed_at: Date | null }>(
    'SELECT wrapped_key, destroyed_at FROM backup.tenant_backup_keys WHERE key_id = $1 AND tenant_id = $2',
    [keyId, scopeId],
  );
  const row = rows[0];
  if (!row) {
    throw new BackupUnreadableError(
      `バックアップ鍵 ${keyId} がありません。このバックアップは読めません / Backup key ${keyId} does not exist: the backup is unreadable`,
    );
  }
  if (row.destroyed_at || !row.wrapped_key) {
    throw new BackupUnreadableError(
      `バックアップ鍵 ${keyId} は ${row.destroyed_at?.toISOString() ?? '?'} に破棄されました（組織の削除）。このバックアップは読めません / Backup key ${keyId} was destroyed at ${row.destroyed_at?.toISOString() ?? '?'} (tenant purge): the backup is unreadable`,
    );
  }
  return unwrapDataKey(masterKey, scopeId, keyId, row.wrapped_key);
}

/**
 * Called by the tenant purge: overwrites every wrapped key of the tenant and marks it
 * destroyed, in the caller's transaction when given a client. Returns the destroyed key ids
 * for the deletion record. The old tuple remains in the heap until VACUUM reclaims it; it is
 * still wrapped by MASTER_KEY and, like database snapshots, ages out with them.
 */
export async function destroyTenantBackupKey(
  ownerPool: pg.Pool | pg.PoolClient,
  tenantId: string,
  now: Date = new Date(),
): Promise<string[]> {
  const { rows } = await ownerPool.query<{ key_id: string }>(
    `UPDATE backup.tenant_backup_keys SET wrapped_key = NULL, destroyed_at = $2
      WHERE tenant_id = $1 AND destroyed_at IS NULL
      RETURNING key_id`,
    [tenantId, now],
  );
  return rows.map((row) => row.key_id);
}

async function readLiveKey(
  pool: pg.Pool,
  scopeId: string,
): Promise<{ key_id: string; wrapped_key: Buffer } | undefined> {
  const { rows } = await pool.query<{ key_id: string; wrapped_key: Buffer }>(
    `SELECT key_id, wrapped_key FROM backup.tenant_backup_keys
      WHERE tenant_id = $1 AND destroyed_at IS NULL`,
    [scopeId],
  );
  return rows[0];
}
