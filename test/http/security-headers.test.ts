import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/platform/config';
import {
  api,
  createSignedInOperator,
  createSignedInTenant,
  type TestApp,
  type TestTenant,
} from '../support/app';
import { createTestDatabase } from '../support/database';

/**
 * The headers of shared/SECURITY.md on every kind of response the browser sees: the SPA's HTML
 * (tenant app and the /ops console are the same document), its assets, tenant API answers,
 * operator API answers and error answers. platform.test.ts covers one API answer; this file
 * covers the rest so a route registered outside the helmet scope cannot slip through.
 */
const webRoot = mkdtempSync(join(tmpdir(), 'akinai-web-'));
mkdirSync(join(webRoot, 'assets'));
writeFileSync(
  join(webRoot, 'index.html'),
  '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>',
);
writeFileSync(join(webRoot, 'assets', 'app.js'), 'export {};');

let t: TestApp;
let tenant: TestTenant;
beforeAll(async () => {
  const db = await createTestDatabase();
  const config = loadConfig({ LOG_LEVEL: 'silent', NODE_ENV: 'test' });
  const { app, routes, imports } = await buildApp({ config, pool: db.pool, webRoot });
  t = {
    app,
    routes,
    db,
    imports,
    async close() {
      await app.close();
      await db.drop();
    },
  };
  tenant = await createSignedInTenant(t);
});
afterAll(async () => {
  await t.close();
  rmSync(webRoot, { recursive: true, force: true });
});

function expectBrowserHardening(response: LightMyRequestResponse) {
  const csp = String(response.headers['content-security-policy']);
  const directive = (name: string) =>
    csp
      .split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith(`${name} `));
  expect(directive('script-src')).toBe("script-src 'self'");
  expect(directive('default-src')).toBe("default-src 'self'");
  expect(directive('object-src')).toBe("object-src 'none'");
  expect(directive('frame-ancestors')).toBe("frame-ancestors 'none'");
  expect(csp).not.toContain('unsafe-eval');
  expect(response.headers['x-content-type-options']).toBe('nosniff');
  expect(response.headers['x-frame-options']).toBe('DENY');
  expect(response.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
  // Plain HTTP here: HSTS belongs to TLS answers only (test/startup/tls.test.ts).
  expect(response.headers['strict-transport-security']).toBeUndefined();
}

describe('security headers', () => {
  it('on the tenant app HTML, for the root and for a deep client-side route', async () => {
    for (const url of ['/', '/sales/customers', '/login?next=%2Fsettings']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.body).toContain('<div id="root">');
      expectBrowserHardening(response);
      // The shell holds no data; it must be revalidated so a new build is picked up.
      expect(response.headers['cache-control']).toBe('no-cache');
    }
  });

  it('on the operator console HTML under /ops', async () => {
    for (const url of ['/ops', '/ops/login', '/ops/tenants']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expectBrowserHardening(response);
    }
  });

  it('on hashed assets, and a missing asset is a 404 problem, not HTML', async () => {
    const asset = await t.app.inject({ method: 'GET', url: '/assets/app.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expectBrowserHardening(asset);

    const missing = await t.app.inject({ method: 'GET', url: '/assets/old-build.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    expectBrowserHardening(missing);
  });

  it('on tenant API answers: success, refusal and error all no-store', async () => {
    const responses = [
      await api(t, tenant.adminCookie).get('/api/v1/auth/me'),
      await api(t).get('/api/v1/auth/me'),
      await api(t, tenant.adminCookie).get('/api/v1/no-such-route'),
      await api(t, tenant.adminCookie).post('/api/v1/users', { loginId: 1 }),
    ];
    expect(responses.map((r) => r.statusCode)).toEqual([200, 401, 404, 400]);
    for (const response of responses) {
      expectBrowserHardening(response);
      expect(response.headers['cache-control']).toBe('no-store');
    }
  });

  it('on operator API answers, signed in or not', async () => {
    const operator = await createSignedInOperator(t);
    const responses = [
      await api(t, operator.cookie).get('/api/ops/v1/tenants'),
      await api(t).get('/api/ops/v1/tenants'),
      await api(t, tenant.adminCookie).get('/api/ops/v1/auth/me'),
    ];
    expect(responses.map((r) => r.statusCode)).toEqual([200, 401, 401]);
    for (const response of responses) {
      expectBrowserHardening(response);
      expect(response.headers['cache-control']).toBe('no-store');
    }
  });
});
