import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { writeAudit } from '../audit/write-audit';
import { listTenantTables } from '../db/tenant-catalog';
import { PLATFORM_SCOPE } from './backup.table';
import { dataKeyFor } from './backup-keys';
import { type BackupManifest, decodePayload } from './backup-payload';
import { BackupUnreadableError, openBackup } from './envelope';
import { insertTableRows } from './table-rows';

/** A restore that would be wrong to carry out (not a damaged backup). */
export class RestoreRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreRefusedError';
  }
}

export interface StoredBackup {
  backupId: string;
  tenantId: string;
  keyId: string;
  startedAt: Date;
  sizeBytes: number;
  sha256: string;
  filePath: string;
}

export interface RestoreContext {
  /** Owner role of the database holding the backup records and keys. */
  pool: pg.Pool;
  masterKey: Buffer;
  backupDir: string;
}

/**
 * Checks the file against its recorded SHA-256, unwraps the tenant's key, authenticates and
 * decodes the backup. Any failure is a BackupUnreadableError with an operator-facing message.
 */
export async function readTenantBackup(
  context: RestoreContext,
  backup: StoredBackup,
): Promise<{ manifest: BackupManifest; tables: ReturnType<typeof decodePayload>['tables'] }> {
  if (backup.tenantId === PLATFORM_SCOPE) {
    throw new RestoreRefusedError(
      'これはプラットフォーム表のバックアップです。組織の復元には使えません / This is the platform tables backup, not a tenant backup',
    );
  }
  return readStoredBackup(context, backup, 'tenant');
}

/** The checks every restore makes before it touches a database (tenant or platform). */
export async function readStoredBackup(
  context: RestoreContext,
  backup: StoredBackup,
  kind: BackupManifest['kind'],
): Promise<{ manifest: BackupManifest; tables: ReturnType<typeof decodePayload>['tables'] }> {
  let file: Buffer;
  try {
    file = await readFile(join(context.backupDir, backup.filePath));
  } catch {
    throw new BackupUnreadableError(
      `バックアップファイルが見つかりません: ${backup.filePath} / Backup file not found under BACKUP_DIR: ${backup.filePath}`,
    );
  }
  const actual = createHash('sha256').update(file).digest('hex');
  if (actual !== backup.sha256) {
    throw new BackupUnreadableError(
      `バックアップファイルのハッシュが記録と一致しません（改ざんまたは破損）。復元を中止しました / Backup file hash mismatch (altered or damaged): expected sha256 ${backup.sha256}, found ${actual}; restore refused`,
    );
  }
  const dataKey = await dataKeyFor(context.pool, context.masterKey, backup.tenantId, backup.keyId);
  const { plaintext } = openBackup(dataKey, file, {
    scopeId: backup.tenantId,
    backupId: backup.backupId,
  });
  const decoded = decodePayload(plaintext);
  if (decoded.manifest.kind !== kind || decoded.manifest.scopeId !== backup.tenantId) {
    throw new BackupUnreadableError(
      'バックアップの目録が記録と一致しません / The backup manifest does not match its record',
    );
  }
  return decoded;
}

/**
 * Replaces (or creates) the tenant's rows in the target database in ONE transaction, under the
 * tenant's row-level security context: deletes children first, inserts parents first, checks
 * every table's row count, and appends a tenant.restored entry to the restored audit chain.
 * Refuses when the tenant exists in the target unless `replace` is set.
 */
export async function restoreTenantBackup(
  context: RestoreContext,
  backup: StoredBackup,
  options: { target: pg.Pool; replace: boolean },
): Promise<{ rowCounts: Record<string, number>; replaced: boolean }> {
  const { manifest, tables } = await readTenantBackup(context, backup);
  const tenantId = backup.tenantId;
  const client = await options.target.connect();
  try {
    await client.query('BEGIN');
    await client.query("SELECT set_config('app.tenant_id', $1, true)", [tenantId]);
    const targetTables = await listTenantTables(client);
    const byName = new Map(targetTables.map((table) => [table.name, table]));
    for (const table of tables) {
      const target = byName.get(table.name);
      const missing = target
        ? table.columns.filter((column) => !target.columns.includes(column))
        : ['(table)'];
      if (missing.length > 0) {
        throw new RestoreRefusedError(
          `復元先のデータベースのスキーマが古いか異なります（${table.name}: ${missing.join(', ')}）。マイグレーションを適用してください / The target schema lacks ${table.name} ${missing.join(', ')}: migrate it first`,
        );
      }
    }
    const existing = await client.query('SELECT 1 FROM app.tenants WHERE tenant_id = $1', [
      tenantId,
    ]);
    const replaced = existing.rowCount === 1;
    if (replaced && !options.replace) {
      throw new RestoreRefusedError(
        '復元先にこの組織が存在します。現在のデータを置き換えるには --replace を付けてください / The tenant exists in the target database: add --replace to replace its current rows',
      );
    }
    for (const table of [...targetTables].reverse()) {
      await client.query(`DELETE FROM ${table.qualifiedName} WHERE tenant_id = $1`, [tenantId]);
    }
    const rowsByName = new Map(tables.map((table) => [table.name, table]));
    for (const target of targetTables) {
      const table = rowsByName.get(target.name);
      if (!table || table.rows.length === 0) continue;
      await insertTableRows(client, target.qualifiedName, table.columns, table.rows);
    }
    for (const table of tables) {
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${byName.get(table.name)?.qualifiedName} WHERE tenant_id = $1`,
        [tenantId],
      );
      if (rows[0]?.n !== table.rows.length) {
        throw new Error(`Row count of ${table.name} after restore differs from the backup`);
      }
    }
    await writeAudit(
      { tenantId, client, db: drizzle(client) },
      {
        tenantId,
        userId: null,
        actorLabel: 'operator (npm run ops -- backup:restore)',
        ip: '127.0.0.1',
        userAgent: 'akinai-ops',
        requestId: backup.backupId,
      },
      {
        event: 'tenant.restored',
        targetType: 'tenant',
        targetId: tenantId,
        after: { backupId: backup.backupId, backupCreatedAt: manifest.createdAt, replaced },
      },
    );
    await client.query('COMMIT');
    return {
      rowCounts: Object.fromEntries(tables.map((t) => [t.name, t.rows.length])),
      replaced,
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    if ((error as { code?: string }).code === '23505') {
      throw new RestoreRefusedError(
        `復元先に重複するデータがあります（${(error as { constraint?: string }).constraint ?? ''}）。別の組織が同じ組織コードを使っていないか確認してください / The target already holds conflicting rows (${(error as { constraint?: string }).constraint ?? 'unique'}), e.g. another tenant with the same code`,
      );
    }
    throw error;
  } finally {
    client.release();
  }
}
