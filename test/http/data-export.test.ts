import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EXCLUDED_COLUMNS,
  REVIEWED_NOT_SECRET,
  unreviewedSecretLookingColumns,
} from '../../src/server/modules/lifecycle/export-columns';
import { listTenantTables } from '../../src/server/platform/db/tenant-catalog';
import {
  api,
  createSignedInTenant,
  createTestApp,
  type TestApp,
  type TestTenant,
} from '../support/app';
import { unzipEntries } from '../support/unzip';

/** 全データエクスポート: the ZIP read back by Python's zipfile, secrets absent, JST, audited. */
let t: TestApp;
let tenant: TestTenant;
let other: TestTenant;
let entries: Map<string, Buffer>;
let download: Awaited<ReturnType<ReturnType<typeof api>['get']>>;
const BOM = '\ufeff';

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createSignedInTenant(t);
  other = await createSignedInTenant(t);
  const admin = api(t, tenant.adminCookie);
  expect(
    (await admin.post('/api/v1/customers', { code: 'C1', name: '株式会社 髙橋商店' })).statusCode,
  ).toBe(201);
  // A value a spreadsheet would run as a formula.
  expect(
    (await admin.post('/api/v1/customers', { code: 'C2', name: '=HYPERLINK("http://x")' }))
      .statusCode,
  ).toBe(201);
  const token = await admin.post('/api/v1/api-tokens', {
    name: '連携',
    expiresInDays: 90,
    scope: ['customers:view'],
  });
  expect(token.statusCode).toBe(201);
  await api(t, other.adminCookie).post('/api/v1/customers', { code: 'X1', name: '他社の得意先' });
  // TOTP secrets and recovery digests exist for real users; give the admin some.
  await t.db.superuser.query(
    `UPDATE app.users SET mfa_secret = 'SECRET-TOTP-VALUE', mfa_recovery_hashes = '{RECOVERY-DIGEST}'
      WHERE tenant_id = $1`,
    [tenant.tenantId],
  );
  download = await admin.get('/api/v1/data-export');
  expect(download.statusCode, download.body).toBe(200);
  entries = await unzipEntries(download.rawPayload);
});
afterAll(() => t.close());

const text = (name: string) => {
  const data = entries.get(name);
  if (!data) throw new Error(`${name} missing; archive has ${[...entries.keys()].join(', ')}`);
  return data.toString('utf8');
};

describe('full data export', () => {
  it('is a ZIP download named after the tenant', () => {
    expect(download.headers['content-type']).toBe('application/zip');
    expect(download.headers['content-disposition']).toMatch(
      new RegExp(`attachment; filename="akinai-export-${tenant.code}-\\d{8}-\\d{6}\\.zip"`),
    );
    expect(download.headers['cache-control']).toBe('no-store');
  });

  it('holds one CSV per tenant table from the catalog, the audit log, documents/ and a README', async () => {
    const tables = await listTenantTables(t.db.superuser);
    expect(tables.length).toBeGreaterThan(15);
    for (const table of tables) expect(entries.has(`tables/${table.name}.csv`)).toBe(true);
    expect(entries.has('audit_log.csv')).toBe(true);
    expect(entries.has('documents/')).toBe(true);
    const readme = text('README.txt');
    expect(readme.startsWith(BOM)).toBe(true);
    expect(readme).toContain('Akinai 全データエクスポート');
    expect(readme).toContain('tables/customers.csv: 2行');
    expect(readme).toContain('\r\n');
  });

  it('writes Japanese-friendly CSVs: BOM, header row, CRLF, JST times, formulas neutralised', () => {
    const customers = text('tables/customers.csv');
    expect(customers.startsWith(`${BOM}"tenant_id","customer_id","code","name"`)).toBe(true);
    const lines = customers.slice(1).split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(3);
    expect(customers).toContain('"株式会社 髙橋商店"');
    expect(customers).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(customers).toMatch(/"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+09:00"/);
    expect(customers).not.toMatch(/\d{2}:\d{2}:\d{2}(\.\d+)?Z/);
    const audit = text('audit_log.csv');
    expect(audit.startsWith(`${BOM}"日時(JST)"`)).toBe(true);
    // The export records itself, and that row is inside the archive's log.
    expect(audit).toContain('"全データをエクスポート"');
    expect(audit).toContain('"得意先を登録"');
  });

  it('leaves out every secret, by column and by value', async () => {
    const users = text('tables/users.csv');
    const header = users.slice(1, users.indexOf('\r\n'));
    for (const column of [
      'password_hash',
      'mfa_secret',
      'mfa_pending_secret',
      'mfa_recovery_hashes',
    ])
      expect(header).not.toContain(`"${column}"`);
    expect(header).toContain('"login_id"');
    expect(text('tables/sessions.csv')).not.toContain('token_hash');
    expect(text('tables/api_tokens.csv')).not.toContain('token_hash');
    const everything = [...entries.values()].map((data) => data.toString('latin1')).join('\n');
    const { rows } = await t.db.superuser.query<{ secret: string }>(
      `SELECT password_hash AS secret FROM app.users WHERE tenant_id = $1
       UNION ALL SELECT encode(token_hash, 'hex') FROM app.sessions WHERE tenant_id = $1
       UNION ALL SELECT encode(token_hash, 'hex') FROM app.api_tokens WHERE tenant_id = $1`,
      [tenant.tenantId],
    );
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const { secret } of rows) expect(everything).not.toContain(secret);
    expect(everything).not.toContain('SECRET-TOTP-VALUE');
    expect(everything).not.toContain('RECOVERY-DIGEST');
  });

  it("holds only this tenant's rows", () => {
    const everything = [...entries.values()].map((data) => data.toString('utf8')).join('\n');
    expect(everything).not.toContain('他社の得意先');
    expect(everything).not.toContain(other.tenantId);
  });

  it('is audited, and still available once the contract has ended', async () => {
    const { rows } = await t.db.superuser.query(
      "SELECT actor_label FROM app.audit_log WHERE tenant_id = $1 AND event = 'tenant.data_exported'",
      [tenant.tenantId],
    );
    expect(rows).toEqual([{ actor_label: 'admin' }]);
    await t.db.superuser.query(
      "UPDATE app.tenants SET status = 'ended', contract_ended_at = now() WHERE tenant_id = $1",
      [tenant.tenantId],
    );
    const again = await api(t, tenant.adminCookie).get('/api/v1/data-export');
    expect(again.statusCode).toBe(200);
    const archive = await unzipEntries(again.rawPayload);
    expect(archive.get('tables/customers.csv')?.toString('utf8')).toContain('髙橋商店');
  });
});

describe('secret column deny-list', () => {
  it('has reviewed every catalog column named like a secret', async () => {
    const tables = await listTenantTables(t.db.superuser);
    expect(unreviewedSecretLookingColumns(tables)).toEqual([]);
    // Every entry still names a real column: a renamed column must be reviewed again.
    const real = new Set(tables.flatMap((table) => table.columns.map((c) => `${table.name}.${c}`)));
    for (const key of [...Object.keys(EXCLUDED_COLUMNS), ...Object.keys(REVIEWED_NOT_SECRET)])
      expect(real.has(key), key).toBe(true);
  });

  it('flags a new column named like a secret until someone reviews it', () => {
    const table = {
      qualifiedName: 'app."webhooks"',
      name: 'webhooks',
      columns: ['tenant_id', 'url', 'signing_secret', 'refresh_token', 'body_hash'],
    };
    expect(unreviewedSecretLookingColumns([table])).toEqual([
      'webhooks.signing_secret',
      'webhooks.refresh_token',
      'webhooks.body_hash',
    ]);
  });
});
