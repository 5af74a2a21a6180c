import type { FastifyBaseLogger } from 'fastify';
import type { PurgePolicy } from '../../../domain/lifecycle/purge-policy';
import { createPool } from '../../platform/db/pool';
import { DEFAULT_LIFECYCLE_INTERVAL_MS, runLifecycle } from './run-lifecycle';

export interface LifecycleScheduler {
  stop(): Promise<void>;
}

/**
 * Runs the lifecycle job in the app process: once at start, then every hour. The purge must
 * delete audit rows, which only the owner role may, so this holds a one-connection owner pool;
 * the app already has the owner's URL for migrations, so no new credential is involved
 * (ADR 0017). Several app processes may run it at once and need no lease: a trial ends by a
 * conditional UPDATE, a reminder by an insert that conflicts, a purge under the tenant row's
 * lock that re-reads the contract (test/multi-instance/two-instances.test.ts).
 */
export function startLifecycleScheduler(options: {
  ownerUrl: string;
  policy: PurgePolicy;
  appOrigin: string | undefined;
  log: Pick<FastifyBaseLogger, 'info' | 'warn' | 'debug'>;
  intervalMs?: number;
}): LifecycleScheduler {
  const intervalMs = options.intervalMs ?? DEFAULT_LIFECYCLE_INTERVAL_MS;
  const pool = createPool(options.ownerUrl, 1);
  let running: Promise<void> | undefined;
  const pass = () => {
    running ??= (async () => {
      try {
        const report = await runLifecycle({
          ownerPool: pool,
          now: new Date(),
          policy: options.policy,
          horizonMs: intervalMs,
          appOrigin: options.appOrigin,
        });
        if (report.failed.length > 0) {
          options.log.warn({ failed: report.failed }, 'data lifecycle: some tenants failed');
        }
        if (report.trialsEnded.length + report.reminders.length + report.purged.length > 0) {
          options.log.info(
            {
              trialsEnded: report.trialsEnded,
              reminders: report.reminders.map((r) => ({
                tenantId: r.tenantId,
                reminder: r.reminder,
              })),
              purged: report.purged.map((r) => r.deletedTenantId),
            },
            'data lifecycle pass',
          );
        }
        // Quiet by default (hourly); at debug level it shows that every pass ran to its end.
        options.log.debug('data lifecycle pass finished');
      } catch (error) {
        // The database may be down; the next pass tries again.
        options.log.warn({ err: error }, 'data lifecycle pass failed');
      } finally {
        running = undefined;
      }
    })();
  };
  const timer = setInterval(pass, intervalMs);
  timer.unref();
  pass();
  return {
    async stop() {
      clearInterval(timer);
      await running;
      await pool.end();
    },
  };
}
