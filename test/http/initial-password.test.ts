import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  createSignedInTenant,
  createTestApp,
  login,
  type TestApp,
  type TestTenant,
} from '../support/app';

/** §7: initial passwords are valid 72 hours, work once, and force a change before anything else. */
let t: TestApp;
let tenant: TestTenant;
beforeAll(async () => {
  t = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
  tenant = await createSignedInTenant(t);
  await t.db.superuser.query('UPDATE app.tenants SET seat_limit = 50 WHERE tenant_id = $1', [
    tenant.tenantId,
  ]);
});
afterAll(() => t.close());

const INITIAL = 'initial passphrase for you';
const NEW = 'a passphrase only I know';

async function register(loginId: string): Promise<string> {
  const response = await api(t, tenant.adminCookie).post('/api/v1/users', {
    loginId,
    name: '新人 次郎',
    initialPassword: INITIAL,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().user.userId;
}

const loginAnswer = (loginId: string, password: string) =>
  api(t).post('/api/v1/auth/login', { tenantCode: tenant.code, loginId, password });

describe('initial password', () => {
  it('blocks every route except me, logout and password change until the password is changed', async () => {
    await register('newcomer');
    const cookie = await login(t, tenant.code, 'newcomer', INITIAL);
    const me = await api(t, cookie).get('/api/v1/auth/me');
    expect(me.json().user.mustChangePassword).toBe(true);
    for (const url of ['/api/v1/customers', '/api/v1/users']) {
      const blocked = await api(t, cookie).get(url);
      expect(blocked.statusCode, url).toBe(403);
      expect(blocked.json()).toMatchObject({
        code: 'password_change_required',
        title: '初期パスワードのままです。パスワードを変更してから操作してください。',
      });
    }
    const changed = await api(t, cookie).post('/api/v1/auth/password', {
      currentPassword: INITIAL,
      newPassword: NEW,
    });
    expect(changed.statusCode).toBe(204);
    expect((await api(t, cookie).get('/api/v1/auth/me')).json().user.mustChangePassword).toBe(
      false,
    );
    // No group yet: an ordinary 403, no longer the password-change one.
    expect((await api(t, cookie).get('/api/v1/customers')).json().code).toBe('forbidden');
    expect((await loginAnswer('newcomer', NEW)).statusCode).toBe(204);
  });

  it('works only once: a second sign-in with it fails like a wrong password', async () => {
    await register('once');
    await login(t, tenant.code, 'once', INITIAL);
    const second = await loginAnswer('once', INITIAL);
    expect(second.statusCode).toBe(401);
    expect(second.json().code).toBe('invalid_credentials');
  });

  it('expires after 72 hours with the same neutral answer, and the failure is audited', async () => {
    const userId = await register('late');
    await t.db.superuser.query(
      "UPDATE app.users SET initial_password_expires_at = now() - interval '1 second' WHERE user_id = $1",
      [userId],
    );
    const answer = await loginAnswer('late', INITIAL);
    expect(answer.statusCode).toBe(401);
    expect(answer.json().code).toBe('invalid_credentials');
    const { rows } = await t.db.superuser.query(
      "SELECT after FROM app.audit_log WHERE tenant_id = $1 AND event = 'auth.login_failed' AND target_id = $2",
      [tenant.tenantId, userId],
    );
    expect(rows).toEqual([{ after: { reason: 'initial_password_expired' } }]);
  });
});

describe('password change', () => {
  it('needs the right current password and a new one that passes the rules', async () => {
    await register('picky');
    const cookie = await login(t, tenant.code, 'picky', INITIAL);
    const wrong = await api(t, cookie).post('/api/v1/auth/password', {
      currentPassword: 'not it at all, sorry',
      newPassword: NEW,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({
      code: 'current_password_incorrect',
      errors: [{ path: 'currentPassword' }],
    });
    for (const [newPassword, message] of [
      ['too short', 'パスワードは15文字以上で入力してください'],
      ['123456789012345', 'よく使われているパスワードのため使用できません'],
      [`my-${tenant.code}-password`, 'パスワードに組織コードを含めることはできません'],
      ['PICKY is my name, ok', 'パスワードにログインIDを含めることはできません'],
      [INITIAL, '現在のパスワードと異なるパスワードを入力してください'],
    ]) {
      const refused = await api(t, cookie).post('/api/v1/auth/password', {
        currentPassword: INITIAL,
        newPassword,
      });
      expect(refused.statusCode, newPassword).toBe(400);
      expect(refused.json().errors, newPassword).toContainEqual({ path: 'newPassword', message });
    }
  });

  it('ends the other sessions of the user, keeps the current one, and is audited', async () => {
    await register('traveller');
    const first = await login(t, tenant.code, 'traveller', INITIAL);
    const changed = await api(t, first).post('/api/v1/auth/password', {
      currentPassword: INITIAL,
      newPassword: NEW,
    });
    expect(changed.statusCode).toBe(204);
    const second = await login(t, tenant.code, 'traveller', NEW);
    const again = await api(t, second).post('/api/v1/auth/password', {
      currentPassword: NEW,
      newPassword: 'yet another passphrase',
    });
    expect(again.statusCode).toBe(204);
    expect((await api(t, first).get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await api(t, second).get('/api/v1/auth/me')).statusCode).toBe(200);
    const { rows } = await t.db.superuser.query(
      "SELECT actor_label, after FROM app.audit_log WHERE tenant_id = $1 AND event = 'auth.password_changed' AND actor_label = 'traveller' ORDER BY seq",
      [tenant.tenantId],
    );
    expect(rows).toEqual([
      { actor_label: 'traveller', after: { otherSessionsEnded: 0, wasInitialPassword: true } },
      { actor_label: 'traveller', after: { otherSessionsEnded: 1, wasInitialPassword: false } },
    ]);
  });
});
