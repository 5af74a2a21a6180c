import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTotp, legacyRecoveryCodeHash } from '../../src/server/platform/auth/totp';
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

/**
 * Findings of the security review of the sign-in code, each kept as a regression test: MFA
 * codes cannot be guessed by re-entering the password, parallel failures all count, a lock is
 * never lengthened, and one pending sign-in becomes at most one session.
 */
let t: TestApp;
let tenant: TestTenant;
beforeAll(async () => {
  t = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '10000' });
  tenant = await createSignedInTenant(t);
});
afterAll(() => t.close());

function attempt(loginId: string, password: string, ip: string) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress: ip,
    headers: { 'x-requested-with': 'akinai' },
    payload: { tenantCode: tenant.code, loginId, password },
  });
}

function verify(cookie: string, code: string, ip = '127.0.0.1') {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/mfa/verify',
    remoteAddress: ip,
    headers: { 'x-requested-with': 'akinai', cookie },
    payload: { code },
  });
}

async function enrolMfa(cookie: string) {
  const started = (
    await api(t, cookie).post('/api/v1/auth/mfa/enrolment', { password: TEST_PASSWORD })
  ).json();
  const confirmed = await api(t, cookie).post('/api/v1/auth/mfa/enrolment/confirm', {
    code: currentTotp(started.secret, Date.now() - 30_000),
  });
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  return {
    secret: started.secret as string,
    recoveryCodes: confirmed.json().recoveryCodes as string[],
  };
}

async function accountCounter(loginId: string) {
  const { rows } = await t.db.superuser.query(
    `SELECT failures, locked_until FROM app.login_throttles
     WHERE tenant_id = $1 AND scope = 'account' AND subject = $2`,
    [tenant.tenantId, loginId],
  );
  return rows[0] as { failures: number; locked_until: Date | null } | undefined;
}

describe('sign-in hardening', () => {
  it('keeps counting wrong TOTP codes when the password is entered again between guesses', async () => {
    const user = await createUser(t, tenant, { loginId: 'mfaguess', permissions: [] });
    await enrolMfa(user.cookie);
    let checked = 0;
    for (let round = 0; round < 5; round++) {
      const ip = `10.9.${round}.1`; // the attacker changes address every round
      const login = await attempt('mfaguess', TEST_PASSWORD, ip);
      if (login.statusCode !== 204) break;
      const cookie = sessionCookieFrom(login);
      for (let i = 0; i < 4; i++) {
        const answer = await verify(cookie, '000000', ip);
        if (answer.statusCode === 429) break;
        checked++;
      }
    }
    // Without the fix: 20 codes checked and the counter back at 4 after every password.
    expect(checked).toBeLessThanOrEqual(10);
    expect((await accountCounter('mfaguess'))?.failures).toBeGreaterThanOrEqual(checked);
  });

  it('counts every password it checks, however many attempts arrive at once', async () => {
    await createUser(t, tenant, { loginId: 'racer', permissions: [] });
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => attempt('racer', 'wrong password!!', '10.6.0.1')),
    );
    // Attempts refused by the back-off (429) are not checked and not counted.
    const checked = answers.filter((answer) => answer.statusCode === 401).length;
    expect(checked).toBeGreaterThan(0);
    expect((await accountCounter('racer'))?.failures).toBe(checked);
  });

  it('does not lengthen a lock with failures from the user’s own address', async () => {
    await createUser(t, tenant, { loginId: 'locked', permissions: [] }); // signed in from 127.0.0.1
    for (let i = 0; i < 10; i++) {
      await attempt('locked', 'wrong password!!', `10.3.0.${i}`);
      // Age the failures so the back-off between them never refuses the next one.
      await t.db.superuser.query(
        `UPDATE app.login_throttles SET last_failure_at = last_failure_at - interval '1 minute'
         WHERE tenant_id = $1 AND subject = 'locked' AND locked_until IS NULL`,
        [tenant.tenantId],
      );
    }
    const before = (await accountCounter('locked'))?.locked_until;
    expect(before).toBeInstanceOf(Date);
    await attempt('locked', 'typo password!!', '127.0.0.1');
    expect((await accountCounter('locked'))?.locked_until).toEqual(before);
  });

  it('turns one pending sign-in into at most one session, however many codes race', async () => {
    const user = await createUser(t, tenant, { loginId: 'twice', permissions: [] });
    const { secret, recoveryCodes } = await enrolMfa(user.cookie);
    const liveFullSessions = async () => {
      const { rows } = await t.db.superuser.query(
        `SELECT count(*)::int AS n FROM app.sessions s JOIN app.users u USING (tenant_id, user_id)
         WHERE u.tenant_id = $1 AND u.login_id = 'twice' AND s.stage = 'full'
           AND s.revoked_at IS NULL`,
        [tenant.tenantId],
      );
      return rows[0].n as number;
    };
    const before = await liveFullSessions();
    const cookie = sessionCookieFrom(await attempt('twice', TEST_PASSWORD, '127.0.0.1'));
    const answers = await Promise.all([
      verify(cookie, currentTotp(secret)),
      verify(cookie, recoveryCodes[0] ?? ''),
    ]);
    expect(answers.filter((answer) => answer.statusCode === 204)).toHaveLength(1);
    expect(await liveFullSessions()).toBe(before + 1);
  });
});

describe('behind a reverse proxy', () => {
  it('takes the client address from the proxy in front, not from what the client wrote', async () => {
    const proxied = await createTestApp({
      TRUST_PROXY: 'loopback',
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    });
    try {
      const company = await createSignedInTenant(proxied);
      // The client forged the first entry; the proxy on this host appended the address it saw.
      await proxied.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'x-requested-with': 'akinai', 'x-forwarded-for': '203.0.113.9, 198.51.100.7' },
        payload: { tenantCode: company.code, loginId: 'admin', password: 'wrong password!!' },
      });
      const { rows } = await proxied.db.superuser.query(
        "SELECT ip FROM app.audit_log WHERE tenant_id = $1 AND event = 'auth.login_failed'",
        [company.tenantId],
      );
      expect(rows.map((row) => row.ip)).toEqual(['198.51.100.7']);
    } finally {
      await proxied.close();
    }
  });
});

describe('organisation codes cannot be probed', () => {
  it('throttles an unknown 組織コード per address exactly like a real one', async () => {
    const statuses = async (tenantCode: string, ip: string) => {
      const answers: number[] = [];
      for (let i = 0; i < 21; i++) {
        const answer = await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          remoteAddress: ip,
          headers: { 'x-requested-with': 'akinai' },
          payload: { tenantCode, loginId: `probe${i}`, password: 'wrong password!!' },
        });
        answers.push(answer.statusCode);
      }
      return answers;
    };
    const real = await statuses(tenant.code, '10.7.0.1');
    const unknown = await statuses('no-such-company', '10.7.0.2');
    expect(unknown).toEqual(real);
    expect(real.at(-1)).toBe(429);
  });

  it('takes as long to refuse an unknown 組織コード as a known one', async () => {
    const timed = async (tenantCode: string, ip: string) => {
      const started = performance.now();
      const answer = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: ip,
        headers: { 'x-requested-with': 'akinai' },
        payload: { tenantCode, loginId: 'admin', password: 'wrong password!!' },
      });
      expect(answer.statusCode).toBe(401);
      return performance.now() - started;
    };
    expect(await timed('no-such-company-2', '10.8.0.1')).toBeGreaterThanOrEqual(145);
    expect(await timed(tenant.code, '10.8.0.2')).toBeGreaterThanOrEqual(145);
  });
});

describe('recovering an account', () => {
  it('throttles and audits wrong current passwords on the change form', async () => {
    const user = await createUser(t, tenant, { loginId: 'changer', permissions: [] });
    const answers: number[] = [];
    for (let i = 0; i < 7; i++) {
      const answer = await api(t, user.cookie).post('/api/v1/auth/password', {
        currentPassword: `not my password ${i}`,
        newPassword: 'a brand new passphrase 2026',
      });
      answers.push(answer.statusCode);
    }
    expect(answers.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(answers.at(-1)).toBe(429);
    const { rows } = await t.db.superuser.query(
      "SELECT count(*)::int AS n FROM app.audit_log WHERE tenant_id = $1 AND event = 'auth.password_change_failed'",
      [tenant.tenantId],
    );
    expect(rows[0].n).toBeGreaterThanOrEqual(5);
  });
});

describe('binding an authenticator', () => {
  it('asks a full session for the password again before MFA enrolment', async () => {
    const user = await createUser(t, tenant, { loginId: 'rebind', permissions: [] });
    const none = await api(t, user.cookie).post('/api/v1/auth/mfa/enrolment', {});
    expect(none.statusCode).toBe(400);
    expect(none.json().errors[0]).toMatchObject({ path: 'password' });
    const wrong = await api(t, user.cookie).post('/api/v1/auth/mfa/enrolment', {
      password: 'a stolen session does not know it',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe('current_password_incorrect');
    const { rows } = await t.db.superuser.query(
      "SELECT count(*)::int AS n FROM app.audit_log WHERE tenant_id = $1 AND event = 'auth.reauthentication_failed'",
      [tenant.tenantId],
    );
    expect(rows[0].n).toBe(1);
    const right = await api(t, user.cookie).post('/api/v1/auth/mfa/enrolment', {
      password: TEST_PASSWORD,
    });
    expect(right.statusCode, right.body).toBe(200);
  });
});

describe('turning MFA off', () => {
  it('counts wrong passwords and codes like failed sign-ins, and audits them', async () => {
    const user = await createUser(t, tenant, { loginId: 'disabler', permissions: [] });
    await enrolMfa(user.cookie);
    const answers: number[] = [];
    for (let i = 0; i < 7; i++) {
      const answer = await api(t, user.cookie).post('/api/v1/auth/mfa/disable', {
        password: `wrong password ${i}`,
        code: '000000',
      });
      answers.push(answer.statusCode);
    }
    expect(answers.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(answers.at(-1)).toBe(429);
    const { rows } = await t.db.superuser.query(
      `SELECT count(*)::int AS n FROM app.audit_log
       WHERE tenant_id = $1 AND event = 'auth.reauthentication_failed' AND after ->> 'purpose' = 'mfa_disable'`,
      [tenant.tenantId],
    );
    expect(rows[0].n).toBeGreaterThanOrEqual(5);
  });
});

describe('recovery codes at rest', () => {
  it('stores keyed digests, and still accepts a code stored the old way until it is used', async () => {
    const user = await createUser(t, tenant, { loginId: 'keeper', permissions: [] });
    await enrolMfa(user.cookie);
    const { rows } = await t.db.superuser.query(
      'SELECT mfa_recovery_hashes AS hashes FROM app.users WHERE tenant_id = $1 AND user_id = $2',
      [tenant.tenantId, user.userId],
    );
    expect(rows[0].hashes).toHaveLength(10);
    expect(rows[0].hashes.every((hash: string) => hash.startsWith('h1:'))).toBe(true);

    await t.db.superuser.query(
      'UPDATE app.users SET mfa_recovery_hashes = $3 WHERE tenant_id = $1 AND user_id = $2',
      [tenant.tenantId, user.userId, [legacyRecoveryCodeHash('abcde-fghjk')]],
    );
    const pending = sessionCookieFrom(await attempt('keeper', TEST_PASSWORD, '127.0.0.1'));
    expect((await verify(pending, 'ABCDE-FGHJK')).statusCode).toBe(204);
    const again = sessionCookieFrom(await attempt('keeper', TEST_PASSWORD, '127.0.0.1'));
    expect((await verify(again, 'abcde-fghjk')).statusCode).toBe(400);
  });
});
