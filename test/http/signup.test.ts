import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createSignedInOperator, createTestApp, login, type TestApp } from '../support/app';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp';

/** Self-service free trial sign-up: POST /api/v1/signup (public, rate-limited per IP). */
let t: TestApp;
let smtp: TestSmtpServer;

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({
    SMTP_URL: smtp.url,
    APP_ORIGIN: 'http://akinai.test',
    TRIAL_DAYS: '14',
    SIGNUP_RATE_LIMIT_PER_HOUR: '4',
  });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const form = (overrides: Record<string, unknown> = {}) => ({
  companyName: '試用商事株式会社',
  tenantCode: 'trial-one',
  adminName: '試用 太郎',
  loginId: 'taro',
  password: 'a long enough passphrase',
  contactEmail: 'taro@trial.example',
  agreeToTerms: true,
  ...overrides,
});

/** Each test sends from its own address, so the per-IP limit is the one under test only once. */
const from = (ip: string) => ({
  signup: (body: unknown) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/signup',
      headers: { 'x-requested-with': 'akinai' },
      remoteAddress: ip,
      payload: body as Record<string, unknown>,
    }),
});

describe('trial sign-up', () => {
  it('states the configured trial length to anyone before they apply', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/signup' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ trialDays: 14 });
  });

  it('creates a trial tenant of TRIAL_DAYS, mails a welcome and lets the admin sign in', async () => {
    const response = await from('10.0.0.1').signup(form());
    expect(response.statusCode, response.body).toBe(201);
    const days = (Date.parse(response.json().trialEndsAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(13.9);
    expect(days).toBeLessThanOrEqual(14);
    const mail = await smtp.waitFor((m) => m.to.includes('taro@trial.example'));
    expect(mail.subject).toContain('無料トライアル');
    expect(mail.text).toContain('組織コード: trial-one');
    expect(mail.text).toContain('http://akinai.test/login');
    const cookie = await login(t, 'trial-one', 'taro', 'a long enough passphrase');
    const me = (await api(t, cookie).get('/api/v1/auth/me')).json();
    expect(me.user).toMatchObject({ isOrgAdmin: true, mustChangePassword: false });
    expect(me.tenant.trialDaysLeft).toBe(14);
    const operator = await createSignedInOperator(t);
    const listed = (await api(t, operator.cookie).get('/api/ops/v1/tenants?q=trial-one')).json();
    expect(listed.items[0]).toMatchObject({
      status: 'trial',
      contactEmail: 'taro@trial.example',
      name: '試用商事株式会社',
    });
  });

  it('validates every field and says no more about other tenants than "code taken"', async () => {
    const client = from('10.0.0.2');
    const invalid = await client.signup(
      form({ tenantCode: 'Bad Code', agreeToTerms: false, contactEmail: 'nope' }),
    );
    expect(invalid.statusCode).toBe(400);
    const paths = invalid.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['tenantCode', 'agreeToTerms', 'contactEmail']));
    const weak = await client.signup(form({ tenantCode: 'trial-two', password: 'password' }));
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0].path).toBe('password');
    const taken = await client.signup(form({ tenantCode: 'trial-one' }));
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({
      code: 'tenant_code_taken',
      errors: [{ path: 'tenantCode', message: 'この組織コードは既に使われています' }],
    });
    expect(taken.body).not.toContain('試用商事');
  });

  it('is rate-limited per client IP', async () => {
    const client = from('10.0.0.3');
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push((await client.signup(form({ tenantCode: 'x' }))).statusCode);
    }
    expect(statuses.slice(0, 4)).toEqual([400, 400, 400, 400]);
    expect(statuses[4]).toBe(429);
    // Another address is not affected.
    expect((await from('10.0.0.4').signup(form({ tenantCode: 'x' }))).statusCode).toBe(400);
  });
});
