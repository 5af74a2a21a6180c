import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  createSignedInTenant,
  createTestApp,
  type TestApp,
  type TestTenant,
} from '../support/app';

let t: TestApp;
let tenant: TestTenant;
beforeAll(async () => {
  t = await createTestApp();
  tenant = await createSignedInTenant(t);
});
afterAll(() => t.close());

describe('HTTP platform', () => {
  it('sends the security headers on API responses', async () => {
    const response = await api(t, tenant.adminCookie).get('/api/v1/auth/me');
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it('tells a signed-in user where the data is kept (DATA_REGION, white paper §2)', async () => {
    const me = (await api(t, tenant.adminCookie).get('/api/v1/auth/me')).json();
    expect(me.tenant.dataRegion).toBe('ap-northeast-1 (東京)');
    const osaka = await createTestApp({ DATA_REGION: 'ap-northeast-3 (大阪)' });
    try {
      const other = await createSignedInTenant(osaka);
      const seen = (await api(osaka, other.adminCookie).get('/api/v1/auth/me')).json();
      expect(seen.tenant.dataRegion).toBe('ap-northeast-3 (大阪)');
    } finally {
      await osaka.close();
    }
  });

  it('answers malformed JSON, wrong content types and unknown routes with problem+json, never a stack', async () => {
    const cases = [
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/customers',
        headers: {
          'x-requested-with': 'akinai',
          cookie: tenant.adminCookie,
          'content-type': 'application/json',
        },
        payload: '{"code": ',
      }),
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/customers',
        headers: {
          'x-requested-with': 'akinai',
          cookie: tenant.adminCookie,
          'content-type': 'text/csv',
        },
        payload: 'a,b',
      }),
      await api(t, tenant.adminCookie).get('/api/v1/no-such-thing'),
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/customers',
        headers: {
          'x-requested-with': 'akinai',
          cookie: tenant.adminCookie,
          'content-type': 'application/json',
        },
        payload: JSON.stringify({ code: 'X', name: 'a'.repeat(2_000_000) }),
      }),
      // Percent-encoded bytes that are not UTF-8 (found by the fuzzer): Fastify's own answer.
      await api(t, tenant.adminCookie).get('/api/v1/customers/%ED%A0%80'),
      await api(t, tenant.adminCookie).get(`/api/v1/customers/${'9'.repeat(400)}`),
    ];
    expect(cases.map((r) => r.statusCode)).toEqual([400, 415, 404, 413, 400, 414]);
    for (const response of cases) {
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      const body = response.json();
      expect(body.title).toMatch(/[ぁ-んァ-ヶ一-龠]/);
      expect(JSON.stringify(body)).not.toMatch(/at .+\.(ts|js):\d+/);
    }
  });

  it('refuses text PostgreSQL cannot store (NUL, unpaired surrogates) with 400 and stores nothing', async () => {
    for (const name of ['a\u0000b', '\ud800', 'x\udc00y']) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/units',
        headers: {
          'x-requested-with': 'akinai',
          cookie: tenant.adminCookie,
          'content-type': 'application/json',
        },
        // JSON.stringify escapes a lone surrogate as \ud800, which JSON.parse turns back into one.
        payload: JSON.stringify({ name, sortOrder: 1 }),
      });
      expect(response.statusCode, JSON.stringify(name)).toBe(400);
      expect(response.json().errors[0].path).toBe('name');
    }
    const emoji = await api(t, tenant.adminCookie).post('/api/v1/units', {
      name: '𠮷👍',
      sortOrder: 1,
    });
    expect(emoji.statusCode).toBe(201);
  });

  it('rejects state changes without the CSRF header or from another origin', async () => {
    const noHeader = await t.app.inject({
      method: 'POST',
      url: '/api/v1/customers',
      headers: { cookie: tenant.adminCookie },
      payload: { code: 'CSRF1', name: 'x' },
    });
    const crossSite = await t.app.inject({
      method: 'POST',
      url: '/api/v1/customers',
      headers: {
        cookie: tenant.adminCookie,
        'x-requested-with': 'akinai',
        'sec-fetch-site': 'cross-site',
        origin: 'https://evil.example',
      },
      payload: { code: 'CSRF2', name: 'x' },
    });
    for (const response of [noHeader, crossSite]) {
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('csrf_rejected');
    }
    const list = await api(t, tenant.adminCookie).get('/api/v1/customers?q=CSRF');
    expect(list.json().items).toEqual([]);
  });

  it('publishes an OpenAPI document covering every API route, and its docs page', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toMatch(/^3\./);
    const documented = new Set(
      Object.entries(document.paths as Record<string, object>).flatMap(([path, methods]) =>
        Object.keys(methods).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
      ),
    );
    const apiRoutes = t.routes.filter((r) => r.url.startsWith('/api/v1/'));
    expect(apiRoutes.length).toBeGreaterThanOrEqual(7);
    for (const route of apiRoutes)
      expect(documented, route.url).toContain(`${route.method} ${route.url}`);
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect([200, 302]).toContain(docs.statusCode);
  });

  it('reports liveness with the server time in UTC and JST, and readiness from the database', async () => {
    const health = (await t.app.inject({ method: 'GET', url: '/healthz' })).json();
    expect(health.status).toBe('ok');
    const utc = new Date(health.serverTime).getTime();
    expect(Math.abs(utc - Date.now())).toBeLessThan(5_000);
    expect(health.serverTimeJst).toMatch(/\+09:00$/);
    expect(new Date(health.serverTimeJst).getTime()).toBe(utc);
    // This container has no systemd: the state is reported as unknown, and the check still passes.
    expect(['synchronized', 'unsynchronized', 'unknown']).toContain(health.ntp);
    const alias = (await t.app.inject({ method: 'GET', url: '/health' })).json();
    expect(alias).toMatchObject({ status: 'ok', ntp: health.ntp });
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', database: 'ok' });
  });

  it('declares the 400 that any route answers to text PostgreSQL cannot store', async () => {
    // Found by the fuzzer: /healthz?x=%00 answered an undeclared 400.
    const response = await t.app.inject({ method: 'GET', url: '/healthz?unexpected=%00' });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('validation_failed');
    const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const undeclared = Object.entries(
      document.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>,
    ).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([, operation]) => !('400' in operation.responses))
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(undeclared).toEqual([]);
  });

  it('exposes Prometheus metrics to loopback callers only', async () => {
    const local = await t.app.inject({
      method: 'GET',
      url: '/metrics',
      remoteAddress: '127.0.0.1',
    });
    expect(local.statusCode).toBe(200);
    expect(local.body).toContain('akinai_http_request_duration_seconds');
    expect(local.body).toContain('akinai_db_pool_connections');
    const remote = await t.app.inject({
      method: 'GET',
      url: '/metrics',
      remoteAddress: '203.0.113.9',
    });
    expect(remote.statusCode).toBe(404);
  });
});
