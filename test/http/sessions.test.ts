import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

async function signIn(loginId: string, userAgent: string, ip: string): Promise<string> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress: ip,
    headers: { 'x-requested-with': 'akinai', 'user-agent': userAgent },
    payload: { tenantCode: tenant.code, loginId, password: TEST_PASSWORD },
  });
  expect(response.statusCode).toBe(204);
  return sessionCookieFrom(response);
}

const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';
const SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';

describe('ログイン中の端末', () => {
  it('lists the own live sessions with the current one marked, and ends one of them', async () => {
    await createUser(t, tenant, { loginId: 'traveller', permissions: [] });
    const pc = await signIn('traveller', FIREFOX, '192.0.2.10');
    const phone = await signIn('traveller', SAFARI, '198.51.100.7');
    const list = (await api(t, pc).get('/api/v1/auth/sessions')).json().items;
    const mine = list.filter((s: { ip: string }) => ['192.0.2.10', '198.51.100.7'].includes(s.ip));
    expect(mine).toHaveLength(2);
    const current = list.find((s: { current: boolean }) => s.current);
    expect(current).toMatchObject({ ip: '192.0.2.10', userAgent: FIREFOX });
    const other = list.find((s: { ip: string }) => s.ip === '198.51.100.7');

    // Another user's session is not the caller's to end.
    const stranger = await createUser(t, tenant, { loginId: 'stranger', permissions: [] });
    const foreign = await api(t, stranger.cookie).send(
      'DELETE',
      `/api/v1/auth/sessions/${other.sessionId}`,
    );
    expect(foreign.statusCode).toBe(404);

    const ended = await api(t, pc).send('DELETE', `/api/v1/auth/sessions/${other.sessionId}`);
    expect(ended.statusCode).toBe(204);
    expect((await api(t, phone).get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await api(t, pc).get('/api/v1/auth/me')).statusCode).toBe(200);
    const self = await api(t, pc).send('DELETE', `/api/v1/auth/sessions/${current.sessionId}`);
    expect(self.json().code).toBe('session_is_current');

    const { rows } = await t.db.superuser.query(
      "SELECT count(*)::int AS n FROM app.audit_log WHERE event = 'auth.session_revoked' AND target_id = $1",
      [other.sessionId],
    );
    expect(rows[0].n).toBe(1);
  });

  it('ends every other session and keeps the current one', async () => {
    await createUser(t, tenant, { loginId: 'many', permissions: [] });
    const keep = await signIn('many', FIREFOX, '192.0.2.20');
    const others = [
      await signIn('many', SAFARI, '192.0.2.21'),
      await signIn('many', SAFARI, '192.0.2.22'),
    ];
    const result = await api(t, keep).post('/api/v1/auth/sessions/revoke-others');
    expect(result.json().ended).toBe(3); // the two above and the helper's own sign-in
    for (const cookie of others) {
      expect((await api(t, cookie).get('/api/v1/auth/me')).statusCode).toBe(401);
    }
    expect((await api(t, keep).get('/api/v1/auth/sessions')).json().items).toHaveLength(1);
  });

  it('lets an admin end all sessions of a user, audited', async () => {
    const user = await createUser(t, tenant, { loginId: 'leaver', permissions: [] });
    const second = await signIn('leaver', SAFARI, '192.0.2.30');
    const response = await api(t, tenant.adminCookie).post(
      `/api/v1/users/${user.userId}/sessions/revoke`,
    );
    expect(response.json()).toEqual({ ended: 2 });
    expect((await api(t, user.cookie).get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await api(t, second).get('/api/v1/auth/me')).statusCode).toBe(401);
    const { rows } = await t.db.superuser.query(
      "SELECT after FROM app.audit_log WHERE event = 'user.sessions_revoked' AND target_id = $1",
      [user.userId],
    );
    expect(rows[0].after).toMatchObject({ sessionsEnded: 2, reason: 'admin' });
  });
});
