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
 * The 分類 migration backfills the starting axes (地域 / 業種 / ランク per partner type) that
 * createTenant gives new organisations, for every organisation that already exists.
 */
const server = inject('databaseServer');
const name = `migr_cls_${Date.now().toString(36)}`;
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
  partial = mkdtempSync(join(tmpdir(), 'akinai-migr-'));
  cpSync(migrationsFolder, partial, { recursive: true });
  const journalPath = join(partial, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
  // Found by tag, not number: the integrator may renumber migrations of parallel branches.
  const cut = journal.entries.findIndex((e: { tag: string }) => e.tag.endsWith('_classifications'));
  expect(cut).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, cut);
  writeFileSync(journalPath, JSON.stringify(journal));
  await withClient(ownerUrl, (c) => migrate(drizzle(c), { migrationsFolder: partial }));
  await withClient(superuserUrl, (c) =>
    c.query(`INSERT INTO app.tenants (tenant_id, code, name) VALUES
      ('01936b2a-0000-7000-8000-000000000011', 'oldc1', '旧組織1'),
      ('01936b2a-0000-7000-8000-000000000012', 'oldc2', '旧組織2')`),
  );
  await migrateDatabase(ownerUrl);
});

afterAll(async () => {
  rmSync(partial, { recursive: true, force: true });
  await withClient(server.superuserUrl, (c) => c.query(`DROP DATABASE ${name} WITH (FORCE)`));
});

describe('the 分類 migration on a database with tenants', () => {
  it('gives every existing tenant 地域 / 業種 / ランク for customers and suppliers', async () => {
    const { rows } = await withClient(superuserUrl, (c) =>
      c.query(
        `SELECT t.code, a.partner_type, string_agg(a.name, ',' ORDER BY a.sort_order) AS names
           FROM app.tenants t JOIN app.classification_axes a USING (tenant_id)
          GROUP BY 1, 2 ORDER BY 1, 2`,
      ),
    );
    expect(rows).toEqual([
      { code: 'oldc1', partner_type: 'customer', names: '地域,業種,ランク' },
      { code: 'oldc1', partner_type: 'supplier', names: '地域,業種,ランク' },
      { code: 'oldc2', partner_type: 'customer', names: '地域,業種,ランク' },
      { code: 'oldc2', partner_type: 'supplier', names: '地域,業種,ランク' },
    ]);
  });

  it('leaves row-level security forced on the tenants table it relaxed', async () => {
    const { rows } = await withClient(superuserUrl, (c) =>
      c.query(
        `SELECT relname, relforcerowsecurity FROM pg_class
          WHERE relnamespace = 'app'::regnamespace
            AND relname IN ('tenants', 'classification_axes', 'customer_classifications')`,
      ),
    );
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.relforcerowsecurity)).toBe(true);
  });
});
