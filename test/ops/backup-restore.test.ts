import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { main } from '../../src/server/ops/cli';
import { verifyAuditChain } from '../../src/server/platform/audit/verify-audit-chain';
import { PLATFORM_SCOPE } from '../../src/server/platform/backup/backup.table';
import { dataKeyFor, destroyTenantBackupKey } from '../../src/server/platform/backup/backup-keys';
import { decodePayload } from '../../src/server/platform/backup/backup-payload';
import { openBackup } from '../../src/server/platform/backup/envelope';
import { loadConfig } from '../../src/server/platform/config';
import { createPool } from '../../src/server/platform/db/pool';
import { listTenantTables } from '../../src/server/platform/db/tenant-catalog';
import { withTenantTransaction } from '../../src/server/platform/db/tenant-transaction';
import {
  api,
  createSignedInTenant,
  createTestApp,
  TEST_PASSWORD,
  type TestApp,
  type TestTenant,
} from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';

/**
 * The restore drill (SECURITY.md: "a restore drill in the test suite that compares contents"):
 * real data written through the API, `npm run ops -- backup:run`, restore into a fresh
 * database, and a catalog-driven, table-by-table comparison.
 */
let app: TestApp;
let drill: TestTenant;
let other: TestTenant;
let owner: pg.Pool;
let backupDir: string;
let env: Record<string, string>;
const masterKey = randomBytes(32);

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, env, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Every tenant table's rows of one tenant as PostgreSQL's JSON text, read as superuser. */
async function snapshot(pool: pg.Pool, tenantId: string): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  for (const table of await listTenantTables(pool)) {
    const { rows } = await pool.query<{ r: string }>(
      `SELECT row_to_json(t)::text AS r FROM ${table.qualifiedName} t WHERE tenant_id = $1 ORDER BY 1`,
      [tenantId],
    );
    result[table.name] = rows.map((row) => row.r);
  }
  return result;
}

async function backupsOf(tenantId: string) {
  const { rows } = await app.db.superuser.query(
    `SELECT backup_id, key_id, size_bytes::int AS size, sha256, row_counts, file_path, duration_ms
       FROM backup.tenant_backups WHERE tenant_id = $1 ORDER BY started_at`,
    [tenantId],
  );
  return rows;
}

async function seed(tenant: TestTenant) {
  const client = api(app, tenant.adminCookie);
  const ok = (response: { statusCode: number; body: string }) => {
    expect(response.statusCode, response.body).toBeLessThan(300);
    return JSON.parse(response.body || '{}');
  };
  const group = ok(
    await client.post('/api/v1/permission-groups', {
      name: '営業',
      permissions: ['customers:view', 'customers:edit'],
    }),
  );
  ok(
    await client.post('/api/v1/users', {
      loginId: 'sato',
      name: '佐藤 花子',
      isActive: true,
      groupId: group.groupId,
    }),
  );
  const customers = [];
  for (const [code, name] of [
    ['C001', '株式会社山田商店'],
    ['C002', '有限会社「鈴木」工業 \\ "quoted"'],
    ['C003', '𠮷野家ホールディングス'],
  ]) {
    customers.push(ok(await client.post('/api/v1/customers', { code, name })));
  }
  ok(await client.post('/api/v1/departments', { code: 'D01', name: '営業部' }));
  ok(
    await client.post('/api/v1/projects', {
      code: 'P01',
      name: '本社改装',
      customerId: customers[0].customerId,
    }),
  );
  ok(await client.post('/api/v1/units', { name: '試験単位', sortOrder: 900 }));
  ok(
    await client.post('/api/v1/tax-rates', {
      code: 'X8',
      printedName: '軽減8%',
      ratePercent: '8',
      category: 'reduced',
      sortOrder: 900,
    }),
  );
  const settings = ok(await client.get('/api/v1/settings/system'));
  ok(
    await client.put('/api/v1/settings/system', {
      adminEmail: 'admin@example.jp',
      idleTimeoutMinutes: 45,
      passwordExpiryDays: 0,
      passwordNoticeDays: 0,
      version: settings.version,
    }),
  );
  ok(
    await client.post('/api/v1/api-tokens', {
      name: '会計連携',
      expiresInDays: 30,
      scope: ['customers:view'],
    }),
  );
}

beforeAll(async () => {
  app = await createTestApp();
  drill = await createSignedInTenant(app, 'drill');
  other = await createSignedInTenant(app, 'other');
  await seed(drill);
  await seed(other);
  owner = createPool(app.db.ownerUrl, 2);
  backupDir = mkdtempSync(join(tmpdir(), 'akinai-backups-'));
  env = {
    DATABASE_URL: app.db.runtimeUrl,
    DATABASE_OWNER_URL: app.db.ownerUrl,
    MASTER_KEY: masterKey.toString('base64'),
    BACKUP_DIR: backupDir,
    DATA_DIR: backupDir,
  };
});
afterAll(async () => {
  await owner?.end();
  await app.close();
  rmSync(backupDir, { recursive: true, force: true });
});

describe('backup:run and the restore drill', () => {
  let fresh: TestDatabase;
  afterAll(() => fresh?.drop());

  it('writes one encrypted file per tenant plus the platform tables and records it', async () => {
    const result = await run('backup:run', '--now', '2026-11-20T18:00:00Z');
    expect(result.code, result.out + result.err).toBe(0);
    expect(result.out).toMatch(
      /OK {2}drill \(テスト株式会社 drill\) — [0-9a-f-]{36} [\d.]+ KiB \d+ms \d+行/,
    );
    expect(result.out).toMatch(/OK {2}other /);
    expect(result.out).toMatch(/OK {2}platform tables/);

    const [record] = await backupsOf(drill.tenantId);
    expect(record.size).toBeGreaterThan(500);
    expect(record.row_counts).toMatchObject({ tenants: 1, customers: 3, users: 2, projects: 1 });
    expect(record.row_counts.audit_log).toBeGreaterThan(8);
    expect(record.file_path).toMatch(
      new RegExp(`^tenants/${drill.tenantId}/20261120T180000Z-${record.backup_id}\\.akb$`),
    );
    const file = readFileSync(join(backupDir, record.file_path));
    expect(file.length).toBe(record.size);
    expect(createHash('sha256').update(file).digest('hex')).toBe(record.sha256);
    // Encrypted at rest: no customer name, login id or tenant code in the clear.
    for (const clear of ['株式会社山田商店', 'sato', '営業部']) {
      expect(file.includes(Buffer.from(clear))).toBe(false);
    }
    expect((await backupsOf(PLATFORM_SCOPE)).length).toBe(1);
  });

  it('restores into a fresh database equal to the original, table by table', async () => {
    fresh = await createTestDatabase();
    const original = await snapshot(app.db.superuser, drill.tenantId);
    const result = await run(
      'backup:restore',
      '--tenant',
      'drill',
      '--target-database-url',
      fresh.ownerUrl,
    );
    expect(result.code, result.out + result.err).toBe(0);
    expect(result.out).toContain('Result: the tenant was restored');

    const restored = await snapshot(fresh.superuser, drill.tenantId);
    const tables = Object.keys(original);
    expect(tables.length).toBeGreaterThan(10);
    for (const table of tables) {
      if (table === 'audit_log' || table === 'audit_chain_heads') continue;
      expect(restored[table], table).toEqual(original[table]);
    }
    // Every original audit row is back unchanged, plus the restore's own entry at the end.
    const audit = restored.audit_log!;
    expect(audit).toEqual(expect.arrayContaining(original.audit_log!));
    const added = audit
      .filter((row) => !original.audit_log!.includes(row))
      .map((row) => JSON.parse(row));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ event: 'tenant.restored', seq: audit.length });
    const chain = await withTenantTransaction(fresh.pool, drill.tenantId, verifyAuditChain);
    expect(chain).toEqual({ rows: audit.length, firstBrokenSeq: null });
    // Coverage: the drill is only meaningful if the tenant has rows in the many tables.
    for (const table of [
      'users',
      'permission_groups',
      'customers',
      'projects',
      'departments',
      'units',
      'tax_rates',
      'tenant_settings',
      'api_tokens',
      'sessions',
      'audit_log',
    ]) {
      expect(original[table]?.length, table).toBeGreaterThan(0);
    }
    // The restored tenant works: its admin signs in to an app on the restored database.
    const restoredApp = await buildApp({
      config: loadConfig({ LOG_LEVEL: 'silent', NODE_ENV: 'test' }),
      pool: fresh.pool,
    });
    try {
      const signIn = await restoredApp.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'x-requested-with': 'akinai' },
        payload: { tenantCode: 'drill', loginId: 'admin', password: TEST_PASSWORD },
      });
      expect(signIn.statusCode).toBe(204);
    } finally {
      await restoredApp.app.close();
    }
    // Only that tenant: nothing of the other tenant came along.
    const leaked = await snapshot(fresh.superuser, other.tenantId);
    expect(Object.values(leaked).flat()).toEqual([]);
  });

  it('refuses to overwrite an existing tenant unless --replace, then replaces in one go', async () => {
    const before = await snapshot(app.db.superuser, drill.tenantId);
    const refused = await run('backup:restore', '--tenant', 'drill');
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('add --replace');

    await app.db.superuser.query(
      `UPDATE app.customers SET name = '書き換えられた' WHERE tenant_id = $1 AND code = 'C001'`,
      [drill.tenantId],
    );
    await api(app, drill.adminCookie).post('/api/v1/customers', { code: 'C999', name: '後から' });
    const replaced = await run('backup:restore', '--tenant', 'drill', '--replace');
    expect(replaced.code, replaced.out + replaced.err).toBe(0);
    expect(replaced.out).toContain("Result: the tenant's rows were replaced");
    const after = await snapshot(app.db.superuser, drill.tenantId);
    expect(after.customers).toEqual(before.customers);
    expect(after.audit_log).toHaveLength(before.audit_log!.length + 1);
    const chain = await withTenantTransaction(app.db.pool, drill.tenantId, verifyAuditChain);
    expect(chain.firstBrokenSeq).toBeNull();
    // The other tenant is untouched.
    const { rows } = await app.db.superuser.query(
      'SELECT count(*)::int AS n FROM app.customers WHERE tenant_id = $1',
      [other.tenantId],
    );
    expect(rows[0].n).toBe(3);
  });

  it('refuses a tampered file with a clear message and changes nothing', async () => {
    const [record] = await backupsOf(drill.tenantId);
    const path = join(backupDir, record.file_path);
    const good = readFileSync(path);
    const bad = Buffer.from(good);
    bad[bad.length - 40] = bad[bad.length - 40]! ^ 0xff;
    writeFileSync(path, bad);
    try {
      const tampered = await run('backup:restore', '--tenant', 'drill', '--replace');
      expect(tampered.code).toBe(1);
      expect(tampered.err).toContain('Backup file hash mismatch (altered or damaged)');
      // Whoever can alter files and records alike still fails at the GCM tag.
      await owner.query('UPDATE backup.tenant_backups SET sha256 = $2 WHERE backup_id = $1', [
        record.backup_id,
        createHash('sha256').update(bad).digest('hex'),
      ]);
      const forged = await run('backup:restore', '--tenant', 'drill', '--replace');
      expect(forged.code).toBe(1);
      expect(forged.err).toContain('Backup authentication failed');
    } finally {
      writeFileSync(path, good);
      await owner.query('UPDATE backup.tenant_backups SET sha256 = $2 WHERE backup_id = $1', [
        record.backup_id,
        record.sha256,
      ]);
    }
  });
});

describe('retention', () => {
  it('keeps the newest 8 backups per tenant, files and records', async () => {
    const first = (await backupsOf(drill.tenantId))[0];
    for (let day = 21; day <= 29; day++) {
      const result = await run(
        'backup:run',
        '--tenant',
        'drill',
        '--now',
        `2026-11-${day}T18:00:00Z`,
      );
      expect(result.code, result.out + result.err).toBe(0);
    }
    const kept = await backupsOf(drill.tenantId);
    expect(kept).toHaveLength(8);
    expect(kept.map((b) => b.backup_id)).not.toContain(first.backup_id);
    expect(kept[0].file_path).toContain('20261122T180000Z');
    const files = readdirSync(join(backupDir, 'tenants', drill.tenantId)).sort();
    expect(files).toEqual(kept.map((b) => b.file_path.split('/').at(-1)).sort());
    // The other tenant's backups are not touched by this tenant's retention.
    expect(await backupsOf(other.tenantId)).toHaveLength(1);
  });
});

describe('backup:list and option checks', () => {
  it('lists the backups newest first and refuses bad input with exit code 2', async () => {
    const listed = await run('backup:list', '--tenant', 'drill');
    expect(listed.code).toBe(0);
    const lines = listed.out.split('\n');
    expect(lines).toHaveLength(8);
    expect(lines[0]).toMatch(
      /^drill {2}[0-9a-f-]{36} {2}2026-11-29T18:00:00\.000Z {2}[\d.]+ KiB {2}\d+ms {2}\d+ rows {2}sha256:[0-9a-f]{16}…$/,
    );
    const badNow = await run('backup:run', '--now', 'yesterday');
    expect(badNow.code).toBe(2);
    expect(badNow.err).toContain('--now must be an ISO 8601 time');
    expect((await run('backup:run', '--tenant', 'nope')).err).toContain(
      'No tenant with code "nope"',
    );
    expect((await run('backup:restore')).err).toContain('Give --tenant <code> or --backup <id>');
    const wrongPair = await run(
      'backup:restore',
      '--tenant',
      'other',
      '--backup',
      (await backupsOf(drill.tenantId))[0].backup_id,
    );
    expect(wrongPair.code).toBe(2);
    expect(wrongPair.err).toContain('is not of tenant "other"');
  });
});

describe('platform tables and key isolation', () => {
  it('backs up tables without tenant_id under the platform key', async () => {
    await owner.query(
      `CREATE TABLE app.ops_probe (probe_id int PRIMARY KEY, label text NOT NULL);
       INSERT INTO app.ops_probe VALUES (1, '運用者A'), (2, 'operator "B"')`,
    );
    try {
      expect((await run('backup:run', '--now', '2026-11-30T18:00:00Z')).code).toBe(0);
      const [, record] = await backupsOf(PLATFORM_SCOPE);
      const file = readFileSync(join(backupDir, record.file_path));
      const key = await dataKeyFor(owner, masterKey, PLATFORM_SCOPE, record.key_id);
      const { manifest, tables } = decodePayload(
        openBackup(key, file, { scopeId: PLATFORM_SCOPE, backupId: record.backup_id }).plaintext,
      );
      expect(manifest.kind).toBe('platform');
      expect(tables.find((t) => t.name === 'ops_probe')?.rows).toEqual([
        '{"probe_id":1,"label":"運用者A"}',
        '{"probe_id":2,"label":"operator \\"B\\""}',
      ]);
    } finally {
      await owner.query('DROP TABLE app.ops_probe');
    }
  });

  it('keeps wrapped keys and backup records away from the runtime role', async () => {
    await expect(app.db.pool.query('SELECT * FROM backup.tenant_backup_keys')).rejects.toThrow(
      /permission denied/,
    );
    await expect(app.db.pool.query('SELECT * FROM backup.tenant_backups')).rejects.toThrow(
      /permission denied/,
    );
  });
});

describe('destroying a tenant backup key (purge)', () => {
  it('makes every backup of that tenant unreadable, and only that tenant', async () => {
    const destroyed = await destroyTenantBackupKey(owner, drill.tenantId);
    expect(destroyed).toHaveLength(1);
    const { rows } = await owner.query(
      'SELECT wrapped_key, destroyed_at FROM backup.tenant_backup_keys WHERE key_id = $1',
      [destroyed[0]],
    );
    expect(rows[0].wrapped_key).toBeNull();
    expect(rows[0].destroyed_at).toBeInstanceOf(Date);

    const result = await run('backup:restore', '--tenant', 'drill', '--replace');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/was destroyed at .* \(tenant purge\): the backup is unreadable/);
    const oldest = (await backupsOf(drill.tenantId))[0];
    const byId = await run('backup:restore', '--backup', oldest.backup_id, '--replace');
    expect(byId.err).toContain('the backup is unreadable');
    // Another tenant's backups still restore.
    const fine = await run('backup:restore', '--tenant', 'other', '--replace');
    expect(fine.code, fine.out + fine.err).toBe(0);
    // Destroying again finds nothing live.
    expect(await destroyTenantBackupKey(owner, drill.tenantId)).toEqual([]);

    // The next run deletes the unreadable files and starts the tenant (had it not been
    // purged) on a fresh key.
    const files = (await backupsOf(drill.tenantId)).map((b) => b.file_path);
    expect(files).toHaveLength(8);
    const next = await run('backup:run', '--now', '2026-12-01T03:00:00Z');
    expect(next.code, next.out).toBe(0);
    expect(next.out).toContain('removed 8 backup(s) whose key was destroyed');
    const remaining = await backupsOf(drill.tenantId);
    expect(remaining).toHaveLength(1);
    expect(remaining[0].key_id).not.toBe(destroyed[0]);
    expect(readdirSync(join(backupDir, 'tenants', drill.tenantId))).toEqual([
      remaining[0].file_path.split('/').at(-1),
    ]);
    expect((await run('backup:restore', '--tenant', 'drill', '--replace')).code).toBe(0);
  });
});

describe('a tenant table added later', () => {
  it('is backed up and restored without a code change, self-references and generated columns included', async () => {
    await owner.query(`
      CREATE TABLE app.probe_tree (
        tenant_id uuid NOT NULL REFERENCES app.tenants (tenant_id),
        node_id int NOT NULL, parent_id int, label text NOT NULL,
        label_length int GENERATED ALWAYS AS (length(label)) STORED,
        PRIMARY KEY (tenant_id, node_id),
        FOREIGN KEY (tenant_id, parent_id) REFERENCES app.probe_tree (tenant_id, node_id));
      ALTER TABLE app.probe_tree ENABLE ROW LEVEL SECURITY;
      ALTER TABLE app.probe_tree FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON app.probe_tree
        USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
        WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);`);
    try {
      // The child sorts before its parent: a row-by-row restore would break the foreign key.
      await app.db.superuser.query(
        `INSERT INTO app.probe_tree (tenant_id, node_id, parent_id, label)
         VALUES ($1, 2, NULL, '親'), ($1, 1, 2, '子ノード')`,
        [other.tenantId],
      );
      const backup = await run('backup:run', '--tenant', 'other', '--now', '2026-12-01T18:00:00Z');
      expect(backup.code, backup.out).toBe(0);
      await app.db.superuser.query('DELETE FROM app.probe_tree WHERE node_id = 1');
      const restored = await run('backup:restore', '--tenant', 'other', '--replace');
      expect(restored.code, restored.out + restored.err).toBe(0);
      expect(restored.out).toContain('probe_tree: 2行 / rows');
      const { rows } = await app.db.superuser.query(
        'SELECT node_id, parent_id, label, label_length FROM app.probe_tree ORDER BY node_id',
      );
      expect(rows).toEqual([
        { node_id: 1, parent_id: 2, label: '子ノード', label_length: 4 },
        { node_id: 2, parent_id: null, label: '親', label_length: 1 },
      ]);
    } finally {
      await owner.query('DROP TABLE app.probe_tree');
    }
  });
});
