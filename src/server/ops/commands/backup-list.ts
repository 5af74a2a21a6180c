import { parseArgs } from 'node:util';
import { PLATFORM_SCOPE } from '../../platform/backup/backup.table';
import { listBackups } from '../../platform/backup/backup-records';
import type { OpsCommand } from '../ops-command';
import { assertOpsListingAvailable, listTenants, OpsError } from '../ops-tenants';
import { formatBytes } from './backup-run';

/** What is on disk, newest first per tenant: the ids backup:restore --backup takes. */
export const backupList: OpsCommand = {
  name: 'backup:list',
  usage: 'backup:list [--tenant <組織コード>]',
  summary: 'バックアップの一覧 / list backups (size, hash, duration)',
  async run(args, { pool, io }) {
    const { values } = parseArgs({
      args,
      options: { tenant: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    });
    await assertOpsListingAvailable(pool);
    const tenants = await listTenants(pool);
    const codeOf = new Map(tenants.map((t) => [t.tenantId, t.code]));
    codeOf.set(PLATFORM_SCOPE, '(platform)');
    let tenantId: string | undefined;
    if (values.tenant !== undefined) {
      tenantId = tenants.find((t) => t.code === values.tenant)?.tenantId;
      if (!tenantId) {
        throw new OpsError(
          `組織コード「${values.tenant}」の組織はありません。 / No tenant with code "${values.tenant}".`,
        );
      }
    }
    for (const backup of await listBackups(pool, tenantId)) {
      const rows = Object.values(backup.rowCounts).reduce((sum, n) => sum + n, 0);
      io.out(
        [
          codeOf.get(backup.tenantId) ?? `(purged ${backup.tenantId})`,
          backup.backupId,
          backup.startedAt.toISOString(),
          formatBytes(backup.sizeBytes),
          `${backup.durationMs}ms`,
          `${rows} rows`,
          `sha256:${backup.sha256.slice(0, 16)}…`,
        ].join('  '),
      );
    }
    return 0;
  },
};
