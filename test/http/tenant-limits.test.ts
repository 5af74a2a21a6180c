import type { LightMyRequestResponse } from 'fastify';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  createSignedInTenant,
  createTestApp,
  createUser,
  type TestApp,
  type TestTenant,
} from '../support/app';

/**
 * Per-tenant limits (ADR 0025): a tenant (or one of its users) that floods the API or runs
 * too many exports at once gets 429 problem+json with Retry-After, while another tenant is
 * still served.
 */
function expectRefused(response: LightMyRequestResponse, code: string): void {
  expect(response.statusCode, response.body).toBe(429);
  expect(response.headers['content-type']).toContain('application/problem+json');
  expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
  const problem = response.json();
  expect(problem.code).toBe(code);
  expect(problem.title).toMatch(/[ぁ-んァ-ン一-龯]/);
  expect(problem.retryAfterSeconds).toBe(Number(response.headers['retry-after']));
}

describe('request budgets', () => {
  let t: TestApp;
  let flooding: TestTenant;
  let calm: TestTenant;

  beforeAll(async () => {
    t = await createTestApp({
      TENANT_RATE_LIMIT_PER_MINUTE: '6',
      USER_RATE_LIMIT_PER_MINUTE: '4',
    });
    flooding = await createSignedInTenant(t);
    calm = await createSignedInTenant(t);
  });
  afterAll(() => t.close());

  it('stops a flooding user and then the flooding tenant, not the other tenant', async () => {
    const admin = api(t, flooding.adminCookie);
    for (let i = 0; i < 4; i++) {
      expect((await admin.get('/api/v1/customers')).statusCode).toBe(200);
    }
    // The same user is over its own budget…
    expectRefused(await admin.get('/api/v1/customers'), 'rate_limited');
    // …a colleague still has the tenant's remaining two requests…
    const clerk = await createUser(t, flooding, {
      loginId: 'clerk',
      permissions: ['customers:view'],
    });
    const colleague = api(t, clerk.cookie);
    expect((await colleague.get('/api/v1/customers')).statusCode).toBe(200);
    expect((await colleague.get('/api/v1/customers')).statusCode).toBe(200);
    // …and then the whole tenant is over budget.
    expectRefused(await colleague.get('/api/v1/customers'), 'tenant_rate_limited');

    // All requests come from the same address: the other tenant is told apart by its session.
    const other = api(t, calm.adminCookie);
    for (let i = 0; i < 4; i++) {
      const response = await other.get('/api/v1/customers');
      expect(response.statusCode, response.body).toBe(200);
    }
  });

  it('refuses an over-budget tenant before authentication, without counting forged claims', async () => {
    // A cookie that names a tenant but holds a wrong secret: only authentication can tell.
    const forge = (cookie: string) => cookie.replace(/\.[^.]+$/, `.${'A'.repeat(43)}`);
    // The flooding tenant is over budget: refused before the session is even looked up.
    expectRefused(
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/customers',
        headers: { cookie: forge(flooding.adminCookie) },
      }),
      'tenant_rate_limited',
    );
    // A forged claim on a tenant with budget left is an ordinary 401 and uses none of it.
    for (let i = 0; i < 5; i++) {
      const response = await t.app.inject({
        method: 'GET',
        url: '/api/v1/customers',
        headers: { cookie: forge(calm.adminCookie) },
      });
      expect(response.statusCode).toBe(401);
    }
    // (The admin has used its own budget above; a colleague shows the tenant's is intact.)
    const colleague = await createUser(t, calm, {
      loginId: 'calm',
      permissions: ['customers:view'],
    });
    expect((await api(t, colleague.cookie).get('/api/v1/customers')).statusCode).toBe(200);
  });

  it('answers in English when asked', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/customers',
      headers: { cookie: flooding.adminCookie, 'accept-language': 'en' },
    });
    expect(response.statusCode).toBe(429);
    expect(response.json().title).toMatch(/too many requests/i);
  });

  it('does not count public routes against any tenant', async () => {
    for (let i = 0; i < 8; i++) {
      expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    }
  });
});

/**
 * Keeps exports running: while a superuser holds an exclusive lock on the customers table,
 * every export that has started waits inside its table read, holding its slot.
 */
async function holdingExportsOpen<T>(
  t: TestApp,
  work: (lock: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const lock = await t.db.superuser.connect();
  try {
    await lock.query('BEGIN');
    await lock.query('LOCK TABLE app.customers IN ACCESS EXCLUSIVE MODE');
    return await work(lock);
  } finally {
    await lock.query('ROLLBACK');
    lock.release();
  }
}

async function waitForBlockedExports(t: TestApp, count: number): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const { rows } = await t.db.superuser.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    if (rows[0]!.n >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`${count} exports never reached the locked table`);
}

describe('bulk operations running at once', () => {
  let t: TestApp;
  let busy: TestTenant;
  let other: TestTenant;
  let secondUser: { cookie: string };
  let thirdUser: { cookie: string };

  beforeAll(async () => {
    t = await createTestApp({ BULK_CONCURRENCY_PER_TENANT: '2', BULK_CONCURRENCY_PER_USER: '1' });
    busy = await createSignedInTenant(t);
    other = await createSignedInTenant(t);
    secondUser = await createUser(t, busy, { loginId: 'second', permissions: [] });
    thirdUser = await createUser(t, busy, { loginId: 'third', permissions: [] });
    // Both exports are for 組織管理者.
    await t.db.superuser.query('UPDATE app.users SET is_org_admin = true WHERE tenant_id = $1', [
      busy.tenantId,
    ]);
  });
  afterAll(() => t.close());

  it('caps exports per user and per tenant while another tenant exports freely', async () => {
    const admin = api(t, busy.adminCookie);
    const second = api(t, secondUser.cookie);
    const third = api(t, thirdUser.cookie);
    const running = await holdingExportsOpen(t, async () => {
      const first = admin.get('/api/v1/data-export');
      await waitForBlockedExports(t, 1);
      // The same user: over the per-user cap, for the ZIP and the audit CSV alike.
      expectRefused(await admin.get('/api/v1/data-export'), 'bulk_operation_busy');
      expectRefused(await admin.get('/api/v1/audit-log/export'), 'bulk_operation_busy');
      // A colleague takes the tenant's second slot…
      const fromColleague = second.get('/api/v1/data-export');
      await waitForBlockedExports(t, 2);
      // …and a third user of the same tenant finds both taken.
      const refused = await third.get('/api/v1/audit-log/export');
      expectRefused(refused, 'bulk_operation_busy');
      expect(refused.json().title).toContain('エクスポート');
      // The other tenant is not affected by the busy tenant's slots.
      const fromOther = api(t, other.adminCookie).get('/api/v1/data-export');
      await waitForBlockedExports(t, 3);
      expect((await api(t, other.adminCookie).get('/api/v1/users')).statusCode).toBe(200);
      return [first, fromColleague, fromOther];
    });
    for (const response of await Promise.all(running)) {
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toBe('application/zip');
    }
    // Finished exports give their slots back.
    expect((await admin.get('/api/v1/data-export')).statusCode).toBe(200);
    expect((await third.get('/api/v1/audit-log/export')).statusCode).toBe(200);
  });
});

describe('bulk operations of all tenants together', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ BULK_CONCURRENCY_TOTAL: '1', BULK_CONCURRENCY_PER_TENANT: '2' });
  });
  afterAll(() => t.close());

  it("refuses a second tenant's export while the process's only slot is taken", async () => {
    const first = await createSignedInTenant(t);
    const second = await createSignedInTenant(t);
    const running = await holdingExportsOpen(t, async () => {
      const download = api(t, first.adminCookie).get('/api/v1/data-export');
      await waitForBlockedExports(t, 1);
      expectRefused(
        await api(t, second.adminCookie).get('/api/v1/data-export'),
        'bulk_operation_busy',
      );
      // Interactive requests are not bulk work: still served.
      expect((await api(t, second.adminCookie).get('/api/v1/users')).statusCode).toBe(200);
      // In an array: the request is a thenable, which `return` alone would await here.
      return [download];
    });
    expect((await running[0]!).statusCode).toBe(200);
    expect((await api(t, second.adminCookie).get('/api/v1/data-export')).statusCode).toBe(200);
  });
});
