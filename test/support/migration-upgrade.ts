import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { inject } from 'vitest';
import { connectionUrl } from '../../src/server/platform/db/bootstrap';
import { migrateDatabase, migrationsFolder } from '../../src/server/platform/db/migrate';

export async function withClient<T>(
  url: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A database upgraded the way production is: migrated up to (not including) the migration
 * whose tag ends with `tagSuffix`, given the rows `seed` writes as the superuser, then migrated
 * to the latest. Proves hand-written backfills on data that existed before them.
 */
export async function upgradedDatabase(
  tagSuffix: string,
  seed: (superuser: pg.Client) => Promise<unknown>,
): Promise<{ superuserUrl: string; drop(): Promise<void> }> {
  const server = inject('databaseServer');
  const name = `migr_${tagSuffix.replace(/\W/g, '')}_${Date.now().toString(36)}`;
  const ownerUrl = connectionUrl(server.port, server.ownerRole, server.ownerPassword, name);
  const superuserUrl = server.superuserUrl.replace(/\/postgres$/, `/${name}`);
  await withClient(server.superuserUrl, (c) =>
    c.query(`CREATE DATABASE ${name} OWNER ${server.ownerRole}`),
  );
  // The migrations as they were before this one: same files, journal cut before it.
  const partial = mkdtempSync(join(tmpdir(), 'akinai-migr-'));
  try {
    cpSync(migrationsFolder, partial, { recursive: true });
    const journalPath = join(partial, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
    // Found by tag, not number: the integrator may renumber migrations of parallel branches.
    const cut = journal.entries.findIndex((e: { tag: string }) => e.tag.endsWith(tagSuffix));
    if (cut <= 0) throw new Error(`no migration tagged *${tagSuffix} after the first`);
    journal.entries = journal.entries.slice(0, cut);
    writeFileSync(journalPath, JSON.stringify(journal));
    await withClient(ownerUrl, (c) => migrate(drizzle(c), { migrationsFolder: partial }));
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
  await withClient(superuserUrl, seed);
  await migrateDatabase(ownerUrl);
  return {
    superuserUrl,
    drop: async () => {
      await withClient(server.superuserUrl, (c) => c.query(`DROP DATABASE ${name} WITH (FORCE)`));
    },
  };
}
