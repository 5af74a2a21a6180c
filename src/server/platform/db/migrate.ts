import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';

export const migrationsFolder = fileURLToPath(new URL('../../../../drizzle', import.meta.url));

/** Any constant works; it only has to be the same in every instance of the app. */
const MIGRATION_LOCK_KEY = 7_460_215_001;

/**
 * Applies pending migrations as the owner role. The session advisory lock makes N instances
 * starting at once apply them exactly once: the others wait, then find nothing to do.
 */
export async function migrateDatabase(ownerUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query('SET client_min_messages = warning');
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await migrate(drizzle(client), { migrationsFolder });
      await applyRepeatableScripts(client);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}

const repeatableFolder = `${migrationsFolder}/repeatable`;

/**
 * Idempotent scripts run after every migration, in file-name order: rules that must hold for
 * every table (FORCE RLS) live once here instead of being repeated in each migration.
 */
async function applyRepeatableScripts(client: pg.Client): Promise<void> {
  const scripts = readdirSync(repeatableFolder)
    .filter((name) => name.endsWith('.sql'))
    .sort();
  for (const name of scripts) {
    await client.query(readFileSync(`${repeatableFolder}/${name}`, 'utf8'));
  }
}

export function expectedMigrationCount(): number {
  const journal = JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as {
    entries: unknown[];
  };
  return journal.entries.length;
}
