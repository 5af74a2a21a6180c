import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenantTransaction } from '../../src/server/platform/db/tenant-transaction';
import {
  api,
  createSignedInTenant,
  createTestApp,
  createUser,
  type TestApp,
  type TestTenant,
} from '../support/app';

/** 個人用 API トークン: issuance, bearer use, scope, revocation, and what a token may not do. */
let t: TestApp;
let tenant: TestTenant;

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createSignedInTenant(t);
});
afterAll(() => t.close());

const CLERK = ['customers:view', 'customers:create', 'customers:edit'];

async function issue(cookie: string, scope: string[], name = '連携') {
  const response = await api(t, cookie).post('/api/v1/api-tokens', {
    name,
    expiresInDays: 90,
    scope,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { token: string; apiToken: { tokenId: string } };
}

/** What an integration sends: the bearer token and no cookie, no CSRF header. */
function bearer(token: string) {
  const send = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  return {
    get: (url: string) => send('GET', url),
    post: (url: string, payload: unknown) => send('POST', url, payload),
    send,
  };
}

async function auditEvents(tenantId: string) {
  const { rows } = await t.db.superuser.query<{ event: string }>(
    'SELECT event FROM app.audit_log WHERE tenant_id = $1 ORDER BY seq',
    [tenantId],
  );
  return rows.map((r) => r.event);
}

describe('API tokens', () => {
  it('is shown once, stored only as a hash, and works as a bearer token within its scope', async () => {
    const user = await createUser(t, tenant, { loginId: 'clerk', permissions: CLERK });
    const { token, apiToken } = await issue(user.cookie, ['customers:view', 'customers:create']);
    expect(token).toMatch(new RegExp(`^akn_${tenant.tenantId}_[\\w-]{43}$`));
    const { rows } = await t.db.superuser.query(
      'SELECT token_hash, scope FROM app.api_tokens WHERE token_id = $1',
      [apiToken.tokenId],
    );
    expect(rows[0].token_hash).toHaveLength(32);
    expect(rows[0].token_hash.toString('latin1')).not.toContain(token.slice(-43));
    const list = (await api(t, user.cookie).get('/api/v1/api-tokens')).json();
    expect(JSON.stringify(list)).not.toContain(token.slice(-43));

    expect((await bearer(token).get('/api/v1/customers')).statusCode).toBe(200);
    const created = await bearer(token).post('/api/v1/customers', { code: 'API1', name: '連携' });
    expect(created.statusCode, created.body).toBe(201);
    const { rows: audit } = await t.db.superuser.query(
      `SELECT actor_label FROM app.audit_log WHERE tenant_id = $1 AND event = 'customer.created'`,
      [tenant.tenantId],
    );
    expect(audit[0].actor_label).toBe(`clerk (APIトークン ${apiToken.tokenId})`);
    // Beyond the token's scope, although the user could.
    const edit = await bearer(token).send('PUT', `/api/v1/customers/${created.json().customerId}`, {
      code: 'API1',
      name: '変更',
      version: 1,
    });
    expect(edit.statusCode).toBe(403);
  });

  it('cannot be issued with more than the user may do', async () => {
    const user = await createUser(t, tenant, {
      loginId: 'viewer',
      permissions: ['customers:view'],
    });
    const response = await api(t, user.cookie).post('/api/v1/api-tokens', {
      name: '欲張り',
      expiresInDays: 30,
      scope: ['customers:view', 'customers:delete'],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0]).toMatchObject({ path: 'scope' });
    expect(response.json().errors[0].message).toContain('customers:delete');
    const tooLong = await api(t, user.cookie).post('/api/v1/api-tokens', {
      name: '長すぎ',
      expiresInDays: 366,
      scope: ['customers:view'],
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().errors[0].path).toBe('expiresInDays');
  });

  it('narrows at once when the owner is moved to a group with fewer rights', async () => {
    const user = await createUser(t, tenant, { loginId: 'demoted', permissions: CLERK });
    const { token } = await issue(user.cookie, ['customers:view', 'customers:create']);
    await withTenantTransaction(t.db.pool, tenant.tenantId, (tx) =>
      tx.client.query(
        "UPDATE app.permission_groups SET permissions = '{customers:view}' WHERE name = 'group-demoted'",
      ),
    );
    expect((await bearer(token).get('/api/v1/customers')).statusCode).toBe(200);
    expect(
      (await bearer(token).post('/api/v1/customers', { code: 'NOPE', name: '不可' })).statusCode,
    ).toBe(403);
  });

  it('never reaches sign-in, password, token or admin routes, even for an admin', async () => {
    const { token } = await issue(tenant.adminCookie, ['customers:view']);
    const calls: [string, 'GET' | 'POST', string, unknown?][] = [
      ['me', 'GET', '/api/v1/auth/me'],
      ['password', 'POST', '/api/v1/auth/password', { currentPassword: 'x', newPassword: 'y' }],
      ['tokens', 'GET', '/api/v1/api-tokens'],
      [
        'mint',
        'POST',
        '/api/v1/api-tokens',
        { name: 'x', expiresInDays: 1, scope: ['customers:view'] },
      ],
      ['users', 'GET', '/api/v1/users'],
      ['settings', 'GET', '/api/v1/settings/system'],
      ['all tokens', 'GET', '/api/v1/admin/api-tokens'],
    ];
    for (const [label, method, url, body] of calls) {
      const response = await bearer(token).send(method, url, body);
      expect(response.statusCode, label).toBe(403);
      expect(response.json().code, label).toBe('api_token_not_allowed');
    }
  });

  it('answers 401 once revoked or expired, and for a token of another tenant', async () => {
    const user = await createUser(t, tenant, { loginId: 'revoker', permissions: CLERK });
    const revoked = await issue(user.cookie, ['customers:view']);
    const expired = await issue(user.cookie, ['customers:view']);
    const removed = await api(t, user.cookie).send(
      'DELETE',
      `/api/v1/api-tokens/${revoked.apiToken.tokenId}`,
    );
    expect(removed.statusCode).toBe(204);
    expect((await bearer(revoked.token).get('/api/v1/customers')).statusCode).toBe(401);
    await t.db.superuser.query(
      "UPDATE app.api_tokens SET expires_at = now() - interval '1 second' WHERE token_id = $1",
      [expired.apiToken.tokenId],
    );
    expect((await bearer(expired.token).get('/api/v1/customers')).statusCode).toBe(401);

    // Another tenant's id with this tenant's valid secret finds nothing there.
    const other = await createSignedInTenant(t);
    const live = await issue(user.cookie, ['customers:view']);
    const forged = live.token.replace(tenant.tenantId, other.tenantId);
    expect((await bearer(forged).get('/api/v1/customers')).statusCode).toBe(401);
    expect((await bearer(live.token).get('/api/v1/customers')).statusCode).toBe(200);
    expect((await bearer('akn_garbage').get('/api/v1/customers')).statusCode).toBe(401);
  });

  it('lets the owner list and revoke only their own tokens; admins see and revoke all', async () => {
    const alice = await createUser(t, tenant, { loginId: 'alice', permissions: CLERK });
    const bob = await createUser(t, tenant, { loginId: 'bob', permissions: CLERK });
    const alices = await issue(alice.cookie, ['customers:view'], 'alice-token');
    const bobs = await issue(bob.cookie, ['customers:view'], 'bob-token');

    const own = (await api(t, alice.cookie).get('/api/v1/api-tokens')).json();
    expect(own.items.map((i: { name: string }) => i.name)).toEqual(['alice-token']);
    expect(own.items[0]).toMatchObject({ lastUsedAt: null, owner: { loginId: 'alice' } });
    const notHers = await api(t, alice.cookie).send(
      'DELETE',
      `/api/v1/api-tokens/${bobs.apiToken.tokenId}`,
    );
    expect(notHers.statusCode).toBe(404);
    expect((await bearer(bobs.token).get('/api/v1/customers')).statusCode).toBe(200);

    await bearer(alices.token).get('/api/v1/customers');
    const used = (await api(t, alice.cookie).get('/api/v1/api-tokens')).json();
    expect(used.items[0].lastUsedAt).not.toBeNull();

    const all = (await api(t, tenant.adminCookie).get('/api/v1/admin/api-tokens')).json();
    const names = all.items.map((i: { name: string }) => i.name);
    expect(names).toEqual(expect.arrayContaining(['alice-token', 'bob-token']));
    const byAdmin = await api(t, tenant.adminCookie).send(
      'DELETE',
      `/api/v1/admin/api-tokens/${bobs.apiToken.tokenId}`,
    );
    expect(byAdmin.statusCode).toBe(204);
    expect((await bearer(bobs.token).get('/api/v1/customers')).statusCode).toBe(401);
    const events = await auditEvents(tenant.tenantId);
    expect(events.filter((e) => e === 'api_token.revoked').length).toBeGreaterThanOrEqual(2);
    expect(events.filter((e) => e === 'api_token.created').length).toBeGreaterThanOrEqual(2);
  });

  it('moves last_used_at at most once a minute and writes no audit row per use', async () => {
    const user = await createUser(t, tenant, { loginId: 'busy', permissions: CLERK });
    const { token, apiToken } = await issue(user.cookie, ['customers:view']);
    const before = (await auditEvents(tenant.tenantId)).length;
    await bearer(token).get('/api/v1/customers');
    const first = await t.db.superuser.query(
      'SELECT last_used_at FROM app.api_tokens WHERE token_id = $1',
      [apiToken.tokenId],
    );
    await bearer(token).get('/api/v1/customers');
    const second = await t.db.superuser.query(
      'SELECT last_used_at FROM app.api_tokens WHERE token_id = $1',
      [apiToken.tokenId],
    );
    expect(second.rows[0].last_used_at).toEqual(first.rows[0].last_used_at);
    expect((await auditEvents(tenant.tenantId)).length).toBe(before);
  });

  it('dies with its owner: disabled (for good) or deleted', async () => {
    // A tenant of its own: re-enabling needs a free seat.
    const own = await createSignedInTenant(t);
    const disabled = await createUser(t, own, { loginId: 'leaver', permissions: CLERK });
    const deleted = await createUser(t, own, { loginId: 'gone', permissions: CLERK });
    const a = await issue(disabled.cookie, ['customers:view']);
    const b = await issue(deleted.cookie, ['customers:view']);
    const user = (await api(t, own.adminCookie).get(`/api/v1/users/${disabled.userId}`)).json();
    const off = await api(t, own.adminCookie).put(`/api/v1/users/${disabled.userId}`, {
      loginId: user.loginId,
      name: user.name,
      groupId: user.groupId,
      isActive: false,
      version: user.version,
    });
    expect(off.statusCode, off.body).toBe(200);
    expect((await bearer(a.token).get('/api/v1/customers')).statusCode).toBe(401);
    const on = await api(t, own.adminCookie).put(`/api/v1/users/${disabled.userId}`, {
      loginId: user.loginId,
      name: user.name,
      groupId: user.groupId,
      isActive: true,
      version: user.version + 1,
    });
    expect(on.statusCode, on.body).toBe(200);
    expect((await bearer(a.token).get('/api/v1/customers')).statusCode).toBe(401);

    const gone = await api(t, own.adminCookie).send('DELETE', `/api/v1/users/${deleted.userId}`);
    expect(gone.statusCode).toBe(204);
    expect((await bearer(b.token).get('/api/v1/customers')).statusCode).toBe(401);
  });

  it('leaves cookie sign-in alone when a proxy adds HTTP Basic credentials', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { authorization: 'Basic c3RhZ2luZzpzZWNyZXQ=', cookie: tenant.adminCookie },
    });
    expect(response.statusCode).toBe(200);
  });

  it('keeps the CSRF check when a cookie comes along with the bearer token', async () => {
    const { token } = await issue(tenant.adminCookie, ['customers:view', 'customers:create']);
    const withCookie = await t.app.inject({
      method: 'POST',
      url: '/api/v1/customers',
      headers: { authorization: `Bearer ${token}`, cookie: tenant.adminCookie },
      payload: { code: 'CSRF1', name: 'クッキー付き' },
    });
    expect(withCookie.statusCode).toBe(403);
    expect(withCookie.json().code).toBe('csrf_rejected');
  });
});
