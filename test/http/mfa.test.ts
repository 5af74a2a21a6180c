import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTotp } from '../../src/server/platform/auth/totp';
import {
  api,
  createSignedInTenant,
  createTestApp,
  createUser,
  login,
  sessionCookieFrom,
  TEST_PASSWORD,
  type TestApp,
  type TestTenant,
} from '../support/app';

let t: TestApp;
let tenant: TestTenant;

beforeAll(async () => {
  t = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '10000' });
  tenant = await createSignedInTenant(t);
});
afterAll(() => t.close());

/** Enrols the signed-in user; returns the key the authenticator app would hold. */
async function enrol(cookie: string): Promise<{ secret: string; recoveryCodes: string[] }> {
  const started = await api(t, cookie).post('/api/v1/auth/mfa/enrolment', {
    password: TEST_PASSWORD,
  });
  expect(started.statusCode).toBe(200);
  const { secret, otpauthUri, qrCodeDataUrl } = started.json();
  expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/Akinai:.*secret=/);
  expect(qrCodeDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
  const confirmed = await api(t, cookie).post('/api/v1/auth/mfa/enrolment/confirm', {
    code: currentTotp(secret),
  });
  expect(confirmed.statusCode).toBe(200);
  return { secret, recoveryCodes: confirmed.json().recoveryCodes };
}

/** Lets the next code be accepted in the same 30 s step (the used-step guard is tested apart). */
async function forgetLastStep(loginId: string) {
  await t.db.superuser.query(
    'UPDATE app.users SET mfa_last_step = mfa_last_step - 10 WHERE tenant_id = $1 AND login_id = $2',
    [tenant.tenantId, loginId],
  );
}

async function auditCount(event: string): Promise<number> {
  const { rows } = await t.db.superuser.query(
    'SELECT count(*)::int AS n FROM app.audit_log WHERE tenant_id = $1 AND event = $2',
    [tenant.tenantId, event],
  );
  return rows[0].n;
}

describe('TOTP enrolment', () => {
  it('needs a correct first code, then stores the secret encrypted and the recovery codes hashed', async () => {
    const user = await createUser(t, tenant, { loginId: 'enroller', permissions: [] });
    const started = (
      await api(t, user.cookie).post('/api/v1/auth/mfa/enrolment', { password: TEST_PASSWORD })
    ).json();
    const wrong = await api(t, user.cookie).post('/api/v1/auth/mfa/enrolment/confirm', {
      code: currentTotp(started.secret, Date.now() - 120_000),
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe('mfa_code_invalid');
    const ok = await api(t, user.cookie).post('/api/v1/auth/mfa/enrolment/confirm', {
      code: currentTotp(started.secret),
    });
    expect(ok.statusCode).toBe(200);
    const codes: string[] = ok.json().recoveryCodes;
    expect(new Set(codes).size).toBe(10);

    const { rows } = await t.db.superuser.query(
      'SELECT mfa_secret, mfa_pending_secret, mfa_recovery_hashes FROM app.users WHERE user_id = $1',
      [user.userId],
    );
    expect(rows[0].mfa_secret).toMatch(/^v1\./);
    expect(rows[0].mfa_secret).not.toContain(started.secret);
    expect(rows[0].mfa_pending_secret).toBeNull();
    expect(rows[0].mfa_recovery_hashes).toHaveLength(10);
    expect(rows[0].mfa_recovery_hashes.join()).not.toContain(codes[0]!.replace('-', ''));
    expect((await api(t, user.cookie).get('/api/v1/auth/mfa')).json()).toMatchObject({
      enabled: true,
      recoveryCodesLeft: 10,
    });
    expect(await auditCount('auth.mfa_enabled')).toBeGreaterThanOrEqual(1);
    // Enrolling again is refused until MFA is turned off.
    expect(
      (await api(t, user.cookie).post('/api/v1/auth/mfa/enrolment', { password: TEST_PASSWORD }))
        .statusCode,
    ).toBe(409);
  });
});

describe('two-step sign-in', () => {
  it('gives a session that can only take the code, and a new full session after it', async () => {
    const user = await createUser(t, tenant, {
      loginId: 'twostep',
      permissions: ['customers:view'],
    });
    const { secret } = await enrol(user.cookie);

    const pending = await login(t, tenant.code, 'twostep', TEST_PASSWORD);
    expect((await api(t, pending).get('/api/v1/auth/me')).json().sessionStage).toBe('mfa');
    const refused = await api(t, pending).get('/api/v1/customers');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('mfa_verification_required');

    // The code used at enrolment is spent: replaying it fails.
    const replay = await api(t, pending).post('/api/v1/auth/mfa/verify', {
      code: currentTotp(secret),
    });
    expect(replay.statusCode).toBe(400);

    const verified = await api(t, pending).post('/api/v1/auth/mfa/verify', {
      code: currentTotp(secret, Date.now() + 30_000),
    });
    expect(verified.statusCode).toBe(204);
    const full = sessionCookieFrom(verified);
    expect(full).not.toBe(pending);
    expect((await api(t, pending).get('/api/v1/auth/me')).statusCode).toBe(401);
    const me = (await api(t, full).get('/api/v1/auth/me')).json();
    expect(me.sessionStage).toBe('full');
    // 前回ログイン is the earlier completed sign-in, not this sign-in's password step.
    const { rows } = await t.db.superuser.query(
      "SELECT created_at FROM app.sessions WHERE user_id = $1 AND stage = 'full' ORDER BY created_at LIMIT 1",
      [user.userId],
    );
    expect(me.previousLogin.at).toBe(rows[0].created_at.toISOString());
    expect((await api(t, full).get('/api/v1/customers')).statusCode).toBe(200);
    // A full session has nothing left to verify.
    const again = await api(t, full).post('/api/v1/auth/mfa/verify', { code: '123456' });
    expect(again.json().code).toBe('mfa_not_pending');
  });

  it('accepts each recovery code once', async () => {
    const user = await createUser(t, tenant, { loginId: 'recover', permissions: [] });
    const { recoveryCodes } = await enrol(user.cookie);
    const code = recoveryCodes[3]!.toUpperCase();
    const first = await login(t, tenant.code, 'recover', TEST_PASSWORD);
    expect((await api(t, first).post('/api/v1/auth/mfa/verify', { code })).statusCode).toBe(204);
    const second = await login(t, tenant.code, 'recover', TEST_PASSWORD);
    expect((await api(t, second).post('/api/v1/auth/mfa/verify', { code })).statusCode).toBe(400);
    expect((await api(t, user.cookie).get('/api/v1/auth/mfa')).json().recoveryCodesLeft).toBe(9);
  });

  it('spends an initial password only when the code completes the sign-in', async () => {
    const user = await createUser(t, tenant, { loginId: 'reissued', permissions: [] });
    const { secret } = await enrol(user.cookie);
    const initial = 'shoki no aikotoba mfa 2026 nidome';
    const issued = await api(t, tenant.adminCookie).post(
      `/api/v1/users/${user.userId}/initial-password`,
      { initialPassword: initial },
    );
    expect(issued.statusCode).toBe(200);
    await login(t, tenant.code, 'reissued', initial); // stopped at the code step
    const pending = await login(t, tenant.code, 'reissued', initial);
    const verified = await api(t, pending).post('/api/v1/auth/mfa/verify', {
      code: currentTotp(secret, Date.now() + 30_000),
    });
    expect(verified.statusCode).toBe(204);
    const full = sessionCookieFrom(verified);
    const refused = await api(t, full).get('/api/v1/auth/sessions');
    expect(refused.json().code).toBe('password_change_required');
    const again = await api(t).post('/api/v1/auth/login', {
      tenantCode: tenant.code,
      loginId: 'reissued',
      password: initial,
    });
    expect(again.statusCode).toBe(401);
  });

  it('counts wrong codes towards the sign-in throttle, even though the request fails', async () => {
    const user = await createUser(t, tenant, { loginId: 'guesser', permissions: [] });
    const { secret } = await enrol(user.cookie);
    const pending = await login(t, tenant.code, 'guesser', TEST_PASSWORD);
    for (let i = 0; i < 5; i++) {
      const wrong = await api(t, pending).post('/api/v1/auth/mfa/verify', { code: '000000' });
      expect(wrong.statusCode).toBe(400);
    }
    const blocked = await api(t, pending).post('/api/v1/auth/mfa/verify', {
      code: currentTotp(secret, Date.now() + 30_000),
    });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('login_throttled');
    expect(await auditCount('auth.mfa_failed')).toBeGreaterThanOrEqual(5);
  });
});

describe('turning MFA off and resetting it', () => {
  it('needs the password and a code, and allows 8-character passwords only while MFA is on', async () => {
    const user = await createUser(t, tenant, { loginId: 'shortpw', permissions: [] });
    const tooShort = await api(t, user.cookie).post('/api/v1/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'kq7#vbn2x',
    });
    expect(tooShort.statusCode).toBe(400);
    const { secret } = await enrol(user.cookie);
    const changed = await api(t, user.cookie).post('/api/v1/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'kq7#vbn2x',
    });
    expect(changed.statusCode).toBe(204);

    await forgetLastStep('shortpw');
    const wrongPassword = await api(t, user.cookie).post('/api/v1/auth/mfa/disable', {
      password: 'not it',
      code: currentTotp(secret),
    });
    expect(wrongPassword.json().code).toBe('current_password_incorrect');
    // With a short password the user must lengthen it first.
    const short = await api(t, user.cookie).post('/api/v1/auth/mfa/disable', {
      password: 'kq7#vbn2x',
      code: currentTotp(secret),
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].path).toBe('password');
    const lengthened = await api(t, user.cookie).post('/api/v1/auth/password', {
      currentPassword: 'kq7#vbn2x',
      newPassword: 'a much longer passphrase 2026',
    });
    expect(lengthened.statusCode).toBe(204);
    await forgetLastStep('shortpw');
    const off = await api(t, user.cookie).post('/api/v1/auth/mfa/disable', {
      password: 'a much longer passphrase 2026',
      code: currentTotp(secret),
    });
    expect(off.statusCode).toBe(204);
    expect((await api(t, user.cookie).get('/api/v1/auth/mfa')).json().enabled).toBe(false);
    expect(await auditCount('auth.mfa_disabled')).toBe(1);
  });

  it("lets an admin reset a user's MFA, which ends their sessions", async () => {
    const user = await createUser(t, tenant, { loginId: 'lostphone', permissions: [] });
    await enrol(user.cookie);
    const reset = await api(t, tenant.adminCookie).post(`/api/v1/users/${user.userId}/mfa/reset`);
    expect(reset.statusCode).toBe(204);
    expect((await api(t, user.cookie).get('/api/v1/auth/me')).statusCode).toBe(401);
    const cookie = await login(t, tenant.code, 'lostphone', TEST_PASSWORD);
    expect((await api(t, cookie).get('/api/v1/auth/me')).json().sessionStage).toBe('full');
    expect(await auditCount('user.mfa_reset')).toBe(1);
  });
});

describe('tenant MFA requirement', () => {
  it('sends a user without MFA to enrolment after the password, then upgrades the session', async () => {
    const user = await createUser(t, tenant, {
      loginId: 'required',
      permissions: ['customers:view'],
    });
    expect((await api(t, user.cookie).get('/api/v1/settings/mfa')).statusCode).toBe(403);
    const put = await api(t, tenant.adminCookie).put('/api/v1/settings/mfa', {
      required: 'everyone',
    });
    expect(put.json()).toEqual({ required: 'everyone' });
    expect((await api(t, tenant.adminCookie).get('/api/v1/settings/mfa')).json().required).toBe(
      'everyone',
    );
    expect(await auditCount('settings.mfa_updated')).toBe(1);

    const enrolOnly = await login(t, tenant.code, 'required', TEST_PASSWORD);
    expect((await api(t, enrolOnly).get('/api/v1/auth/me')).json().sessionStage).toBe('mfa_enrol');
    const refused = await api(t, enrolOnly).get('/api/v1/customers');
    expect(refused.json().code).toBe('mfa_enrolment_required');

    const started = (
      await api(t, enrolOnly).post('/api/v1/auth/mfa/enrolment', { password: TEST_PASSWORD })
    ).json();
    const confirmed = await api(t, enrolOnly).post('/api/v1/auth/mfa/enrolment/confirm', {
      code: currentTotp(started.secret),
    });
    expect(confirmed.statusCode).toBe(200);
    const full = sessionCookieFrom(confirmed);
    expect((await api(t, enrolOnly).get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await api(t, full).get('/api/v1/customers')).statusCode).toBe(200);

    await forgetLastStep('required');
    const off = await api(t, full).post('/api/v1/auth/mfa/disable', {
      password: TEST_PASSWORD,
      code: currentTotp(started.secret),
    });
    expect(off.json().code).toBe('mfa_required_by_tenant');
    await api(t, tenant.adminCookie).put('/api/v1/settings/mfa', { required: 'off' });
  });
});
