import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestOperator, OPERATOR_PASSWORD, type TestApp } from '../support/app';

/** The console sign-in follows the same back-off as tenant sign-in (ADR 0009, ADR 0016). */
let t: TestApp;
beforeAll(async () => {
  // The per-IP request limit in front would answer 429 first; this file tests what is behind.
  t = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '10000' });
  await createTestOperator(t, 'ops-throttled');
});
afterAll(() => t.close());

function attempt(loginId: string, password: string, ip: string) {
  return t.app.inject({
    method: 'POST',
    url: '/api/ops/v1/auth/login',
    remoteAddress: ip,
    headers: { 'x-requested-with': 'akinai' },
    payload: { loginId, password },
  });
}

describe('operator sign-in throttling', () => {
  it('delays after the 5th failure, the same for an existing and an unknown login ID', async () => {
    for (const [loginId, ip] of [
      ['ops-throttled', '10.0.1.1'],
      ['ops-nobody', '10.0.1.2'],
    ] as const) {
      for (let i = 1; i <= 5; i++) {
        expect((await attempt(loginId, 'wrong password', ip)).statusCode, `${loginId} #${i}`).toBe(
          401,
        );
      }
      // Even the right password waits out the delay.
      const blocked = await attempt(loginId, OPERATOR_PASSWORD, ip);
      expect(blocked.statusCode, loginId).toBe(429);
      expect(blocked.json()).toMatchObject({ code: 'login_throttled' });
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    }
  });

  it('records every failure in the operator log', async () => {
    const { rows } = await t.db.superuser.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM app.operator_audit_log WHERE event = 'operator.login_failed'",
    );
    expect(rows[0]!.n).toBeGreaterThanOrEqual(10);
  });
});
