import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  createSignedInTenant,
  createTestApp,
  type TestApp,
  type TestTenant,
} from '../support/app';
import {
  createMasterFixtures,
  createUserFixtures,
  hasPathParameters,
  type RouteFixtures,
  sampleFor,
} from '../support/route-samples';

/**
 * Two tenants with the same customer codes. Every route that names a resource is called by
 * tenant A with tenant B's ids: each must answer 404 and leave B's data exactly as it was.
 */
let t: TestApp;
let a: TestTenant;
let b: TestTenant;
let victimFixtures: RouteFixtures;

async function snapshotOf(tenantId: string): Promise<string> {
  const tables = [
    'customers',
    'users',
    'sessions',
    'permission_groups',
    'audit_log',
    'tenants',
    'tenant_settings',
    'api_tokens',
    'products',
    'customer_product_prices',
  ];
  const parts: string[] = [];
  for (const table of tables) {
    const { rows } = await t.db.superuser.query(
      `SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS digest
         FROM app.${table} x WHERE tenant_id = $1`,
      [tenantId],
    );
    parts.push(`${table}:${rows[0].digest}`);
  }
  return parts.join(',');
}

beforeAll(async () => {
  t = await createTestApp();
  a = await createSignedInTenant(t);
  b = await createSignedInTenant(t);
  for (const tenant of [a, b]) {
    const created = await api(t, tenant.adminCookie).post('/api/v1/customers', {
      code: 'SAME',
      name: '同一コード',
    });
    expect(created.statusCode).toBe(201);
    if (tenant === b)
      victimFixtures = {
        customerId: created.json().customerId,
        customerVersion: 1,
        ...(await createUserFixtures(api(t, b.adminCookie).post)),
        ...(await createMasterFixtures(api(t, b.adminCookie).post)),
      };
  }
});
afterAll(() => t.close());

describe('two-tenant isolation', () => {
  it('lets both tenants use the same customer code', async () => {
    for (const tenant of [a, b]) {
      const list = (await api(t, tenant.adminCookie).get('/api/v1/customers?q=SAME')).json();
      expect(list.items).toHaveLength(1);
    }
  });

  it("answers 404 and changes nothing when one tenant uses the other tenant's ids on any route", async () => {
    const routes = t.routes.filter((r) => r.url.startsWith('/api/v1/') && hasPathParameters(r));
    expect(routes.length).toBeGreaterThan(0);
    const before = await snapshotOf(b.tenantId);
    const divergences: string[] = [];
    for (const route of routes) {
      const sample = sampleFor(route, victimFixtures);
      const response = await api(t, a.adminCookie).send(
        route.method as 'GET',
        sample.url,
        sample.body,
      );
      if (response.statusCode !== 404)
        divergences.push(`${route.method} ${route.url}: ${response.statusCode}`);
    }
    expect(divergences).toEqual([]);
    expect(await snapshotOf(b.tenantId)).toBe(before);
  });

  it("never lists the other tenant's users or lets its ids be reused", async () => {
    const list = (await api(t, a.adminCookie).get('/api/v1/users')).json();
    const ids = list.items.map((u: { userId: string }) => u.userId);
    expect(ids).not.toContain(victimFixtures.userId);
    expect(ids).not.toContain(victimFixtures.deletableUserId);
    // Same login IDs in both tenants are fine: uniqueness is per tenant.
    const same = await api(t, a.adminCookie).post('/api/v1/users', {
      loginId: 'fixture-edit',
      name: '同じID',
      isActive: false,
    });
    expect(same.statusCode).toBe(201);
  });

  it("never lists the other tenant's rows", async () => {
    const list = (await api(t, a.adminCookie).get('/api/v1/customers?active=all&limit=200')).json();
    expect(list.items.map((c: { customerId: string }) => c.customerId)).not.toContain(
      victimFixtures.customerId,
    );
  });
});
