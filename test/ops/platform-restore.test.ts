import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { main } from '../../src/server/ops/cli';
import { currentTotp } from '../../src/server/platform/auth/totp';
import { PLATFORM_SCOPE } from '../../src/server/platform/backup/backup.table';
import { listPlatformTables } from '../../src/server/platform/backup/platform-tables';
import { loadConfig } from '../../src/server/platform/config';
import {
  api,
  createSignedInOperator,
  createSignedInTenant,
  createTestApp,
  OPERATOR_PASSWORD,
  operatorCookieFrom,
  type TestApp,
} from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';

/**
 * The platform restore drill (ADR 0026): operators, their log, break-glass grants, お知らせ and
 * 障害 written through the API, `backup:run`, `backup:restore-platform` into a fresh database
 * and a catalog-driven, table-by-table comparison; then the disaster-recovery order (platform
 * first, then each tenant) ends with an operator signing in to the rebuilt database.
 */
let app: TestApp;
let operator: Awaited<ReturnType<typeof createSignedInOperator>>;
let tenantId: string;
let backupDir: string;
let env: Record<string, string>;
let fresh: TestDatabase;
/** Kept with MASTER_KEY in disaster recovery: TOTP secrets in the operators table need it. */
const mfaKey = randomBytes(32).toString('base64');

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, env, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Every platform table's rows as PostgreSQL's JSON text, read as superuser (no RLS). */
async function snapshot(pool: pg.Pool): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  for (const table of await listPlatformTables(pool)) {
    const { rows } = await pool.query<{ r: string }>(
      `SELECT row_to_json(t)::text AS r FROM ${table.qualifiedName} t ORDER BY 1`,
    );
    result[table.name] = rows.map((row) => row.r);
  }
  return result;
}

/** The restore appends its own entry to the restored operator log; compare what came before. */
function withoutRestoreEntry(tables: Record<string, string[]>): Record<string, string[]> {
  return {
    ...tables,
    operator_audit_log: (tables.operator_audit_log ?? []).filter(
      (row) => !row.includes('"event":"platform.restored"'),
    ),
  };
}

async function platformBackupId(): Promise<string> {
  const { rows } = await app.db.superuser.query<{ backup_id: string }>(
    `SELECT backup_id FROM backup.tenant_backups WHERE tenant_id = $1
      ORDER BY started_at DESC LIMIT 1`,
    [PLATFORM_SCOPE],
  );
  return rows[0]?.backup_id ?? '';
}

beforeAll(async () => {
  app = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000', MFA_ENCRYPTION_KEY: mfaKey });
  operator = await createSignedInOperator(app, 'ops-dr');
  const ops = api(app, operator.cookie);
  const created = await ops.post('/api/ops/v1/tenants', {
    code: 'dr-tenant',
    name: '復旧テスト株式会社',
    plan: 'standard',
    seatLimit: 5,
    contactEmail: 'contact@dr.example',
    status: 'active',
    admin: { loginId: 'admin', name: '管理者' },
  });
  expect(created.statusCode, created.body).toBe(201);
  tenantId = created.json().tenantId;
  const grant = await ops.post(`/api/ops/v1/tenants/${tenantId}/break-glass`, {
    reason: '問い合わせ #7 の調査のため',
    minutes: 30,
  });
  expect(grant.statusCode, grant.body).toBeLessThan(300);
  const news = await ops.post('/api/ops/v1/announcements', {
    title: 'リリースノート 1.2',
    body: '# 新機能\n- 「見積」の複写',
  });
  expect(news.statusCode, news.body).toBeLessThan(300);
  const incident = await ops.post('/api/ops/v1/incidents', {
    title: '帳票の出力遅延',
    severity: 'minor',
    detectedAt: new Date().toISOString(),
  });
  expect(incident.statusCode, incident.body).toBeLessThan(300);
  await createSignedInTenant(app, 'dr-other');
  backupDir = mkdtempSync(join(tmpdir(), 'akinai-platform-backups-'));
  env = {
    DATABASE_URL: app.db.runtimeUrl,
    DATABASE_OWNER_URL: app.db.ownerUrl,
    MASTER_KEY: randomBytes(32).toString('base64'),
    BACKUP_DIR: backupDir,
    DATA_DIR: backupDir,
  };
  const backup = await run('backup:run', '--now', '2026-11-20T18:00:00Z');
  expect(backup.code, backup.out + backup.err).toBe(0);
});
afterAll(async () => {
  await fresh?.drop();
  await app.close();
  rmSync(backupDir, { recursive: true, force: true });
});

describe('backup:restore-platform', () => {
  it('backs up the operator plane with its rows, not only the tables RLS leaves visible', async () => {
    const { rows } = await app.db.superuser.query<{ row_counts: Record<string, number> }>(
      'SELECT row_counts FROM backup.tenant_backups WHERE tenant_id = $1',
      [PLATFORM_SCOPE],
    );
    const original = await snapshot(app.db.superuser);
    expect(original.operators).toHaveLength(1);
    expect(rows[0]?.row_counts).toMatchObject({
      operators: 1,
      operator_audit_log: original.operator_audit_log?.length,
      break_glass_grants: 1,
      announcements: 1,
      incidents: 1,
    });
  });

  it('restores into a fresh database equal to the original, table by table', async () => {
    fresh = await createTestDatabase();
    const original = await snapshot(app.db.superuser);
    const id = await platformBackupId();
    const result = await run(
      'backup:restore-platform',
      id,
      '--target-database-url',
      fresh.ownerUrl,
    );
    expect(result.code, result.out + result.err).toBe(0);
    expect(result.out).toContain('operators: 1行 / rows');
    const restored = await snapshot(fresh.superuser);
    expect(Object.keys(restored).sort()).toEqual(Object.keys(original).sort());
    for (const name of Object.keys(original)) {
      expect(withoutRestoreEntry(restored)[name], name).toEqual(original[name]);
    }
    const entry = restored.operator_audit_log?.find((row) => row.includes('platform.restored'));
    expect(entry).toContain(id);
  });

  it('then restores each tenant, after which the operator signs in to the rebuilt system', async () => {
    const tenant = await run(
      'backup:restore',
      '--tenant',
      'dr-tenant',
      '--target-database-url',
      fresh.ownerUrl,
    );
    expect(tenant.code, tenant.out + tenant.err).toBe(0);
    const { app: rebuilt } = await buildApp({
      config: loadConfig({ LOG_LEVEL: 'silent', NODE_ENV: 'test', MFA_ENCRYPTION_KEY: mfaKey }),
      pool: fresh.pool,
    });
    try {
      const headers = { 'x-requested-with': 'akinai' };
      const signIn = await rebuilt.inject({
        method: 'POST',
        url: '/api/ops/v1/auth/login',
        headers,
        payload: { loginId: 'ops-dr', password: OPERATOR_PASSWORD },
      });
      expect(signIn.json()).toEqual({ sessionStage: 'mfa' });
      const verified = await rebuilt.inject({
        method: 'POST',
        url: '/api/ops/v1/auth/mfa/verify',
        headers: { ...headers, cookie: operatorCookieFrom(signIn) },
        payload: { code: currentTotp(operator.secret, Date.now() + 30_000) },
      });
      expect(verified.statusCode, verified.body).toBe(204);
      const tenants = await rebuilt.inject({
        method: 'GET',
        url: '/api/ops/v1/tenants',
        headers: { ...headers, cookie: operatorCookieFrom(verified) },
      });
      expect(tenants.json().items.map((t: { code: string }) => t.code)).toEqual(['dr-tenant']);
    } finally {
      await rebuilt.close();
    }
  });

  it('refuses to overwrite platform rows unless --replace, then puts back what was lost', async () => {
    const id = await platformBackupId();
    const before = await snapshot(app.db.superuser);
    const refused = await run('backup:restore-platform', id);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('--replace');
    await app.db.superuser.query('DELETE FROM app.announcements');
    await app.db.superuser.query('DELETE FROM app.operator_sessions');
    const replaced = await run('backup:restore-platform', id, '--replace');
    expect(replaced.code, replaced.out + replaced.err).toBe(0);
    const after = await snapshot(app.db.superuser);
    expect(after.announcements).toEqual(before.announcements);
    // Sessions are restored as they were at backup time (those started since are gone).
    expect(after.operator_sessions?.length).toBeGreaterThan(0);
    // Entries written since the backup stay: the operator log is history, merged not replaced.
    for (const row of before.operator_audit_log ?? []) {
      expect(after.operator_audit_log).toContain(row);
    }
  });

  it('refuses a tenant backup and an unknown id', async () => {
    const { rows } = await app.db.superuser.query<{ backup_id: string }>(
      'SELECT backup_id FROM backup.tenant_backups WHERE tenant_id = $1',
      [tenantId],
    );
    const wrongKind = await run('backup:restore-platform', rows[0]?.backup_id ?? '');
    expect(wrongKind.code).toBe(2);
    expect(wrongKind.err).toContain('not the platform backup');
    const unknown = await run('backup:restore-platform', '00000000-0000-7000-8000-000000000000');
    expect(unknown.code).toBe(2);
  });
});
