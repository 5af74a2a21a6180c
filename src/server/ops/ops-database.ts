import pg from 'pg';
import type { Config } from '../platform/config';
import { embeddedOwnerUrl, startEmbeddedPostgres } from '../platform/db/embedded';
import { createPool } from '../platform/db/pool';

export interface OpsDatabase {
  /** Owner role: operations read across tenants, still one tenant per transaction under RLS. */
  pool: pg.Pool;
  close(): Promise<void>;
}

/**
 * The database `npm start` would use, as its owner: DATABASE_OWNER_URL when set, otherwise
 * the embedded server under DATA_DIR: reached on its port when the app is running, started
 * (and stopped again) when it is not.
 */
export async function openOpsDatabase(config: Config): Promise<OpsDatabase> {
  if (config.DATABASE_OWNER_URL) return poolOnly(config.DATABASE_OWNER_URL);
  const runningUrl = embeddedOwnerUrl(config.dataDir, config.EMBEDDED_PG_PORT);
  if (runningUrl && (await reachable(runningUrl))) return poolOnly(runningUrl);
  const embedded = await startEmbeddedPostgres({
    dataDir: config.dataDir,
    port: config.EMBEDDED_PG_PORT,
  });
  const pool = createPool(embedded.ownerUrl, 2);
  return {
    pool,
    async close() {
      await pool.end();
      await embedded.stop();
    },
  };
}

function poolOnly(url: string): OpsDatabase {
  const pool = createPool(url, 2);
  return { pool, close: () => pool.end() };
}

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}
