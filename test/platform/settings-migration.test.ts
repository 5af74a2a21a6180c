import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectionUrl } from '../../src/server/platform/db/bootstrap';
import { migrateDatabase, migrationsFolder } from '../../src/server/platform/db/migrate';

/**
 * The system-settings migration moves the idle timeout from app.tenants to app.tenant_settings with a
 * hand-added backfill. Existing tenants must keep signing in: each gets its settings row.
 */
const server = inject('databaseServer');
const name = `migr_${Date.now().toString(36)}`;
const ownerUrl = connectionUrl(server.port, server.ownerRole, server.ownerPassword, name);
const superuserUrl = server.superuserUrl.replace(/\/postgres$/, `/${name}`);
let partial: string;

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  await withClient(server.superuserUrl, (c) =>
    c.query(`CREATE DATABASE ${name} OWNER ${server.ownerRole}`),
  );
  // The migrations as they were before this one: same files, journal cut before it.
  partial = mkdtempSync(join(tmpdir(), 'akinai-migr-'));
  cpSync(migrationsFolder, partial, { recursive: true });
  const journalPath = join(partial, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
  // Found by tag, not number: the integrator may renumber migrations of parallel branches.
  const cut = journal.entries.findIndex((e: { tag: string }) =>
    e.tag.endsWith('_system_settings_api_tokens'),
  );
  expect(cut).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, cut);
  writeFileSync(journalPath, JSON.stringify(journal));
  await withClient(ownerUrl, (c) => migrate(drizzle(c), { migrationsFolder: partial }));
  await withClient(superuserUrl, (c) =>
    c.query(`INSERT INTO app.tenants (tenant_id, code, name, idle_timeout_minutes) VALUES
      ('01936b2a-0000-7000-8000-000000000001', 'old1', '旧組織1', 45),
      ('01936b2a-0000-7000-8000-000000000002', 'old2', '旧組織2', 90)`),
  );
  await migrateDatabase(ownerUrl);
});

afterAll(async () => {
  rmSync(partial, { recursive: true, force: true });
  await withClient(server.superuserUrl, (c) => c.query(`DROP DATABASE ${name} WITH (FORCE)`));
});

describe('the system-settings migration on a database with tenants', () => {
  it('gives every existing tenant a settings row with its idle timeout, capped at 60', async () => {
    const { rows } = await withClient(superuserUrl, (c) =>
      c.query(
        `SELECT t.code, s.idle_timeout_minutes, s.password_expiry_days, s.version
           FROM app.tenants t JOIN app.tenant_settings s USING (tenant_id) ORDER BY t.code`,
      ),
    );
    expect(rows).toEqual([
      { code: 'old1', idle_timeout_minutes: 45, password_expiry_days: 0, version: 1 },
      { code: 'old2', idle_timeout_minutes: 60, password_expiry_days: 0, version: 1 },
    ]);
  });

  it('leaves row-level security forced on the tables it touched', async () => {
    const { rows } = await withClient(superuserUrl, (c) =>
      c.query(
        `SELECT relname, relforcerowsecurity FROM pg_class
          WHERE relnamespace = 'app'::regnamespace
            AND relname IN ('tenants', 'tenant_settings', 'api_tokens') ORDER BY relname`,
      ),
    );
    expect(rows.every((r) => r.relforcerowsecurity)).toBe(true);
    expect(rows).toHaveLength(3);
  });
});
