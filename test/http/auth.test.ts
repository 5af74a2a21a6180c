import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenantTransaction } from '../../src/server/platform/db/tenant-transaction';
import {
  api,
  createSignedInTenant,
  createTestApp,
  createUser,
  sessionCookieFrom,
  TEST_PASSWORD,
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

const loginRequest = (body: Record<string, string>) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: { 'x-requested-with': 'akinai' },
    payload: body,
  });

async function auditEvents(tenantId: string): Promise<string[]> {
  return withTenantTransaction(t.db.pool, tenantId, async (tx) => {
    const { rows } = await tx.client.query('SELECT event FROM app.audit_log ORDER BY seq');
    return rows.map((r) => r.event);
  });
}

describe('login', () => {
  it('creates a server-side session with an HttpOnly, SameSite=Lax cookie and no token stored in clear', async () => {
    const response = await loginRequest({
      tenantCode: tenant.code,
      loginId: 'admin',
      password: TEST_PASSWORD,
    });
    expect(response.statusCode).toBe(204);
    const cookie = response.cookies.find((c) => c.name === 'akinai_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const secret = cookie.value.split('.')[1]!;
    expect(secret.length).toBeGreaterThanOrEqual(43);
    const stored = await t.db.superuser.query(
      "SELECT count(*)::int AS n FROM app.sessions WHERE encode(token_hash, 'escape') LIKE '%' || $1 || '%'",
      [secret],
    );
    expect(stored.rows[0].n).toBe(0);
    const me = await api(t, sessionCookieFrom(response)).get('/api/v1/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      tenant: { code: tenant.code },
      user: { loginId: 'admin', isOrgAdmin: true },
    });
  });

  it('gives the same answer for an unknown tenant, an unknown user and a wrong password', async () => {
    const answers = await Promise.all([
      loginRequest({ tenantCode: 'no-such-tenant', loginId: 'admin', password: TEST_PASSWORD }),
      loginRequest({ tenantCode: tenant.code, loginId: 'nobody', password: TEST_PASSWORD }),
      loginRequest({ tenantCode: tenant.code, loginId: 'admin', password: 'wrong password!!' }),
    ]);
    for (const answer of answers) {
      expect(answer.statusCode).toBe(401);
      expect(answer.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(answer.json()).toMatchObject({
        code: 'invalid_credentials',
        title: '組織コード、ログインID、またはパスワードが正しくありません。',
      });
      expect(answer.cookies).toHaveLength(0);
    }
  });

  it('audits failures and successes in the tenant audit log', async () => {
    const events = await auditEvents(tenant.tenantId);
    expect(events).toContain('auth.login_succeeded');
    expect(events).toContain('auth.login_failed');
  });

  it('refuses a disabled user even with the right password, and ends their live session', async () => {
    const user = await createUser(t, tenant, {
      loginId: 'leaver',
      permissions: ['customers:view'],
    });
    expect((await api(t, user.cookie).get('/api/v1/customers')).statusCode).toBe(200);
    await withTenantTransaction(t.db.pool, tenant.tenantId, (tx) =>
      tx.client.query("UPDATE app.users SET is_active = false WHERE login_id = 'leaver'"),
    );
    expect((await api(t, user.cookie).get('/api/v1/customers')).statusCode).toBe(401);
    const retry = await loginRequest({
      tenantCode: tenant.code,
      loginId: 'leaver',
      password: TEST_PASSWORD,
    });
    expect(retry.statusCode).toBe(401);
  });

  it('rejects unknown fields and missing fields with Japanese field errors', async () => {
    const response = await loginRequest({
      tenantCode: '',
      loginId: 'admin',
      password: 'x',
      extra: '1',
    });
    expect(response.statusCode).toBe(400);
    const problem = response.json();
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors).toEqual(
      expect.arrayContaining([{ path: 'tenantCode', message: '組織コードを入力してください' }]),
    );
  });
});

describe('sessions', () => {
  it('shows the previous sign-in (time and address), and none at the very first', async () => {
    const fresh = await createSignedInTenant(t);
    const first = (await api(t, fresh.adminCookie).get('/api/v1/auth/me')).json();
    expect(first.previousLogin).toBeNull();
    const again = await loginRequest({
      tenantCode: fresh.code,
      loginId: 'admin',
      password: TEST_PASSWORD,
    });
    const second = (await api(t, sessionCookieFrom(again)).get('/api/v1/auth/me')).json();
    expect(second.previousLogin).toEqual({ at: expect.any(String), ip: '127.0.0.1' });
    expect(Date.now() - new Date(second.previousLogin.at).getTime()).toBeLessThan(60_000);
  });

  it('ends the session at logout: the same cookie no longer works', async () => {
    const cookie = (await createSignedInTenant(t)).adminCookie;
    const logout = await api(t, cookie).post('/api/v1/auth/logout');
    expect(logout.statusCode).toBe(204);
    expect(logout.cookies.find((c) => c.name === 'akinai_session')?.value).toBe('');
    expect((await api(t, cookie).get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('expires a session after the tenant idle timeout', async () => {
    const other = await createSignedInTenant(t);
    await withTenantTransaction(t.db.pool, other.tenantId, (tx) =>
      tx.client.query("UPDATE app.sessions SET last_seen_at = now() - interval '31 minutes'"),
    );
    expect((await api(t, other.adminCookie).get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('moves last_seen_at forward at most once a minute, and never for a session that has ended', async () => {
    const other = await createSignedInTenant(t);
    const lastSeen = async () =>
      (
        await t.db.superuser.query<{ age: number }>(
          'SELECT extract(epoch FROM now() - last_seen_at)::int AS age FROM app.sessions WHERE tenant_id = $1',
          [other.tenantId],
        )
      ).rows[0]?.age;
    const backdate = (interval: string) =>
      t.db.superuser.query(
        `UPDATE app.sessions SET last_seen_at = now() - interval '${interval}' WHERE tenant_id = $1`,
        [other.tenantId],
      );
    await backdate('30 seconds');
    expect((await api(t, other.adminCookie).get('/api/v1/auth/me')).statusCode).toBe(200);
    expect(await lastSeen()).toBeGreaterThanOrEqual(29);
    await backdate('5 minutes');
    expect((await api(t, other.adminCookie).get('/api/v1/auth/me')).statusCode).toBe(200);
    expect(await lastSeen()).toBeLessThan(5);
    // Past the idle timeout the lookup finds nothing, and the touch in the same statement is
    // rolled back with it: the session must not come back to life.
    await backdate('31 minutes');
    expect((await api(t, other.adminCookie).get('/api/v1/auth/me')).statusCode).toBe(401);
    expect(await lastSeen()).toBeGreaterThanOrEqual(31 * 60 - 1);
    expect((await api(t, other.adminCookie).get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('expires a session at its absolute timeout even while in use', async () => {
    const other = await createSignedInTenant(t);
    await withTenantTransaction(t.db.pool, other.tenantId, (tx) =>
      tx.client.query("UPDATE app.sessions SET expires_at = now() - interval '1 second'"),
    );
    expect((await api(t, other.adminCookie).get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('rejects a forged cookie that names another tenant with a valid secret of this one', async () => {
    const other = await createSignedInTenant(t);
    const secret = tenant.adminCookie.split('.')[1];
    const forged = `akinai_session=${other.tenantId}.${secret}`;
    expect((await api(t, forged).get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('answers 401 problem+json for garbage cookies without touching the database', async () => {
    for (const cookie of [
      'akinai_session=x',
      'akinai_session=..',
      `akinai_session=${'a'.repeat(5000)}`,
    ]) {
      const response = await api(t, cookie).get('/api/v1/customers');
      expect(response.statusCode).toBe(401);
      expect(response.json().code).toBe('unauthenticated');
    }
  });
});

describe('login rate limit', () => {
  it('answers 429 problem+json with Retry-After after too many attempts from one address', async () => {
    const limited = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const attempt = () =>
        limited.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          headers: { 'x-requested-with': 'akinai' },
          payload: { tenantCode: 'x', loginId: 'y', password: 'z' },
        });
      for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(401);
      const blocked = await attempt();
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json()).toMatchObject({ code: 'rate_limited' });
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });
});
