import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  createSignedInTenant,
  createTestApp,
  createUser,
  TEST_PASSWORD,
  type TestApp,
  type TestTenant,
} from '../support/app';

let t: TestApp;
let tenant: TestTenant;

beforeAll(async () => {
  // The per-IP request rate limit in front would answer 429 first; this file tests what is behind.
  t = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '10000' });
  tenant = await createSignedInTenant(t);
});
afterAll(() => t.close());

function attempt(loginId: string, password: string, ip = '10.0.0.66', tenantCode = tenant.code) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress: ip,
    headers: { 'x-requested-with': 'akinai' },
    payload: { tenantCode, loginId, password },
  });
}

/** Moves the stored failures back in time, as a clock moving forward would. */
async function age(minutes: number) {
  await t.db.superuser.query(
    `UPDATE app.login_throttles
        SET last_failure_at = last_failure_at - make_interval(mins => $1),
            locked_until = locked_until - make_interval(mins => $1)`,
    [minutes],
  );
}

async function auditCount(event: string, targetId?: string): Promise<number> {
  const { rows } = await t.db.superuser.query(
    'SELECT count(*)::int AS n FROM app.audit_log WHERE tenant_id = $1 AND event = $2 AND ($3::text IS NULL OR target_id = $3)',
    [tenant.tenantId, event, targetId ?? null],
  );
  return rows[0].n;
}

describe('login throttling', () => {
  it('delays after the 5th failure, the same for an existing and an unknown login ID', async () => {
    await createUser(t, tenant, { loginId: 'backoff', permissions: [] });
    for (const loginId of ['backoff', 'nobody-here']) {
      for (let i = 1; i <= 5; i++) {
        expect((await attempt(loginId, 'wrong password')).statusCode, `${loginId} #${i}`).toBe(401);
      }
      const blocked = await attempt(loginId, loginId === 'backoff' ? TEST_PASSWORD : 'x');
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json()).toMatchObject({ code: 'login_throttled', retryAfterSeconds: 2 });
      expect(blocked.headers['retry-after']).toBe('2');
    }
    // The wait passes: the right password works again and forgives the failures.
    await age(1);
    expect((await attempt('backoff', TEST_PASSWORD)).statusCode).toBe(204);
    const { rows } = await t.db.superuser.query(
      "SELECT 1 FROM app.login_throttles WHERE scope = 'account' AND subject = 'backoff'",
    );
    expect(rows).toHaveLength(0);
  });

  it('locks the account for 15 minutes at the 10th failure, audited and shown to admins', async () => {
    const victim = await createUser(t, tenant, { loginId: 'victim', permissions: [] });
    for (let i = 1; i <= 10; i++) {
      expect((await attempt('victim', `guess ${i}`)).statusCode).toBe(401);
      await age(1);
    }
    expect(await auditCount('auth.login_locked', 'victim')).toBe(1);
    expect(await auditCount('auth.login_failed', victim.userId)).toBeGreaterThanOrEqual(10);

    // Locked: even the right password from an unknown address waits ~15 minutes ...
    const locked = await attempt('victim', TEST_PASSWORD, '10.0.0.77');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().retryAfterSeconds).toBeGreaterThan(800);
    // ... and attempts during the lock do not lengthen it.
    await attempt('victim', 'more guesses', '10.0.0.77');
    const { rows } = await t.db.superuser.query(
      "SELECT failures FROM app.login_throttles WHERE scope = 'account' AND subject = 'victim'",
    );
    expect(rows[0].failures).toBe(10);

    const list = (await api(t, tenant.adminCookie).get('/api/v1/users')).json();
    const row = list.items.find((u: { loginId: string }) => u.loginId === 'victim');
    expect(row.lockedUntil).not.toBeNull();

    // The real user's own address (a completed sign-in before) is not shut out by the lock.
    expect((await attempt('victim', TEST_PASSWORD, '127.0.0.1')).statusCode).toBe(204);
  });

  it('lets the lock expire on its own, and an admin unlock lifts it at once', async () => {
    await createUser(t, tenant, { loginId: 'expiring', permissions: [] });
    await createUser(t, tenant, { loginId: 'unlocked', permissions: [] });
    for (const loginId of ['expiring', 'unlocked']) {
      for (let i = 1; i <= 10; i++) {
        await attempt(loginId, `guess ${i}`, '10.0.1.1');
        await age(1);
      }
      expect((await attempt(loginId, TEST_PASSWORD, '10.0.2.2')).statusCode).toBe(429);
    }
    // Other accounts from the attacking address are not affected by an account lock.
    await createUser(t, tenant, { loginId: 'bystander', permissions: [] });
    expect((await attempt('bystander', TEST_PASSWORD, '10.0.1.1')).statusCode).toBe(204);

    await age(16);
    expect((await attempt('expiring', TEST_PASSWORD, '10.0.2.2')).statusCode).toBe(204);

    const list = (await api(t, tenant.adminCookie).get('/api/v1/users')).json();
    const user = list.items.find((u: { loginId: string }) => u.loginId === 'unlocked');
    // Aged 16 minutes too, so lock it again to prove the unlock is what lifts it.
    await t.db.superuser.query(
      "UPDATE app.login_throttles SET failures = 10, last_failure_at = now(), locked_until = now() + interval '15 minutes' WHERE subject = 'unlocked'",
    );
    expect((await attempt('unlocked', TEST_PASSWORD, '10.0.2.2')).statusCode).toBe(429);
    const unlock = await api(t, tenant.adminCookie).post(`/api/v1/users/${user.userId}/unlock`);
    expect(unlock.statusCode).toBe(204);
    expect(await auditCount('user.unlocked', user.userId)).toBe(1);
    expect((await attempt('unlocked', TEST_PASSWORD, '10.0.2.2')).statusCode).toBe(204);
  });

  it('throttles one client address across login IDs and leaves other addresses alone', async () => {
    await createUser(t, tenant, { loginId: 'office', permissions: [] });
    for (let i = 1; i <= 20; i++) {
      expect((await attempt(`spray${i}`, 'Password1', '10.9.9.9')).statusCode).toBe(401);
    }
    const blocked = await attempt('office', TEST_PASSWORD, '10.9.9.9');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('login_throttled');
    expect((await attempt('office', TEST_PASSWORD, '10.8.8.8')).statusCode).toBe(204);
  });

  it('throttles an unknown organisation code exactly like a known one', async () => {
    for (let i = 1; i <= 5; i++) {
      expect((await attempt('admin', 'wrong', '10.5.5.5', 'no-such-org')).statusCode).toBe(401);
    }
    const blocked = await attempt('admin', 'wrong', '10.5.5.5', 'no-such-org');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toMatchObject({ code: 'login_throttled', retryAfterSeconds: 2 });
  });
});
