import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenantTransaction } from '../../src/server/platform/db/tenant-transaction';
import {
  api,
  createSignedInOperator,
  createSignedInTenant,
  createTestApp,
  createUser,
  type TestApp,
  type TestTenant,
} from '../support/app';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp';

/** 問い合わせ (ADR 0020): tenant users ask, operators answer, both sides see the conversation. */
let t: TestApp;
let smtp: TestSmtpServer;
let operator: { cookie: string };
let tenantA: TestTenant;
let tenantB: TestTenant;

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({
    SMTP_URL: smtp.url,
    APP_ORIGIN: 'http://akinai.test',
    SUPPORT_EMAIL: 'support@akinai.test',
  });
  operator = await createSignedInOperator(t, 'ops-support');
  tenantA = await createSignedInTenant(t, 'inq-a');
  tenantB = await createSignedInTenant(t, 'inq-b');
  await t.db.superuser.query(
    "UPDATE app.users SET email = 'admin@inq-a.example' WHERE tenant_id = $1",
    [tenantA.tenantId],
  );
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const ops = () => api(t, operator.cookie);
const ask = (cookie: string, subject: string) =>
  api(t, cookie).post('/api/v1/inquiries', {
    subject,
    category: 'usage',
    body: `${subject}について教えてください。`,
  });

describe('inquiries', () => {
  it('goes from the user to support and back, visible on both sides and mailed both ways', async () => {
    const created = await ask(tenantA.adminCookie, '請求書の再発行');
    expect(created.statusCode, created.body).toBe(201);
    const inquiry = created.json();
    expect(inquiry).toMatchObject({ status: 'open', category: 'usage', createdByName: '管理者' });
    const toSupport = await smtp.waitFor((m) => m.to.includes('support@akinai.test'));
    expect(toSupport.subject).toBe('【Akinai 問い合わせ】inq-a: 請求書の再発行');
    expect(toSupport.text).toContain('請求書の再発行について教えてください。');

    const open = (await ops().get('/api/ops/v1/inquiries')).json();
    expect(open.items).toEqual([
      expect.objectContaining({
        inquiryId: inquiry.inquiryId,
        tenantCode: 'inq-a',
        status: 'open',
      }),
    ]);
    const answered = await ops().post(`/api/ops/v1/inquiries/${inquiry.inquiryId}/answer`, {
      body: '帳票一覧の「再発行」から出力できます。',
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json().status).toBe('answered');
    const toUser = await smtp.waitFor((m) => m.to.includes('admin@inq-a.example'));
    expect(toUser.subject).toBe('【Akinai】お問い合わせへの回答: 請求書の再発行');
    expect(toUser.text).toContain('帳票一覧の「再発行」から出力できます。');
    expect(toUser.text).toContain(`http://akinai.test/inquiries/${inquiry.inquiryId}`);

    const seen = (
      await api(t, tenantA.adminCookie).get(`/api/v1/inquiries/${inquiry.inquiryId}`)
    ).json();
    expect(seen.status).toBe('answered');
    expect(seen.messages.map((m: { author: string }) => m.author)).toEqual(['tenant', 'operator']);
    expect(seen.messages[1]).toMatchObject({ authorName: 'Akinai サポート' });

    // A reply re-opens it for support; closing ends the conversation on both sides.
    const reply = await api(t, tenantA.adminCookie).post(
      `/api/v1/inquiries/${inquiry.inquiryId}/messages`,
      { body: 'ありがとうございます。もう一点あります。' },
    );
    expect(reply.json().status).toBe('open');
    expect(
      (await ops().get(`/api/ops/v1/inquiries/${inquiry.inquiryId}`)).json().messages,
    ).toHaveLength(3);
    expect(
      (await ops().post(`/api/ops/v1/inquiries/${inquiry.inquiryId}/close`)).json().status,
    ).toBe('closed');
    const afterClose = await api(t, tenantA.adminCookie).post(
      `/api/v1/inquiries/${inquiry.inquiryId}/messages`,
      { body: 'まだあります' },
    );
    expect(afterClose.statusCode).toBe(409);
    expect(afterClose.json().code).toBe('inquiry_closed');

    const audit = await withTenantTransaction(t.db.pool, tenantA.tenantId, async (tx) => {
      const { rows } = await tx.client.query<{ event: string }>(
        "SELECT event FROM app.audit_log WHERE event LIKE 'inquiry.%' ORDER BY seq",
      );
      return rows.map((row) => row.event);
    });
    expect(audit).toEqual(['inquiry.created', 'inquiry.replied']);
    const { rows: opsLog } = await t.db.superuser.query<{ event: string }>(
      "SELECT event FROM app.operator_audit_log WHERE event LIKE 'inquiry.%' ORDER BY seq",
    );
    expect(opsLog.map((row) => row.event)).toEqual(['inquiry.answered', 'inquiry.closed']);
  });

  it('is isolated between tenants and between users of one tenant', async () => {
    const fromB = (await ask(tenantB.adminCookie, '他社からの質問')).json();
    const fromA = (await ask(tenantA.adminCookie, '自社の質問')).json();
    const listA = (await api(t, tenantA.adminCookie).get('/api/v1/inquiries')).json();
    expect(listA.items.map((i: { subject: string }) => i.subject)).not.toContain('他社からの質問');
    const peek = await api(t, tenantA.adminCookie).get(`/api/v1/inquiries/${fromB.inquiryId}`);
    expect(peek.statusCode).toBe(404);
    const write = await api(t, tenantA.adminCookie).post(
      `/api/v1/inquiries/${fromB.inquiryId}/messages`,
      { body: '割り込み' },
    );
    expect(write.statusCode).toBe(404);
    // A colleague in the same tenant does not read someone else's conversation either.
    const staff = await createUser(t, tenantA, { loginId: 'staff', permissions: [] });
    expect(
      (await api(t, staff.cookie).get(`/api/v1/inquiries/${fromA.inquiryId}`)).statusCode,
    ).toBe(404);
    expect((await api(t, staff.cookie).get('/api/v1/inquiries')).json().items).toEqual([]);
    // The tenant policy hides B's rows from A's transaction even without a WHERE.
    const visible = await withTenantTransaction(t.db.pool, tenantA.tenantId, async (tx) => {
      const { rows } = await tx.client.query<{ tenant_id: string }>(
        'SELECT DISTINCT tenant_id FROM app.inquiries',
      );
      return rows.map((row) => row.tenant_id);
    });
    expect(visible).toEqual([tenantA.tenantId]);
    // The operator sees both, each with its tenant code.
    const all = (await ops().get('/api/ops/v1/inquiries?status=all')).json();
    const codes = new Set(all.items.map((i: { tenantCode: string }) => i.tenantCode));
    expect(codes).toEqual(new Set(['inq-a', 'inq-b']));
  });

  it('validates the form', async () => {
    const empty = await api(t, tenantA.adminCookie).post('/api/v1/inquiries', {
      subject: '',
      category: 'nonsense',
      body: '',
    });
    expect(empty.statusCode).toBe(400);
    const unknown = await ops().post(
      '/api/ops/v1/inquiries/00000000-0000-7000-8000-000000000000/answer',
      { body: '回答' },
    );
    expect(unknown.statusCode).toBe(404);
  });
});
