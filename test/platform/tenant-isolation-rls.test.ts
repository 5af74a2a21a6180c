import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenantTransaction } from '../../src/server/platform/db/tenant-transaction';
import { uuidv7 } from '../../src/server/platform/db/uuid';
import { createSignedInTenant, createTestApp, type TestApp, type TestTenant } from '../support/app';

let t: TestApp;
let a: TestTenant;
let b: TestTenant;

const insertCustomer = (tenantId: string, code: string) =>
  `INSERT INTO app.customers (tenant_id, customer_id, code, name, search_name, search_kana)
   VALUES ('${tenantId}', '${uuidv7()}', '${code}', 'name', 'name', '')`;

beforeAll(async () => {
  t = await createTestApp();
  a = await createSignedInTenant(t);
  b = await createSignedInTenant(t);
  await withTenantTransaction(t.db.pool, a.tenantId, (tx) =>
    tx.client.query(insertCustomer(a.tenantId, 'A1')),
  );
  await withTenantTransaction(t.db.pool, b.tenantId, (tx) =>
    tx.client.query(insertCustomer(b.tenantId, 'B1')),
  );
});
afterAll(() => t.close());

describe('row-level security for the runtime role', () => {
  it('shows a tenant only its own rows, even when it asks for the other tenant explicitly', async () => {
    const rows = await withTenantTransaction(t.db.pool, a.tenantId, async (tx) => {
      const all = await tx.client.query('SELECT code FROM app.customers');
      const other = await tx.client.query('SELECT code FROM app.customers WHERE tenant_id = $1', [
        b.tenantId,
      ]);
      return { all: all.rows.map((r) => r.code), other: other.rowCount };
    });
    expect(rows).toEqual({ all: ['A1'], other: 0 });
  });

  it('refuses to insert a row for another tenant', async () => {
    await expect(
      withTenantTransaction(t.db.pool, a.tenantId, (tx) =>
        tx.client.query(insertCustomer(b.tenantId, 'X')),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('refuses to move a row to another tenant', async () => {
    await expect(
      withTenantTransaction(t.db.pool, a.tenantId, (tx) =>
        tx.client.query('UPDATE app.customers SET tenant_id = $1', [b.tenantId]),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('shows nothing at all when no tenant is set (fails closed)', async () => {
    const client = await t.db.pool.connect();
    try {
      for (const table of [
        'tenants',
        'users',
        'sessions',
        'customers',
        'audit_log',
        'permission_groups',
      ]) {
        const { rows } = await client.query(`SELECT count(*)::int AS n FROM app.${table}`);
        expect(rows[0].n, table).toBe(0);
      }
    } finally {
      client.release();
    }
  });

  it('leaves no tenant setting behind on the pooled connection after commit', async () => {
    const client = await t.db.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query("SELECT set_config('app.tenant_id', $1, true)", [a.tenantId]);
      await client.query('COMMIT');
      const { rows } = await client.query(
        "SELECT current_setting('app.tenant_id', true) AS setting, (SELECT count(*)::int FROM app.customers) AS n",
      );
      expect(rows[0]).toEqual({ setting: '', n: 0 });
    } finally {
      client.release();
    }
  });

  it('keeps the audit log append-only for the runtime role', async () => {
    await expect(
      withTenantTransaction(t.db.pool, a.tenantId, (tx) =>
        tx.client.query('DELETE FROM app.audit_log'),
      ),
    ).rejects.toThrow(/permission denied/);
    await expect(
      withTenantTransaction(t.db.pool, a.tenantId, (tx) =>
        tx.client.query("UPDATE app.audit_log SET event = 'x'"),
      ),
    ).rejects.toThrow(/permission denied/);
  });
});
