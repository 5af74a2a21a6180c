import { parseArgs } from 'node:util';
import { findBackup, listBackups } from '../../platform/backup/backup-records';
import { BackupUnreadableError } from '../../platform/backup/envelope';
import { resolveMasterKey } from '../../platform/backup/master-key';
import { RestoreRefusedError, restoreTenantBackup } from '../../platform/backup/restore-backup';
import { createPool } from '../../platform/db/pool';
import type { OpsCommand } from '../ops-command';
import { assertOpsListingAvailable, listTenants, OpsError } from '../ops-tenants';
import { formatBytes } from './backup-run';

/**
 * Disaster recovery for one tenant (white paper §11: an operator tool, not self-service).
 * Records and keys come from this database; rows go to it or to --target-database-url (the
 * target's owner role, on a migrated schema). Integrity failures exit 1, refusals 2.
 */
export const backupRestore: OpsCommand = {
  name: 'backup:restore',
  usage:
    'backup:restore --tenant <組織コード> [--backup <id>] [--target-database-url <URL>] [--replace]',
  summary: 'バックアップから組織を復元 / restore a tenant from a backup',
  async run(args, { pool, io, config }) {
    const { values } = parseArgs({
      args,
      options: {
        tenant: { type: 'string' },
        backup: { type: 'string' },
        'target-database-url': { type: 'string' },
        replace: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
    if (values.tenant === undefined && values.backup === undefined) {
      throw new OpsError(
        '--tenant <組織コード> か --backup <id> を指定してください / Give --tenant <code> or --backup <id>',
      );
    }
    await assertOpsListingAvailable(pool);
    const tenantId =
      values.tenant === undefined
        ? undefined
        : (await listTenants(pool, values.tenant))[0]?.tenantId;
    if (values.tenant !== undefined && tenantId === undefined && values.backup === undefined) {
      throw new OpsError(
        `組織コード「${values.tenant}」の組織はありません。--backup <id> で指定してください / No tenant with code "${values.tenant}" in this database: name the backup with --backup <id> (see backup:list)`,
      );
    }
    const backup =
      values.backup !== undefined
        ? await findBackup(pool, values.backup)
        : (await listBackups(pool, tenantId))[0];
    if (!backup) {
      throw new OpsError(
        values.backup !== undefined
          ? `バックアップ ${values.backup} はありません / No backup ${values.backup}`
          : `組織「${values.tenant}」のバックアップはありません / No backup of tenant "${values.tenant}"`,
      );
    }
    if (tenantId !== undefined && backup.tenantId !== tenantId) {
      throw new OpsError(
        `バックアップ ${backup.backupId} は組織「${values.tenant}」のものではありません / Backup ${backup.backupId} is not of tenant "${values.tenant}"`,
      );
    }
    const targetUrl = values['target-database-url'];
    const target = targetUrl ? createPool(targetUrl, 2) : pool;
    io.out(
      `復元 / Restore: backup ${backup.backupId} (${backup.startedAt.toISOString()}, ${formatBytes(backup.sizeBytes)}) → ${targetUrl ? 'target database' : 'this database'}`,
    );
    try {
      const result = await restoreTenantBackup(
        { pool, masterKey: resolveMasterKey(config), backupDir: config.backupDir },
        backup,
        { target, replace: values.replace },
      );
      for (const [table, rows] of Object.entries(result.rowCounts)) {
        if (rows > 0) io.out(`  ${table}: ${rows}行 / rows`);
      }
      io.out(
        result.replaced
          ? "結果: 組織のデータを置き換えました / Result: the tenant's rows were replaced"
          : '結果: 組織を復元しました / Result: the tenant was restored',
      );
      return 0;
    } catch (error) {
      if (error instanceof BackupUnreadableError) throw new OpsError(error.message, 1);
      if (error instanceof RestoreRefusedError) throw new OpsError(error.message, 2);
      throw error;
    } finally {
      if (target !== pool) await target.end();
    }
  },
};
