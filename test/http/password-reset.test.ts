import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenantTransaction } from '../../src/server/platform/db/tenant-transaction';
import { enqueueMail } from '../../src/server/platform/mail/enqueue-mail';
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
import { type ReceivedMail, startSmtpServer, type TestSmtpServer } from '../support/smtp';

/** §7 self-service reset, end to end through the outbox, the delivery job and a real SMTP server. */
let t: TestApp;
let smtp: TestSmtpServer;
let tenant: TestTenant;
const APP_ORIGIN = 'http://akinai.test';
const NEW_PASSWORD = 'a brand new passphrase 2026';

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({
    SMTP_URL: smtp.url,
    APP_ORIGIN,
    MAIL_FROM: 'Akinai <no-reply@akinai.test>',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
  });
  tenant = await createSignedInTenant(t);
  await t.db.superuser.query(
    `UPDATE app.users SET email = 'admin@example.jp' WHERE tenant_id = $1 AND login_id = 'admin'`,
    [tenant.tenantId],
  );
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

async function userWith(loginId: string, email: string, isActive = true) {
  const user = await createUser(t, tenant, { loginId, permissions: [] });
  await t.db.superuser.query(
    'UPDATE app.users SET email = $3, is_active = $4 WHERE tenant_id = $1 AND user_id = $2',
    [tenant.tenantId, user.userId, email, isActive],
  );
  return user;
}

const requestReset = (loginId: string, tenantCode = tenant.code) =>
  api(t).post('/api/v1/auth/password-reset', { tenantCode, loginId });

function linkToken(mail: ReceivedMail): string {
  const match = mail.text.match(/http:\/\/akinai\.test\/password-reset\/(\S+)/);
  if (!match?.[1]) throw new Error(`no reset link in: ${mail.text}`);
  return match[1];
}

async function mailedToken(email: string, after = 0): Promise<string> {
  const mail = await smtp.waitFor(
    (m) => m.to.includes(email) && m.subject.includes('パスワード再設定') && !seen.has(m),
  );
  seen.add(mail);
  expect(smtp.received.indexOf(mail)).toBeGreaterThanOrEqual(after);
  return linkToken(mail);
}
const seen = new Set<ReceivedMail>();

async function outboxCount(): Promise<number> {
  const { rows } = await t.db.superuser.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM app.mail_outbox WHERE tenant_id = $1',
    [tenant.tenantId],
  );
  return rows[0]?.n ?? 0;
}

describe('self-service password reset', () => {
  it('mails a link that sets a new password, ends every session and sends a notice', async () => {
    const user = await userWith('taro', 'taro@example.jp');
    const otherSession = await login(t, tenant.code, 'taro', TEST_PASSWORD);

    // An old password and a sign-in lock: the reset restarts the expiry clock and lifts the lock.
    await t.db.superuser.query(
      "UPDATE app.users SET password_changed_at = now() - interval '400 days' WHERE tenant_id = $1 AND user_id = $2",
      [tenant.tenantId, user.userId],
    );
    await t.db.superuser.query(
      `INSERT INTO app.login_throttles (tenant_id, scope, subject, failures, last_failure_at, locked_until)
       VALUES ($1, 'account', 'taro', 10, now(), now() + interval '15 minutes')`,
      [tenant.tenantId],
    );

    // An integration token the user made earlier (written directly: this user has no rights).
    await t.db.superuser.query(
      `INSERT INTO app.api_tokens (tenant_id, token_id, user_id, name, token_hash, scope, expires_at)
       VALUES ($1, gen_random_uuid(), $2, '会計連携', '\\x01', '{}', now() + interval '30 days')`,
      [tenant.tenantId, user.userId],
    );

    const answer = await requestReset('taro');
    expect(answer.statusCode).toBe(202);
    const token = await mailedToken('taro@example.jp');
    const mail = smtp.received.find((m) => m.text.includes(token))!;
    expect(mail.from).toContain('no-reply@akinai.test');
    expect(mail.text).toContain('有効期限は30分間');

    // Only the hash is stored, and the audit row names the user, not the token.
    const { rows: stored } = await t.db.superuser.query(
      "SELECT encode(token_hash, 'hex') AS hash FROM app.password_reset_tokens WHERE tenant_id = $1 AND user_id = $2",
      [tenant.tenantId, user.userId],
    );
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(token.slice(36));

    const check = await api(t).post('/api/v1/auth/password-reset/check', { token });
    expect(check.statusCode, check.body).toBe(200);
    expect(check.json()).toEqual({ tenantCode: tenant.code, loginId: 'taro', userName: 'taro' });

    const done = await api(t).post('/api/v1/auth/password-reset/complete', {
      token,
      newPassword: NEW_PASSWORD,
    });
    expect(done.statusCode, done.body).toBe(204);

    expect((await api(t, user.cookie).get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await api(t, otherSession).get('/api/v1/auth/me')).statusCode).toBe(401);
    await expect(login(t, tenant.code, 'taro', TEST_PASSWORD)).rejects.toThrow(/401/);
    const fresh = await login(t, tenant.code, 'taro', NEW_PASSWORD);
    expect((await api(t, fresh).get('/api/v1/auth/me')).statusCode).toBe(200);
    const { rows: changed } = await t.db.superuser.query(
      `SELECT password_changed_at > now() - interval '1 minute' AS recent FROM app.users
       WHERE tenant_id = $1 AND user_id = $2`,
      [tenant.tenantId, user.userId],
    );
    expect(changed[0].recent).toBe(true);
    const { rows: locks } = await t.db.superuser.query(
      "SELECT 1 FROM app.login_throttles WHERE tenant_id = $1 AND scope = 'account' AND subject = 'taro'",
      [tenant.tenantId],
    );
    expect(locks).toHaveLength(0);
    // Tokens minted while the account may have been in other hands die with the reset.
    const { rows: liveTokens } = await t.db.superuser.query(
      'SELECT 1 FROM app.api_tokens WHERE tenant_id = $1 AND user_id = $2 AND revoked_at IS NULL',
      [tenant.tenantId, user.userId],
    );
    expect(liveTokens).toHaveLength(0);

    const notice = await smtp.waitFor(
      (m) =>
        m.to.includes('taro@example.jp') && m.subject === '【Akinai】パスワードが変更されました',
    );
    expect(notice.text).toContain('ログインID「taro」');

    const { rows: audit } = await t.db.superuser.query(
      `SELECT event, actor_user_id, after::text AS after FROM app.audit_log
       WHERE tenant_id = $1 AND event LIKE 'auth.password_reset%' AND target_id = $2 ORDER BY seq`,
      [tenant.tenantId, user.userId],
    );
    expect(audit.map((row) => [row.event, row.actor_user_id])).toEqual([
      ['auth.password_reset_requested', user.userId],
      ['auth.password_reset_completed', user.userId],
    ]);
    expect(audit.map((row) => row.after).join()).not.toContain(token.slice(36));

    // Single use: the same link again changes nothing.
    const again = await api(t).post('/api/v1/auth/password-reset/complete', {
      token,
      newPassword: 'yet another passphrase 2026',
    });
    expect(again.statusCode).toBe(400);
    expect(again.json()).toMatchObject({ code: 'password_reset_link_invalid' });
    expect(again.json().title).toContain('有効期限 (30分)');
    await login(t, tenant.code, 'taro', NEW_PASSWORD);
  });

  it('answers unknown organisations, unknown and disabled users the same way, without mail', async () => {
    await userWith('disabled', 'disabled@example.jp', false);
    const before = await outboxCount();
    const bodies = new Set<string>();
    for (const [loginId, code] of [
      ['nobody', tenant.code],
      ['taro', 'no-such-tenant'],
      ['disabled', tenant.code],
    ] as const) {
      const started = performance.now();
      const answer = await requestReset(loginId, code);
      expect(answer.statusCode, `${code}/${loginId}`).toBe(202);
      bodies.add(answer.body);
      expect(performance.now() - started).toBeGreaterThanOrEqual(390);
    }
    const known = await requestReset('taro');
    expect([...bodies.add(known.body)]).toEqual([known.body]);
    expect(await outboxCount()).toBe(before + 1);
    const { rows } = await t.db.superuser.query(
      "SELECT count(*)::int AS n FROM app.password_reset_tokens t JOIN app.users u USING (tenant_id, user_id) WHERE u.login_id = 'disabled'",
    );
    expect(rows[0].n).toBe(0);
  });

  it('tells the organisation admins when the user has no e-mail address', async () => {
    await userWith('nomail', '');
    expect((await requestReset('nomail')).statusCode).toBe(202);
    const notice = await smtp.waitFor((m) => m.text.includes('ログインID「nomail」'));
    expect(notice.to).toEqual(['admin@example.jp']);
    expect(notice.subject).toContain('メールアドレス未登録');
    expect(notice.text).not.toMatch(/password-reset\//);
  });

  it('tells the admins about a user without an address at most once an hour', async () => {
    await userWith('nomail3', '');
    const before = await outboxCount();
    for (let i = 0; i < 7; i++) expect((await requestReset('nomail3')).statusCode).toBe(202);
    expect(await outboxCount()).toBe(before + 1);
  });

  it('sends that notice to the 管理者メールアドレス of システム設定 once one is set', async () => {
    await t.db.superuser.query(
      "UPDATE app.tenant_settings SET admin_email = 'soumu@example.jp' WHERE tenant_id = $1",
      [tenant.tenantId],
    );
    try {
      await userWith('nomail2', '');
      expect((await requestReset('nomail2')).statusCode).toBe(202);
      const notice = await smtp.waitFor((m) => m.text.includes('ログインID「nomail2」'));
      expect(notice.to).toEqual(['soumu@example.jp']);
    } finally {
      await t.db.superuser.query(
        "UPDATE app.tenant_settings SET admin_email = '' WHERE tenant_id = $1",
        [tenant.tenantId],
      );
    }
  });

  it('refuses an expired link, and a link superseded by a newer request', async () => {
    await userWith('hanako', 'hanako@example.jp');
    await requestReset('hanako');
    const first = await mailedToken('hanako@example.jp');
    await requestReset('hanako');
    const second = await mailedToken('hanako@example.jp');
    expect(second).not.toBe(first);

    const superseded = await api(t).post('/api/v1/auth/password-reset/check', { token: first });
    expect(superseded.json()).toMatchObject({ code: 'password_reset_link_invalid' });
    expect(
      (await api(t).post('/api/v1/auth/password-reset/check', { token: second })).statusCode,
    ).toBe(200);

    await t.db.superuser.query(
      `UPDATE app.password_reset_tokens SET expires_at = now() - interval '1 second'
       WHERE tenant_id = $1 AND used_at IS NULL`,
      [tenant.tenantId],
    );
    const expired = await api(t).post('/api/v1/auth/password-reset/complete', {
      token: second,
      newPassword: NEW_PASSWORD,
    });
    expect(expired.statusCode).toBe(400);
    expect(expired.json()).toMatchObject({ code: 'password_reset_link_invalid' });
    await login(t, tenant.code, 'hanako', TEST_PASSWORD);
  });

  it('keeps the link usable when the new password breaks the rules', async () => {
    await userWith('jiro', 'jiro@example.jp');
    await requestReset('jiro');
    const token = await mailedToken('jiro@example.jp');
    const weak = await api(t).post('/api/v1/auth/password-reset/complete', {
      token,
      newPassword: 'password1234567',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ code: 'validation_failed' });
    expect(weak.json().errors[0].path).toBe('newPassword');
    const named = await api(t).post('/api/v1/auth/password-reset/complete', {
      token,
      newPassword: 'jiro jiro jiro jiro jiro',
    });
    expect(named.statusCode).toBe(400);
    const ok = await api(t).post('/api/v1/auth/password-reset/complete', {
      token,
      newPassword: NEW_PASSWORD,
    });
    expect(ok.statusCode).toBe(204);
  });

  it('mails one account at most five links an hour, still answering the same', async () => {
    const user = await userWith('busy', 'busy@example.jp');
    for (let i = 0; i < 6; i++) expect((await requestReset('busy')).statusCode).toBe(202);
    const { rows } = await t.db.superuser.query(
      `SELECT (SELECT count(*)::int FROM app.password_reset_tokens WHERE tenant_id = $1 AND user_id = $2) AS tokens,
              (SELECT count(*)::int FROM app.mail_outbox WHERE tenant_id = $1 AND 'busy@example.jp' = ANY (recipients)) AS mails`,
      [tenant.tenantId, user.userId],
    );
    expect(rows[0]).toEqual({ tokens: 5, mails: 5 });
  });

  it('rejects malformed and unknown tokens with the same stable code', async () => {
    for (const token of [
      'x',
      `${tenant.tenantId}${'A'.repeat(43)}`,
      `${'0'.repeat(36)}abc`,
      `${tenant.tenantId}.${'A'.repeat(43)}`,
    ]) {
      const answer = await api(t).post('/api/v1/auth/password-reset/check', { token });
      expect(answer.statusCode, token).toBe(400);
      expect(answer.json().code).toBe('password_reset_link_invalid');
    }
  });

  it('queues no mail for work that rolls back', async () => {
    const before = await outboxCount();
    await expect(
      withTenantTransaction(t.db.pool, tenant.tenantId, async (tx) => {
        await enqueueMail(tx, {
          kind: 'test',
          recipients: ['x@example.jp'],
          subject: 's',
          body: 'b',
        });
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    expect(await outboxCount()).toBe(before);
  });

  it('shows the dev mailbox to this machine only', async () => {
    const local = await createTestApp({ SMTP_URL: '' });
    try {
      const url = `/api/v1/dev/mailbox?tenantCode=${tenant.code}`;
      expect((await local.app.inject({ method: 'GET', url })).statusCode).toBe(200);
      const remote = await local.app.inject({ method: 'GET', url, remoteAddress: '192.0.2.10' });
      expect(remote.statusCode).toBe(404);
    } finally {
      await local.close();
    }
  });

  it('has no dev mailbox when SMTP is configured, nor in production', async () => {
    const withSmtp = await api(t).get(`/api/v1/dev/mailbox?tenantCode=${tenant.code}`);
    expect(withSmtp.statusCode).toBe(404);
    const production = await createTestApp({
      NODE_ENV: 'production',
      APP_ORIGIN: 'https://akinai.example.jp',
      // Production refuses to start without the key that encrypts TOTP secrets.
      MFA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    });
    try {
      const answer = await production.app.inject({
        method: 'GET',
        url: '/api/v1/dev/mailbox?tenantCode=demo',
      });
      expect(answer.statusCode).toBe(404);
      expect(production.routes.some((r) => r.url.includes('/dev/'))).toBe(false);
    } finally {
      await production.close();
    }
  });
});
