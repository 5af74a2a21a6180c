import { parseArgs } from 'node:util';
import { DEFAULT_LIFECYCLE_INTERVAL_MS, runLifecycle } from '../../modules/lifecycle/run-lifecycle';
import { loadConfig } from '../../platform/config';
import type { OpsCommand } from '../ops-command';
import { assertOpsListingAvailable, OpsError } from '../ops-tenants';

/**
 * One pass of the data lifecycle job (the app runs it hourly unless LIFECYCLE_JOB=false; then
 * cron must run this at least hourly). --now replays a pass at another moment, for drills.
 */
export const lifecycleRun: OpsCommand = {
  name: 'lifecycle:run',
  usage: 'lifecycle:run [--now <ISO日時>]',
  summary: '試用終了・削除予告メール・期限のきた組織のデータ削除 / run the data lifecycle job',
  async run(args, { pool, io, env }) {
    const { values } = parseArgs({
      args,
      options: { now: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    });
    const now = values.now === undefined ? new Date() : new Date(values.now);
    if (Number.isNaN(now.getTime())) {
      throw new OpsError(
        `--now は ISO-8601 の日時で指定してください / --now must be an ISO-8601 time: ${values.now}`,
      );
    }
    await assertOpsListingAvailable(pool);
    const config = loadConfig({ LOG_LEVEL: 'silent', ...env });
    const report = await runLifecycle({
      ownerPool: pool,
      now,
      policy: config.purgePolicy,
      horizonMs: DEFAULT_LIFECYCLE_INTERVAL_MS,
      appOrigin: config.APP_ORIGIN,
    });
    io.out(`データライフサイクル / Data lifecycle at ${now.toISOString()}`);
    for (const tenantId of report.trialsEnded) io.out(`  試用終了 / trial ended: ${tenantId}`);
    for (const r of report.reminders) {
      io.out(
        `  削除予告 / reminder ${r.reminder}: ${r.tenantId} (${r.recipients}件の宛先 / recipients)`,
      );
    }
    for (const d of report.purged) {
      io.out(
        `  削除 / purged: ${d.deletedTenantId} (${d.totalRows}行 / rows, 記録 / record ${d.deletionId})`,
      );
    }
    for (const f of report.failed) {
      io.out(`  失敗 / FAILED: ${f.tenantId} — ${f.error} (ロールバック済み / rolled back)`);
    }
    io.out(
      `結果 / Result: ${report.trialsEnded.length} trial(s) ended, ${report.reminders.length} reminder(s), ${report.purged.length} tenant(s) purged, ${report.failed.length} failed`,
    );
    // Non-zero so cron or monitoring notices: a failed purge would otherwise become a late one.
    return report.failed.length > 0 ? 1 : 0;
  },
};
