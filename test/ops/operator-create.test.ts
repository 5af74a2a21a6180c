import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { main } from '../../src/server/ops/cli';
import { currentTotp } from '../../src/server/platform/auth/totp';
import { loadConfig } from '../../src/server/platform/config';
import { createTestDatabase, type TestDatabase } from '../support/database';

/** `npm run ops -- operator:create` against a real database; the account then signs in at /ops. */
let db: TestDatabase;
let env: Record<string, string>;

beforeAll(async () => {
  db = await createTestDatabase();
  env = { DATABASE_URL: db.runtimeUrl, DATABASE_OWNER_URL: db.ownerUrl };
});
afterAll(() => db.drop());

async function run(argv: string[], input?: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, env, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    readInput: async () => input ?? '',
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('ops operator:create', () => {
  it('prints a one-time initial password that signs in (TOTP enrolment next)', async () => {
    const result = await run(['operator:create', '--login-id', 'first-op', '--name', '運用 一郎']);
    expect(result.code, result.err).toBe(0);
    const password = /Initial password: (\S+)/.exec(result.out)?.[1];
    expect(password).toMatch(/^[\w]{5}(-[\w]{5}){3}$/);
    const { app } = await buildApp({
      config: loadConfig({ LOG_LEVEL: 'silent', NODE_ENV: 'test' }),
      pool: db.pool,
    });
    try {
      const headers = { 'x-requested-with': 'akinai' };
      const signIn = await app.inject({
        method: 'POST',
        url: '/api/ops/v1/auth/login',
        headers,
        payload: { loginId: 'first-op', password },
      });
      expect(signIn.json()).toEqual({ sessionStage: 'mfa_enrol' });
      const cookie = signIn.cookies.find((c) => c.name === 'akinai_ops');
      expect(cookie?.path).toBe('/api/ops');
      expect(cookie?.httpOnly).toBe(true);
      const cookieHeader = { ...headers, cookie: `akinai_ops=${cookie?.value}` };
      const enrol = await app.inject({
        method: 'POST',
        url: '/api/ops/v1/auth/mfa/enrolment',
        headers: cookieHeader,
      });
      const done = await app.inject({
        method: 'POST',
        url: '/api/ops/v1/auth/mfa/enrolment/confirm',
        headers: cookieHeader,
        payload: { code: currentTotp(enrol.json().secret) },
      });
      expect(done.statusCode).toBe(200);
      expect(done.json().recoveryCodes).toHaveLength(10);
      // Signed in with TOTP, but the printed password must be replaced before anything else.
      const full = {
        ...headers,
        cookie: `akinai_ops=${done.cookies.find((c) => c.name === 'akinai_ops')?.value}`,
      };
      const blocked = await app.inject({
        method: 'GET',
        url: '/api/ops/v1/tenants',
        headers: full,
      });
      expect(blocked.json().code).toBe('password_change_required');
      const me = await app.inject({ method: 'GET', url: '/api/ops/v1/auth/me', headers: full });
      expect(me.json().mustChangePassword).toBe(true);
      const changed = await app.inject({
        method: 'POST',
        url: '/api/ops/v1/auth/password',
        headers: full,
        payload: { currentPassword: password, newPassword: 'my own operator passphrase' },
      });
      expect(changed.statusCode, changed.body).toBe(204);
      const open = await app.inject({ method: 'GET', url: '/api/ops/v1/tenants', headers: full });
      expect(open.statusCode).toBe(200);
    } finally {
      await app.close();
    }
    const { rows } = await db.superuser.query(
      "SELECT event, actor_label FROM app.operator_audit_log WHERE event = 'operator.created'",
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].actor_label).toMatch(/^CLI /);
  });

  it('reads the password from standard input and refuses weak ones and duplicates', async () => {
    const weak = await run(
      ['operator:create', '--login-id', 'second-op', '--name', '二郎', '--password-stdin'],
      'short\n',
    );
    expect(weak.code).toBe(2);
    expect(weak.err).toContain('15文字以上');
    const ok = await run(
      ['operator:create', '--login-id', 'second-op', '--name', '二郎', '--password-stdin'],
      'a typed operator passphrase\n',
    );
    expect(ok.code).toBe(0);
    expect(ok.out).not.toContain('Initial password');
    const again = await run(['operator:create', '--login-id', 'second-op', '--name', '二郎']);
    expect(again.code).toBe(2);
    expect(again.err).toContain('既に使われています');
    const missing = await run(['operator:create', '--name', '名無し']);
    expect(missing.code).toBe(2);
  });
});
