import { parseArgs } from 'node:util';
import { PLATFORM_SCOPE } from '../../platform/backup/backup.table';
import { resolveMasterKey } from '../../platform/backup/master-key';
import {
  applyRetention,
  BACKUPS_KEPT,
  type BackupContext,
  type BackupRecord,
  backupPlatform,
  backupTenant,
  removeUnreadableBackups,
} from '../../platform/backup/run-backup';
import type { OpsCommand, OpsIo } from '../ops-command';
import { assertOpsListingAvailable, listTenants, OpsError } from '../ops-tenants';
import { parseNow } from './parse-now';

/** Two overlapping runs (a slow one and the next day's timer) would race on retention. */
const BACKUP_LOCK = 0x616b_6275; // "akbu"

/**
 * The daily backup (ADR 0018): run by the host's scheduler (systemd timer, cron, a Kubernetes
 * CronJob), one encrypted file per tenant plus one of the platform tables, then retention.
 * Exit code 1 when any tenant failed, so the scheduler's alerting notices.
 */
export const backupRun: OpsCommand = {
  name: 'backup:run',
  usage: 'backup:run [--tenant <組織コード>] [--now <ISO時刻>]',
  summary: '暗号化バックアップを作成 / write encrypted backups (keeps 8)',
  async run(args, { pool, io, config }) {
    const { values } = parseArgs({
      args,
      options: { tenant: { type: 'string' }, now: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    });
    const now = parseNow(values.now);
    await assertOpsListingAvailable(pool);
    const tenants = await listTenants(pool, values.tenant);
    if (values.tenant !== undefined && tenants.length === 0) {
      throw new OpsError(
        `組織コード「${values.tenant}」の組織はありません。 / No tenant with code "${values.tenant}".`,
      );
    }
    const context: BackupContext = {
      pool,
      masterKey: resolveMasterKey(config),
      backupDir: config.backupDir,
    };
    const lock = await pool.connect();
    try {
      const { rows } = await lock.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [
        BACKUP_LOCK,
      ]);
      if (!rows[0]?.ok) {
        throw new OpsError('別のバックアップが実行中です / Another backup run is in progress', 1);
      }
      io.out(`バックアップ / Backup → ${config.backupDir}`);
      // First, so that a destroyed key's backups never count towards the 8 kept.
      const unreadable = await removeUnreadableBackups(context);
      if (unreadable > 0) {
        io.out(
          `  破棄済みの鍵のバックアップ${unreadable}件を削除 / removed ${unreadable} backup(s) whose key was destroyed (purged tenants)`,
        );
      }
      let failed = 0;
      const jobs = tenants.map((tenant) => ({
        label: `${tenant.code} (${tenant.name})`,
        scope: tenant.tenantId,
        write: () => backupTenant(context, tenant.tenantId, now),
      }));
      if (values.tenant === undefined) {
        jobs.push({
          label: 'platform tables',
          scope: PLATFORM_SCOPE,
          write: () => backupPlatform(context, now),
        });
      }
      for (const job of jobs) {
        try {
          const record = await job.write();
          const removed = await applyRetention(context, job.scope);
          report(io, job.label, record, removed);
        } catch (error) {
          failed++;
          io.out(`  NG  ${job.label} — ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      if (failed > 0) {
        io.out(`結果: ${failed}件失敗 / Result: ${failed} of ${jobs.length} backup(s) failed`);
        return 1;
      }
      io.out(
        `結果: ${jobs.length}件成功、各${BACKUPS_KEPT}世代まで保持 / Result: ${jobs.length} backup(s) written, ${BACKUPS_KEPT} kept per tenant`,
      );
      return 0;
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [BACKUP_LOCK]).catch(() => {});
      lock.release();
    }
  },
};

function report(io: OpsIo, label: string, record: BackupRecord, removed: number): void {
  const rows = Object.values(record.rowCounts).reduce((sum, n) => sum + n, 0);
  io.out(
    `  OK  ${label} — ${record.backupId} ${formatBytes(record.sizeBytes)} ${record.durationMs}ms ${rows}行 / rows` +
      (removed > 0 ? `, 古い${removed}件を削除 / ${removed} old removed` : ''),
  );
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
