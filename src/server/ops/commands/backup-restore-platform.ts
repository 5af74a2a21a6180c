import { parseArgs } from 'node:util';
import { PLATFORM_SCOPE } from '../../platform/backup/backup.table';
import { findBackup, listBackups } from '../../platform/backup/backup-records';
import { BackupUnreadableError } from '../../platform/backup/envelope';
import { resolveMasterKey } from '../../platform/backup/master-key';
import { RestoreRefusedError } from '../../platform/backup/restore-backup';
import { restorePlatformBackup } from '../../platform/backup/restore-platform';
import { createPool } from '../../platform/db/pool';
import type { OpsCommand } from '../ops-command';
import { OpsError } from '../ops-tenants';
import { formatBytes } from './backup-run';
import { cliActor } from './operator-create';

/**
 * Disaster recovery, step 1 of 2: the platform tables (operators, お知らせ, 障害, …) from a
 * platform backup of this database, into it or into --target-database-url (a migrated
 * database's owner role). Step 2 is backup:restore for each tenant. Integrity failures exit
 * 1, refusals 2.
 */
export const backupRestorePlatform: OpsCommand = {
  name: 'backup:restore-platform',
  usage: 'backup:restore-platform [<backup-id>] [--target-database-url <URL>] [--replace]',
  summary:
    'プラットフォーム表を復元 (災害復旧は先にこれ、次に各組織) / restore the platform tables',
  async run(args, { pool, io, config }) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        'target-database-url': { type: 'string' },
        'database-url': { type: 'string' },
        replace: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: true,
    });
    if (positionals.length > 1) {
      throw new OpsError(`使い方 / Usage: npm run ops -- ${backupRestorePlatform.usage}`);
    }
    const [backupId] = positionals;
    const backup =
      backupId !== undefined
        ? await findBackup(pool, backupId)
        : (await listBackups(pool, PLATFORM_SCOPE))[0];
    if (!backup) {
      throw new OpsError(
        backupId !== undefined
          ? `バックアップ ${backupId} はありません / No backup ${backupId}`
          : 'プラットフォーム表のバックアップはありません / No platform backup (see backup:list)',
      );
    }
    const targetUrl = values['target-database-url'] ?? values['database-url'];
    const target = targetUrl ? createPool(targetUrl, 2) : pool;
    io.out(
      `復元 / Restore: platform backup ${backup.backupId} (${backup.startedAt.toISOString()}, ${formatBytes(backup.sizeBytes)}) → ${targetUrl ? 'target database' : 'this database'}`,
    );
    try {
      const result = await restorePlatformBackup(
        { pool, masterKey: resolveMasterKey(config), backupDir: config.backupDir },
        backup,
        { target, replace: values.replace, actor: cliActor() },
      );
      for (const [table, rows] of Object.entries(result.rowCounts)) {
        if (rows > 0) io.out(`  ${table}: ${rows}行 / rows`);
      }
      io.out(
        result.replaced
          ? '結果: プラットフォーム表を置き換えました / Result: the platform tables were replaced'
          : '結果: プラットフォーム表を復元しました。続けて各組織を backup:restore で復元してください / Result: the platform tables were restored; now restore each tenant with backup:restore',
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
