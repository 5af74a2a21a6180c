import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/platform/config';
import { bootstrapDatabase, connectionUrl } from '../../src/server/platform/db/bootstrap';
import {
  type EmbeddedDatabase,
  startEmbeddedPostgres,
} from '../../src/server/platform/db/embedded';
import { expectedMigrationCount, migrateDatabase } from '../../src/server/platform/db/migrate';
import { startAkinai } from '../../src/server/server';
import { freePort } from '../support/free-port';

/**
 * DATABASE_URL / DATABASE_OWNER_URL: a second PostgreSQL server, with roles named as a DBA
 * might name them, stands in for a managed database. The app must use it and start no
 * embedded server of its own.
 */
let server: EmbeddedDatabase;
let port: number;
const dirs: string[] = [];
const layout = {
  database: 'shop',
  ownerRole: 'shop_owner',
  ownerPassword: 'owner-secret-1',
  runtimeRole: 'shop_web',
  runtimePassword: 'runtime-secret-1',
};
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'akinai-ext-'));
  dirs.push(dir);
  return dir;
};
const url = (role: string, password: string, database = layout.database) =>
  connectionUrl(port, role, password, database);

beforeAll(async () => {
  port = await freePort();
  server = await startEmbeddedPostgres({ dataDir: tempDir(), port, database: 'unused' });
  await bootstrapDatabase(server.superuserUrl, layout);
});
afterAll(async () => {
  await server.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('external PostgreSQL', () => {
  it('migrates, serves and signs in against the given URLs without starting an embedded database', async () => {
    const dataDir = tempDir();
    const akinai = await startAkinai(
      loadConfig({
        DATABASE_URL: url(layout.runtimeRole, layout.runtimePassword),
        DATABASE_OWNER_URL: url(layout.ownerRole, layout.ownerPassword),
        DATA_DIR: dataDir,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        DEMO_ADMIN_PASSWORD: 'external-demo-password',
      }),
    );
    try {
      expect(existsSync(join(dataDir, 'pgdata'))).toBe(false);
      const login = await fetch(`${akinai.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-requested-with': 'akinai' },
        body: JSON.stringify({
          tenantCode: 'demo',
          loginId: 'admin',
          password: 'external-demo-password',
        }),
      });
      expect(login.status).toBe(204);
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const me = await fetch(`${akinai.url}/api/v1/auth/me`, { headers: { cookie } });
      expect((await me.json()).tenant.code).toBe('demo');
    } finally {
      await akinai.stop();
    }
    const check = new pg.Client({
      connectionString: server.superuserUrl.replace(/\/postgres$/, '/shop'),
    });
    await check.connect();
    const { rows } = await check.query('SELECT code FROM app.tenants');
    await check.end();
    expect(rows).toEqual([{ code: 'demo' }]);
  });

  it('refuses to start when the runtime URL names a role that could bypass row-level security', async () => {
    for (const runtimeUrl of [
      url(layout.ownerRole, layout.ownerPassword),
      server.superuserUrl.replace(/\/postgres$/, '/shop'),
    ]) {
      await expect(
        startAkinai(
          loadConfig({
            DATABASE_URL: runtimeUrl,
            DATABASE_OWNER_URL: url(layout.ownerRole, layout.ownerPassword),
            DATA_DIR: tempDir(),
            PORT: '0',
            LOG_LEVEL: 'silent',
          }),
        ),
      ).rejects.toThrow(/Refusing to start/);
    }
  });

  it('applies migrations exactly once when several instances start at the same time', async () => {
    await bootstrapDatabase(server.superuserUrl, { ...layout, database: 'race' });
    const ownerUrl = url(layout.ownerRole, layout.ownerPassword, 'race');
    await Promise.all([
      migrateDatabase(ownerUrl),
      migrateDatabase(ownerUrl),
      migrateDatabase(ownerUrl),
    ]);
    const client = new pg.Client({ connectionString: ownerUrl });
    await client.connect();
    const { rows } = await client.query(
      'SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations',
    );
    await client.end();
    expect(rows[0].n).toBe(expectedMigrationCount());
  });
});
