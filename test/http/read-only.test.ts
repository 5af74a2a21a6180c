import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WRITES_ALLOWED_WHEN_READ_ONLY } from '../../src/server/platform/access/route-access';
import {
  api,
  createSignedInTenant,
  createTestApp,
  login,
  TEST_PASSWORD,
  type TestApp,
  type TestTenant,
} from '../support/app';
import {
  createMasterFixtures,
  createUserFixtures,
  type RouteFixtures,
  sampleFor,
} from '../support/route-samples';

/**
 * Read-only mode after the contract ends (ADR 0017), generated from the route registry: every
 * write route of an ended tenant answers 403 tenant_read_only, except the few that sign in,
 * sign out or look after the caller's own password and sessions; every read still works.
 */
let t: TestApp;
let ended: TestTenant;
let running: TestTenant;
let fixtures: RouteFixtures;

beforeAll(async () => {
  t = await createTestApp();
  ended = await createSignedInTenant(t);
  running = await createSignedInTenant(t);
  const customer = (
    await api(t, ended.adminCookie).post('/api/v1/customers', { code: 'R1', name: '参照専用' })
  ).json();
  fixtures = {
    customerId: customer.customerId,
    customerVersion: customer.version,
    ...(await createUserFixtures(api(t, ended.adminCookie).post)),
    ...(await createMasterFixtures(api(t, ended.adminCookie).post)),
  };
  await t.db.superuser.query(
    "UPDATE app.tenants SET status = 'ended', contract_ended_at = now() WHERE tenant_id = $1",
    [ended.tenantId],
  );
});
afterAll(() => t.close());

const isWrite = (method: string) => !['GET', 'HEAD', 'OPTIONS'].includes(method);

describe('read-only mode of an ended tenant', () => {
  it('refuses every write route with 403 tenant_read_only and serves every read', async () => {
    const divergences: string[] = [];
    const routes = t.routes.filter(
      (r) => r.url.startsWith('/api/v1/') && r.access.kind !== 'public',
    );
    // Signing out ends the caller's session, so it runs last.
    routes.sort((a, b) => Number(a.url.endsWith('/logout')) - Number(b.url.endsWith('/logout')));
    let refused = 0;
    for (const route of routes) {
      const key = `${route.method} ${route.url}`;
      const sample = sampleFor(route, fixtures);
      const response = await api(t, ended.adminCookie).send(
        route.method as 'GET',
        sample.url,
        sample.body,
      );
      const code = response.statusCode === 403 ? response.json().code : undefined;
      if (isWrite(route.method) && !WRITES_ALLOWED_WHEN_READ_ONLY.has(key)) {
        refused++;
        if (code !== 'tenant_read_only') divergences.push(`${key}: ${response.statusCode}`);
        else {
          expect(response.headers['content-type']).toContain('application/problem+json');
          expect(response.json().title).toContain('ご契約が終了しているため');
        }
      } else if (code === 'tenant_read_only' || response.statusCode >= 500) {
        divergences.push(`${key}: should be allowed, got ${response.statusCode} ${code}`);
      }
    }
    expect(divergences).toEqual([]);
    // The registry holds many write routes; a filter that matched nothing would prove nothing.
    expect(refused).toBeGreaterThan(20);
  });

  it('changed nothing: the refused writes left the data as it was', async () => {
    // A fresh sign-in: the run above signed the admin out.
    const cookie = await login(t, ended.code, 'admin', TEST_PASSWORD);
    const customer = await api(t, cookie).get(`/api/v1/customers/${fixtures.customerId}`);
    expect(customer.statusCode).toBe(200);
    expect(customer.json()).toMatchObject({ name: '参照専用', version: fixtures.customerVersion });
  });

  it('leaves other tenants writable, and tells the signed-in user the purge date', async () => {
    const created = await api(t, running.adminCookie).post('/api/v1/customers', {
      code: 'W1',
      name: '書込可',
    });
    expect(created.statusCode).toBe(201);
    const me = (await api(t, running.adminCookie).get('/api/v1/auth/me')).json();
    expect(me.tenant.contract).toEqual({ readOnly: false, endedAt: null, purgeAt: null });
  });

  it('makes a trial read-only as soon as its end date passes, before any job marks it', async () => {
    await t.db.superuser.query(
      "UPDATE app.tenants SET trial_ends_at = now() - interval '1 hour' WHERE tenant_id = $1",
      [running.tenantId],
    );
    const refused = await api(t, running.adminCookie).post('/api/v1/customers', {
      code: 'W2',
      name: '試用終了',
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('tenant_read_only');
    const me = (await api(t, running.adminCookie).get('/api/v1/auth/me')).json();
    expect(me.tenant.contract.readOnly).toBe(true);
    const endedAt = Date.parse(me.tenant.contract.endedAt);
    expect(Date.parse(me.tenant.contract.purgeAt) - endedAt).toBe(5 * 24 * 3600 * 1000);
  });
});
