import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  createSignedInTenant,
  createTestApp,
  login,
  type TestApp,
  type TestTenant,
} from '../support/app';

/** 担当者 management by an org admin: seats, the last admin, sessions, audit. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
});
afterAll(() => t.close());

const PASSWORD = 'a long initial passphrase 2026';

async function newTenant(seatLimit = 20): Promise<TestTenant> {
  const tenant = await createSignedInTenant(t);
  await t.db.superuser.query('UPDATE app.tenants SET seat_limit = $2 WHERE tenant_id = $1', [
    tenant.tenantId,
    seatLimit,
  ]);
  return tenant;
}

async function generalGroupId(tenant: TestTenant): Promise<string> {
  const groups = (await api(t, tenant.adminCookie).get('/api/v1/permission-groups')).json();
  return groups.items.find((g: { name: string }) => g.name === '一般').groupId;
}

async function createStaff(tenant: TestTenant, body: Record<string, unknown> = {}) {
  const response = await api(t, tenant.adminCookie).post('/api/v1/users', {
    loginId: `staff${Math.floor(Math.random() * 1e9)}`,
    name: '販売 太郎',
    initialPassword: PASSWORD,
    ...body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().user as { userId: string; loginId: string; version: number };
}

/** Signs in with the initial password and replaces it; returns a working cookie. */
async function activate(tenant: TestTenant, loginId: string): Promise<string> {
  const cookie = await login(t, tenant.code, loginId, PASSWORD);
  const changed = await api(t, cookie).post('/api/v1/auth/password', {
    currentPassword: PASSWORD,
    newPassword: 'my own new passphrase 2026',
  });
  expect(changed.statusCode, changed.body).toBe(204);
  return cookie;
}

async function auditRows(tenant: TestTenant, event: string) {
  const { rows } = await t.db.superuser.query(
    'SELECT actor_label, target_id, before, after FROM app.audit_log WHERE tenant_id = $1 AND event = $2 ORDER BY seq',
    [tenant.tenantId, event],
  );
  return rows;
}

describe('registering users', () => {
  it('lists users with the seat count and shows a new user on the list', async () => {
    const tenant = await newTenant(7);
    const user = await createStaff(tenant, { kana: 'ハンバイタロウ', department: '営業部' });
    const list = (await api(t, tenant.adminCookie).get('/api/v1/users')).json();
    expect(list).toMatchObject({ seatLimit: 7, activeCount: 2 });
    expect(list.items.map((u: { loginId: string }) => u.loginId)).toEqual(
      ['admin', user.loginId].sort(),
    );
    const one = (await api(t, tenant.adminCookie).get(`/api/v1/users/${user.userId}`)).json();
    expect(one).toMatchObject({
      kana: 'ハンバイタロウ',
      department: '営業部',
      mustChangePassword: true,
      isOrgAdmin: false,
    });
    expect(Date.parse(one.initialPasswordExpiresAt) - Date.now()).toBeGreaterThan(71.9 * 3600_000);
  });

  it('generates an initial password when none is given and returns it only once', async () => {
    const tenant = await newTenant();
    const response = await api(t, tenant.adminCookie).post('/api/v1/users', {
      loginId: 'generated',
      name: '生成 花子',
    });
    expect(response.statusCode).toBe(201);
    const { user, initialPassword } = response.json();
    expect(initialPassword.generatedPassword).toMatch(/^[A-Za-z2-9]{5}(-[A-Za-z2-9]{5}){3}$/);
    const again = await api(t, tenant.adminCookie).get(`/api/v1/users/${user.userId}`);
    expect(again.body).not.toContain(initialPassword.generatedPassword);
    await login(t, tenant.code, 'generated', initialPassword.generatedPassword);
    const { rows } = await t.db.superuser.query(
      'SELECT count(*)::int AS n FROM app.audit_log WHERE tenant_id = $1 AND (before::text LIKE $2 OR after::text LIKE $2)',
      [tenant.tenantId, `%${initialPassword.generatedPassword}%`],
    );
    expect(rows[0].n).toBe(0);
  });

  it('refuses a weak specified password, a taken login ID and a full-width login ID', async () => {
    const tenant = await newTenant();
    const weak = await api(t, tenant.adminCookie).post('/api/v1/users', {
      loginId: 'weak',
      name: '弱い',
      initialPassword: 'password1234567',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors).toEqual([
      { path: 'initialPassword', message: 'よく使われているパスワードのため使用できません' },
    ]);
    const containsLoginId = await api(t, tenant.adminCookie).post('/api/v1/users', {
      loginId: 'suzuki',
      name: '鈴木',
      initialPassword: 'Suzuki-no-password-desu',
    });
    expect(containsLoginId.json().errors[0].message).toBe(
      'パスワードにログインIDを含めることはできません',
    );
    await createStaff(tenant, { loginId: 'taken' });
    const taken = await api(t, tenant.adminCookie).post('/api/v1/users', {
      loginId: 'taken',
      name: '重複',
      initialPassword: PASSWORD,
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'login_id_taken' });
    const wide = await api(t, tenant.adminCookie).post('/api/v1/users', {
      loginId: 'ｔａｎａｋａ',
      name: '全角',
    });
    expect(wide.statusCode).toBe(400);
    expect(wide.json().errors[0].path).toBe('loginId');
  });

  it('answers 409 on a stale version', async () => {
    const tenant = await newTenant();
    const user = await createStaff(tenant);
    const body = { loginId: user.loginId, name: '改名', version: user.version };
    expect(
      (await api(t, tenant.adminCookie).put(`/api/v1/users/${user.userId}`, body)).statusCode,
    ).toBe(200);
    const stale = await api(t, tenant.adminCookie).put(`/api/v1/users/${user.userId}`, body);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
  });
});

describe('seat limit', () => {
  it('lets exactly N of N+3 parallel creations through when N seats are free', async () => {
    const free = 3;
    const tenant = await newTenant(1 + free);
    const answers = await Promise.all(
      Array.from({ length: free + 3 }, (_, i) =>
        api(t, tenant.adminCookie).post('/api/v1/users', {
          loginId: `parallel${i}`,
          name: `並行 ${i}`,
          initialPassword: PASSWORD,
        }),
      ),
    );
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes).toEqual([201, 201, 201, 409, 409, 409]);
    const refused = answers.find((a) => a.statusCode === 409)!.json();
    expect(refused).toMatchObject({ code: 'seat_limit_reached' });
    expect(refused.title).toMatch(/利用人数の上限/);
    const list = (await api(t, tenant.adminCookie).get('/api/v1/users')).json();
    expect(list.activeCount).toBe(1 + free);
  });

  it('counts only active users: an inactive user can be registered, but not re-activated beyond the limit', async () => {
    const tenant = await newTenant(2);
    await createStaff(tenant);
    const dormant = await createStaff(tenant, { isActive: false });
    const reactivate = await api(t, tenant.adminCookie).put(`/api/v1/users/${dormant.userId}`, {
      loginId: dormant.loginId,
      name: '復帰',
      isActive: true,
      version: dormant.version,
    });
    expect(reactivate.statusCode).toBe(409);
    expect(reactivate.json().code).toBe('seat_limit_reached');
  });
});

describe('the last org admin', () => {
  it('cannot be demoted, disabled or deleted; granting and removing the role is audited', async () => {
    const tenant = await newTenant();
    const admin = (await api(t, tenant.adminCookie).get('/api/v1/users')).json().items[0];
    const self = { loginId: 'admin', name: '管理者', version: admin.version };
    for (const change of [
      { isOrgAdmin: false, isActive: true },
      { isOrgAdmin: true, isActive: false },
    ]) {
      const answer = await api(t, tenant.adminCookie).put(`/api/v1/users/${admin.userId}`, {
        ...self,
        ...change,
      });
      expect(answer.statusCode, JSON.stringify(change)).toBe(409);
      expect(answer.json().code).toBe('last_org_admin');
    }
    const remove = await api(t, tenant.adminCookie).send('DELETE', `/api/v1/users/${admin.userId}`);
    expect(remove.statusCode).toBe(409);

    const second = await createStaff(tenant, { loginId: 'second', isOrgAdmin: true });
    expect(await auditRows(tenant, 'user.org_admin_granted')).toMatchObject([
      { actor_label: 'admin', target_id: second.userId },
    ]);
    const demote = await api(t, tenant.adminCookie).put(`/api/v1/users/${admin.userId}`, {
      ...self,
      isOrgAdmin: false,
    });
    expect(demote.statusCode).toBe(200);
    expect(await auditRows(tenant, 'user.org_admin_revoked')).toMatchObject([
      { actor_label: 'admin', target_id: admin.userId },
    ]);
  });

  it('lets only one of two admins demoting each other at once succeed', async () => {
    const tenant = await newTenant();
    const other = await createStaff(tenant, { loginId: 'other-admin', isOrgAdmin: true });
    const otherCookie = await activate(tenant, 'other-admin');
    const admin = (await api(t, tenant.adminCookie).get('/api/v1/users')).json().items[0];
    const answers = await Promise.all([
      api(t, tenant.adminCookie).put(`/api/v1/users/${other.userId}`, {
        loginId: 'other-admin',
        name: '販売 太郎',
        isOrgAdmin: false,
        version: other.version,
      }),
      api(t, otherCookie).put(`/api/v1/users/${admin.userId}`, {
        loginId: 'admin',
        name: '管理者',
        isOrgAdmin: false,
        version: admin.version,
      }),
    ]);
    const codes = answers.map((a) => a.statusCode);
    // The loser is refused by the access layer (403, no longer an admin) or by the guard (409).
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    const { rows } = await t.db.superuser.query(
      'SELECT count(*)::int AS n FROM app.users WHERE tenant_id = $1 AND is_org_admin AND is_active',
      [tenant.tenantId],
    );
    expect(rows[0].n).toBe(1);
  });
});

describe('ending sessions', () => {
  it('disabling a user ends their live session at once, and re-enabling does not revive it', async () => {
    const tenant = await newTenant();
    const user = await createStaff(tenant, { groupId: await generalGroupId(tenant) });
    const cookie = await activate(tenant, user.loginId);
    expect((await api(t, cookie).get('/api/v1/customers')).statusCode).toBe(200);
    const current = (await api(t, tenant.adminCookie).get(`/api/v1/users/${user.userId}`)).json();
    const body = { loginId: user.loginId, name: '販売 太郎', groupId: current.groupId };
    const disabled = await api(t, tenant.adminCookie).put(`/api/v1/users/${user.userId}`, {
      ...body,
      isActive: false,
      version: current.version,
    });
    expect(disabled.statusCode).toBe(200);
    expect((await api(t, cookie).get('/api/v1/customers')).statusCode).toBe(401);
    await api(t, tenant.adminCookie).put(`/api/v1/users/${user.userId}`, {
      ...body,
      isActive: true,
      version: current.version + 1,
    });
    expect((await api(t, cookie).get('/api/v1/auth/me')).statusCode).toBe(401);
    expect(await auditRows(tenant, 'user.sessions_revoked')).toHaveLength(1);
  });

  it('deleting a user ends their session and keeps their name on the audit rows they wrote', async () => {
    const tenant = await newTenant();
    const user = await createStaff(tenant, { loginId: 'leaver' });
    const cookie = await activate(tenant, 'leaver');
    const removed = await api(t, tenant.adminCookie).send('DELETE', `/api/v1/users/${user.userId}`);
    expect(removed.statusCode).toBe(204);
    expect((await api(t, cookie).get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await api(t, tenant.adminCookie).get(`/api/v1/users/${user.userId}`)).statusCode).toBe(
      404,
    );
    expect(await auditRows(tenant, 'auth.password_changed')).toMatchObject([
      { actor_label: 'leaver' },
    ]);
    expect(await auditRows(tenant, 'user.deleted')).toMatchObject([
      { actor_label: 'admin', before: { loginId: 'leaver' } },
    ]);
  });

  it('reissuing the initial password ends the sessions and forces a change again', async () => {
    const tenant = await newTenant();
    const user = await createStaff(tenant, { loginId: 'forgetful' });
    const cookie = await activate(tenant, 'forgetful');
    const reissued = await api(t, tenant.adminCookie).post(
      `/api/v1/users/${user.userId}/initial-password`,
      {},
    );
    expect(reissued.statusCode).toBe(200);
    expect((await api(t, cookie).get('/api/v1/auth/me')).statusCode).toBe(401);
    const fresh = await login(t, tenant.code, 'forgetful', reissued.json().generatedPassword);
    expect((await api(t, fresh).get('/api/v1/auth/me')).json().user.mustChangePassword).toBe(true);
    expect(await auditRows(tenant, 'user.initial_password_issued')).toMatchObject([
      { actor_label: 'admin', after: { generated: false } },
      { actor_label: 'admin', after: { generated: true } },
    ]);
  });
});
