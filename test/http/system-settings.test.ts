import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  createSignedInTenant,
  createTestApp,
  createUser,
  login,
  TEST_PASSWORD,
  type TestApp,
  type TestTenant,
} from '../support/app';

/** システム設定: the admin API, its audit, and what the settings do to sessions and passwords. */
let t: TestApp;
let tenant: TestTenant;

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createSignedInTenant(t);
});
afterAll(() => t.close());

const base = {
  adminEmail: '',
  idleTimeoutMinutes: 30,
  passwordExpiryDays: 0,
  passwordNoticeDays: 0,
};

async function settingsOf(cookie: string) {
  const response = await api(t, cookie).get('/api/v1/settings/system');
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function save(cookie: string, body: Record<string, unknown>) {
  const current = await settingsOf(cookie);
  return api(t, cookie).put('/api/v1/settings/system', {
    ...base,
    ...body,
    version: current.version,
  });
}

/** Moves the user's password clock, as if the password had been set `days` ago. */
async function passwordAge(tenantId: string, loginId: string, days: number) {
  await t.db.superuser.query(
    `UPDATE app.users SET password_changed_at = now() - make_interval(days => $3)
      WHERE tenant_id = $1 AND login_id = $2`,
    [tenantId, loginId, days],
  );
}

describe('システム設定 API', () => {
  it('starts with the defaults: 30 minutes idle, 12 hours absolute, no password expiry', async () => {
    const other = await createSignedInTenant(t);
    expect(await settingsOf(other.adminCookie)).toMatchObject({
      adminEmail: '',
      idleTimeoutMinutes: 30,
      absoluteSessionHours: 12,
      passwordExpiryDays: 0,
      passwordNoticeDays: 0,
      version: 1,
    });
  });

  it('saves the settings and audits what changed, before and after', async () => {
    const saved = await save(tenant.adminCookie, {
      adminEmail: 'kanri@example.jp',
      idleTimeoutMinutes: 45,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ adminEmail: 'kanri@example.jp', idleTimeoutMinutes: 45 });
    const { rows } = await t.db.superuser.query(
      `SELECT actor_label, before, after FROM app.audit_log
        WHERE tenant_id = $1 AND event = 'settings.system_updated' ORDER BY seq`,
      [tenant.tenantId],
    );
    expect(rows.at(-1)).toEqual({
      actor_label: 'admin',
      before: { adminEmail: '', idleTimeoutMinutes: 30 },
      after: { adminEmail: 'kanri@example.jp', idleTimeoutMinutes: 45 },
    });
  });

  it('refuses a stale version with 409 and keeps the newer values', async () => {
    const current = await settingsOf(tenant.adminCookie);
    const first = await api(t, tenant.adminCookie).put('/api/v1/settings/system', {
      ...base,
      idleTimeoutMinutes: 20,
      version: current.version,
    });
    expect(first.statusCode).toBe(200);
    const stale = await api(t, tenant.adminCookie).put('/api/v1/settings/system', {
      ...base,
      idleTimeoutMinutes: 60,
      version: current.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    expect((await settingsOf(tenant.adminCookie)).idleTimeoutMinutes).toBe(20);
  });

  it('rejects an idle timeout over 60 minutes and notice days not below the expiry, in Japanese', async () => {
    const tooLong = await save(tenant.adminCookie, { idleTimeoutMinutes: 61 });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().errors).toEqual([
      {
        path: 'idleTimeoutMinutes',
        message: '自動ログアウトまでの時間は60分以内で入力してください',
      },
    ]);
    const notice = await save(tenant.adminCookie, {
      passwordExpiryDays: 30,
      passwordNoticeDays: 30,
    });
    expect(notice.statusCode).toBe(400);
    expect(notice.json().errors).toEqual([
      {
        path: 'passwordNoticeDays',
        message: '変更通知の日数は、パスワードの有効期限の日数より小さくしてください',
      },
    ]);
    const badEmail = await save(tenant.adminCookie, { adminEmail: 'not an address' });
    expect(badEmail.statusCode).toBe(400);
    expect(badEmail.json().errors[0].path).toBe('adminEmail');
  });

  it('applies a shorter idle timeout to live sessions on their next request', async () => {
    const other = await createSignedInTenant(t);
    expect((await save(other.adminCookie, { idleTimeoutMinutes: 10 })).statusCode).toBe(200);
    const user = await createUser(t, other, { loginId: 'idle', permissions: [] });
    await t.db.superuser.query(
      `UPDATE app.sessions s SET last_seen_at = now() - interval '11 minutes'
         FROM app.users u WHERE u.tenant_id = s.tenant_id AND u.user_id = s.user_id
          AND s.tenant_id = $1 AND u.login_id = 'idle'`,
      [other.tenantId],
    );
    expect((await api(t, user.cookie).get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await api(t, other.adminCookie).get('/api/v1/auth/me')).statusCode).toBe(200);
  });
});

describe('password expiry', () => {
  let expiring: TestTenant;
  beforeAll(async () => {
    expiring = await createSignedInTenant(t);
    const saved = await save(expiring.adminCookie, {
      passwordExpiryDays: 90,
      passwordNoticeDays: 14,
    });
    expect(saved.statusCode, saved.body).toBe(200);
  });

  it('is off by default: a password of any age keeps working', async () => {
    const other = await createSignedInTenant(t);
    await passwordAge(other.tenantId, 'admin', 5000);
    const me = await api(t, other.adminCookie).get('/api/v1/auth/me');
    expect(me.json().user).toMatchObject({
      mustChangePassword: false,
      passwordExpired: false,
      passwordExpiresInDays: null,
    });
  });

  it('says nothing before the notice period and the days left inside it', async () => {
    const user = await createUser(t, expiring, {
      loginId: 'notice',
      permissions: ['customers:view'],
    });
    await passwordAge(expiring.tenantId, 'notice', 70);
    expect(
      (await api(t, user.cookie).get('/api/v1/auth/me')).json().user.passwordExpiresInDays,
    ).toBe(null);
    await passwordAge(expiring.tenantId, 'notice', 80);
    const me = (await api(t, user.cookie).get('/api/v1/auth/me')).json();
    expect(me.user).toMatchObject({ passwordExpiresInDays: 10, mustChangePassword: false });
    expect((await api(t, user.cookie).get('/api/v1/customers')).statusCode).toBe(200);
  });

  it('lets an expired password sign in only to change it; the change restarts the clock', async () => {
    await createUser(t, expiring, { loginId: 'expired', permissions: ['customers:view'] });
    await passwordAge(expiring.tenantId, 'expired', 90);
    const cookie = await login(t, expiring.code, 'expired', TEST_PASSWORD);
    const me = (await api(t, cookie).get('/api/v1/auth/me')).json();
    expect(me.user).toMatchObject({ mustChangePassword: true, passwordExpired: true });
    const { rows: signIns } = await t.db.superuser.query(
      `SELECT after FROM app.audit_log WHERE tenant_id = $1 AND event = 'auth.login_succeeded'
        AND actor_label = 'expired' ORDER BY seq`,
      [expiring.tenantId],
    );
    expect(signIns.map((r) => r.after)).toEqual([null, { passwordExpired: true }]);
    const blocked = await api(t, cookie).get('/api/v1/customers');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('password_expired');
    expect(blocked.json().title).toContain('有効期限');

    const changed = await api(t, cookie).post('/api/v1/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'a fresh passphrase for spring',
    });
    expect(changed.statusCode, changed.body).toBe(204);
    const after = (await api(t, cookie).get('/api/v1/auth/me')).json();
    expect(after.user).toMatchObject({
      mustChangePassword: false,
      passwordExpired: false,
      passwordExpiresInDays: null,
    });
    expect((await api(t, cookie).get('/api/v1/customers')).statusCode).toBe(200);
    const { rows } = await t.db.superuser.query(
      `SELECT now() - password_changed_at < interval '1 minute' AS fresh FROM app.users
        WHERE tenant_id = $1 AND login_id = 'expired'`,
      [expiring.tenantId],
    );
    expect(rows[0].fresh).toBe(true);
  });

  it('starts the clock when an admin issues an initial password', async () => {
    const created = await api(t, expiring.adminCookie).post('/api/v1/users', {
      loginId: 'newcomer',
      name: '新人',
      isActive: false,
    });
    expect(created.statusCode).toBe(201);
    await passwordAge(expiring.tenantId, 'newcomer', 400);
    const reissued = await api(t, expiring.adminCookie).post(
      `/api/v1/users/${created.json().user.userId}/initial-password`,
      {},
    );
    expect(reissued.statusCode).toBe(200);
    const { rows } = await t.db.superuser.query(
      `SELECT now() - password_changed_at < interval '1 minute' AS fresh FROM app.users
        WHERE tenant_id = $1 AND login_id = 'newcomer'`,
      [expiring.tenantId],
    );
    expect(rows[0].fresh).toBe(true);
  });
});
