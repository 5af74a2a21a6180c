import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTotp } from '../../src/server/platform/auth/totp';
import { withTenantTransaction } from '../../src/server/platform/db/tenant-transaction';
import {
  api,
  createSignedInOperator,
  createSignedInTenant,
  createTestApp,
  createTestOperator,
  login,
  OPERATOR_PASSWORD,
  operatorCookieFrom,
  type TestApp,
} from '../support/app';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp';

/** The operator plane (ADR 0016): sign-in with required TOTP, contracts, break-glass. */
let t: TestApp;
let smtp: TestSmtpServer;
let operator: { cookie: string; secret: string; loginId: string };

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({
    SMTP_URL: smtp.url,
    APP_ORIGIN: 'http://akinai.test',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
  });
  operator = await createSignedInOperator(t, 'ops-main');
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const ops = () => api(t, operator.cookie);

async function tenantAudit(tenantId: string) {
  return withTenantTransaction(t.db.pool, tenantId, async (tx) => {
    const { rows } = await tx.client.query<{ event: string; actor_label: string; after: unknown }>(
      'SELECT event, actor_label, after FROM app.audit_log WHERE tenant_id = $1 ORDER BY seq',
      [tenantId],
    );
    return rows;
  });
}

async function createOpsTenant(code: string, status: 'trial' | 'active' = 'trial') {
  const response = await ops().post('/api/ops/v1/tenants', {
    code,
    name: `${code} 株式会社`,
    plan: 'standard',
    seatLimit: 3,
    contactEmail: `contact@${code}.example`,
    status,
    admin: { loginId: 'admin', name: '最初の管理者' },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { tenantId: string; adminLoginId: string; initialPassword: string };
}

describe('operator sign-in', () => {
  it('requires TOTP: enrolment at the first sign-in, the code at every later one', async () => {
    await createTestOperator(t, 'ops-mfa');
    const first = await api(t).post('/api/ops/v1/auth/login', {
      loginId: 'ops-mfa',
      password: OPERATOR_PASSWORD,
    });
    expect(first.json()).toEqual({ sessionStage: 'mfa_enrol' });
    const enrolCookie = operatorCookieFrom(first);
    const blocked = await api(t, enrolCookie).get('/api/ops/v1/tenants');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('mfa_enrolment_required');
    const { secret } = (await api(t, enrolCookie).post('/api/ops/v1/auth/mfa/enrolment')).json();
    const wrong = await api(t, enrolCookie).post('/api/ops/v1/auth/mfa/enrolment/confirm', {
      code: '000000',
    });
    expect(wrong.statusCode).toBe(400);
    const confirmed = await api(t, enrolCookie).post('/api/ops/v1/auth/mfa/enrolment/confirm', {
      code: currentTotp(secret),
    });
    expect(confirmed.statusCode).toBe(200);
    const full = operatorCookieFrom(confirmed);
    expect((await api(t, full).get('/api/ops/v1/tenants')).statusCode).toBe(200);
    // The enrolment session was replaced, not upgraded.
    expect((await api(t, enrolCookie).get('/api/ops/v1/auth/me')).statusCode).toBe(401);

    await api(t, full).post('/api/ops/v1/auth/logout');
    expect((await api(t, full).get('/api/ops/v1/auth/me')).statusCode).toBe(401);

    const again = await api(t).post('/api/ops/v1/auth/login', {
      loginId: 'ops-mfa',
      password: OPERATOR_PASSWORD,
    });
    expect(again.json()).toEqual({ sessionStage: 'mfa' });
    const pending = operatorCookieFrom(again);
    const waiting = await api(t, pending).get('/api/ops/v1/tenants');
    expect(waiting.json().code).toBe('mfa_verification_required');
    const badCode = await api(t, pending).post('/api/ops/v1/auth/mfa/verify', { code: '123456' });
    expect(badCode.statusCode).toBe(400);
    // A later time step: the code used at enrolment may not be replayed.
    const verified = await api(t, pending).post('/api/ops/v1/auth/mfa/verify', {
      code: currentTotp(secret, Date.now() + 30_000),
    });
    expect(verified.statusCode, verified.body).toBe(204);
    const me = await api(t, operatorCookieFrom(verified)).get('/api/ops/v1/auth/me');
    expect(me.json()).toMatchObject({ loginId: 'ops-mfa', sessionStage: 'full' });
  });

  it('gives the same answer for an unknown login ID and a wrong password', async () => {
    const unknown = await api(t).post('/api/ops/v1/auth/login', {
      loginId: 'nobody',
      password: OPERATOR_PASSWORD,
    });
    const wrong = await api(t).post('/api/ops/v1/auth/login', {
      loginId: 'ops-main',
      password: 'not the password at all',
    });
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json().code).toBe('operator_invalid_credentials');
    expect(wrong.json().code).toBe('operator_invalid_credentials');
  });

  it('refuses the wrong plane both ways', async () => {
    const tenant = await createSignedInTenant(t);
    const asTenant = await api(t, tenant.adminCookie).get('/api/ops/v1/tenants');
    expect(asTenant.statusCode).toBe(401);
    const asOperator = await ops().get('/api/v1/auth/me');
    expect(asOperator.statusCode).toBe(401);
    // Both cookies at once: each plane reads only its own.
    const both = `${tenant.adminCookie}; ${operator.cookie}`;
    expect((await api(t, both).get('/api/v1/users')).statusCode).toBe(200);
    expect((await api(t, both).get('/api/ops/v1/tenants')).statusCode).toBe(200);
  });

  it('keeps operator rows out of every tenant transaction', async () => {
    const tenant = await createSignedInTenant(t);
    const counts = await withTenantTransaction(t.db.pool, tenant.tenantId, async (tx) => {
      const { rows } = await tx.client.query<{ n: number }>(
        `SELECT (SELECT count(*) FROM app.operators)
              + (SELECT count(*) FROM app.operator_sessions)
              + (SELECT count(*) FROM app.operator_audit_log) AS n`,
      );
      return Number(rows[0]?.n);
    });
    expect(counts).toBe(0);
    const superuserCount = await t.db.superuser.query(
      'SELECT count(*)::int AS n FROM app.operators',
    );
    expect(superuserCount.rows[0].n).toBeGreaterThan(0);
  });
});

describe('tenants and contracts', () => {
  it('creates a tenant whose admin signs in with the initial password, audited on both sides', async () => {
    const created = await createOpsTenant('ops-new');
    expect(created.initialPassword).toMatch(/^[\w]{5}(-[\w]{5}){3}$/);
    const cookie = await login(t, 'ops-new', 'admin', created.initialPassword);
    const me = (await api(t, cookie).get('/api/v1/auth/me')).json();
    expect(me.user.mustChangePassword).toBe(true);
    const audit = await tenantAudit(created.tenantId);
    expect(audit[0]).toMatchObject({ event: 'tenant.created', actor_label: '運用者 ops-main' });
    const list = (await ops().get('/api/ops/v1/tenants?q=ops-new')).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      code: 'ops-new',
      status: 'trial',
      plan: 'trial',
      seatsUsed: 1,
      seatLimit: 3,
      contactEmail: 'contact@ops-new.example',
    });
    expect(Date.parse(list.items[0].trialEndsAt) - Date.now()).toBeGreaterThan(29 * 86_400_000);
    const opsLog = (await ops().get('/api/ops/v1/audit-log')).json();
    expect(opsLog.items[0]).toMatchObject({ event: 'tenant.created', targetTenantCode: 'ops-new' });
    const taken = await ops().post('/api/ops/v1/tenants', {
      code: 'ops-new',
      name: '重複',
      plan: 'standard',
      seatLimit: 3,
      contactEmail: 'x@example.test',
      status: 'active',
      admin: { loginId: 'admin', name: '管理者' },
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('tenant_code_taken');
  });

  it('converts a trial to a paid contract once', async () => {
    const { tenantId } = await createOpsTenant('ops-convert');
    const converted = await ops().post(`/api/ops/v1/tenants/${tenantId}/convert`, {
      plan: 'スタンダード',
      seatLimit: 20,
    });
    expect(converted.statusCode).toBe(200);
    expect(converted.json()).toMatchObject({
      status: 'active',
      plan: 'スタンダード',
      seatLimit: 20,
      trialEndsAt: null,
    });
    const again = await ops().post(`/api/ops/v1/tenants/${tenantId}/convert`, {
      plan: 'x',
      seatLimit: 20,
    });
    expect(again.json().code).toBe('tenant_not_in_trial');
    const audit = await tenantAudit(tenantId);
    expect(audit.at(-1)).toMatchObject({
      event: 'tenant.converted',
      actor_label: '運用者 ops-main',
      after: { status: 'active', plan: 'スタンダード', seatLimit: 20 },
    });
  });

  it('never sets the seat limit below the seats in use', async () => {
    const { tenantId, initialPassword } = await createOpsTenant('ops-seats', 'active');
    const admin = await login(t, 'ops-seats', 'admin', initialPassword);
    const changed = await api(t, admin).post('/api/v1/auth/password', {
      currentPassword: initialPassword,
      newPassword: 'a fresh passphrase for the boss',
    });
    expect(changed.statusCode, changed.body).toBe(204);
    const created = await api(t, admin).post('/api/v1/users', {
      loginId: 'clerk',
      name: '事務 花子',
      initialPassword: 'an office first passphrase',
    });
    expect(created.statusCode, created.body).toBe(201);
    const below = await ops().put(`/api/ops/v1/tenants/${tenantId}/seat-limit`, { seatLimit: 1 });
    expect(below.statusCode).toBe(409);
    expect(below.json().code).toBe('seat_limit_below_usage');
    const exact = await ops().put(`/api/ops/v1/tenants/${tenantId}/seat-limit`, { seatLimit: 2 });
    expect(exact.json()).toMatchObject({ seatsUsed: 2, seatLimit: 2 });
    const third = await api(t, admin).post('/api/v1/users', {
      loginId: 'third',
      name: '三人目',
      initialPassword: 'yet another first passphrase',
    });
    expect(third.json().code).toBe('seat_limit_reached');
  });

  it('ends a contract: status ended with its time, only after the code is typed again', async () => {
    const { tenantId } = await createOpsTenant('ops-end', 'active');
    const wrong = await ops().post(`/api/ops/v1/tenants/${tenantId}/end-contract`, {
      confirmCode: 'ops-other',
    });
    expect(wrong.statusCode).toBe(400);
    const ended = await ops().post(`/api/ops/v1/tenants/${tenantId}/end-contract`, {
      confirmCode: 'ops-end',
    });
    expect(ended.statusCode).toBe(200);
    expect(ended.json().status).toBe('ended');
    expect(Math.abs(Date.parse(ended.json().contractEndedAt) - Date.now())).toBeLessThan(60_000);
    const twice = await ops().post(`/api/ops/v1/tenants/${tenantId}/end-contract`, {
      confirmCode: 'ops-end',
    });
    expect(twice.json().code).toBe('tenant_contract_ended');
    expect((await tenantAudit(tenantId)).at(-1)?.event).toBe('tenant.contract_ended');
  });
});

describe('break-glass', () => {
  it("needs a reason and at most 4 hours, lands in the tenant's audit log and mails its admins", async () => {
    const { tenantId } = await createOpsTenant('ops-glass', 'active');
    await t.db.superuser.query(
      "UPDATE app.users SET email = 'boss@ops-glass.example' WHERE tenant_id = $1",
      [tenantId],
    );
    const url = `/api/ops/v1/tenants/${tenantId}/break-glass`;
    expect((await ops().post(url, { reason: '', minutes: 60 })).statusCode).toBe(400);
    expect((await ops().post(url, { reason: '障害調査のため必要', minutes: 241 })).statusCode).toBe(
      400,
    );
    const granted = await ops().post(url, { reason: '問い合わせ #42 の障害調査', minutes: 60 });
    expect(granted.statusCode, granted.body).toBe(201);
    const audit = await tenantAudit(tenantId);
    expect(audit.at(-1)).toMatchObject({
      event: 'support.break_glass_granted',
      actor_label: '運用者 ops-main',
      after: { operator: 'ops-main', reason: '問い合わせ #42 の障害調査' },
    });
    const mail = await smtp.waitFor((m) => m.to.includes('boss@ops-glass.example'));
    expect(mail.subject).toContain('緊急アクセス');
    expect(mail.text).toContain('問い合わせ #42 の障害調査');
    const detail = (await ops().get(`/api/ops/v1/tenants/${tenantId}`)).json();
    expect(detail.breakGlass[0]).toMatchObject({ operatorLoginId: 'ops-main', active: true });
    const minutes = (Date.parse(detail.breakGlass[0].expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(58);
    expect(minutes).toBeLessThanOrEqual(60);
  });
});
