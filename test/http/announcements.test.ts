import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withOperatorTransaction } from '../../src/server/platform/db/operator-transaction';
import { withTenantTransaction } from '../../src/server/platform/db/tenant-transaction';
import { enqueueMail } from '../../src/server/platform/mail/enqueue-mail';
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

/** お知らせ and the operator mail log (ADR 0019). */
let t: TestApp;
let smtp: TestSmtpServer;
let operatorCookie: string;
let tenant: TestTenant;
let clerk: { userId: string; cookie: string };

beforeAll(async () => {
  smtp = await startSmtpServer({ rejectRecipient: (to) => to.startsWith('nobody@') });
  t = await createTestApp({
    SMTP_URL: smtp.url,
    APP_ORIGIN: 'http://akinai.test',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
  });
  operatorCookie = (await createSignedInOperator(t, 'ops-news')).cookie;
  tenant = await createSignedInTenant(t);
  clerk = await createUser(t, tenant, { loginId: 'clerk', permissions: [] });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const ops = () => api(t, operatorCookie);

async function draft(title: string, body = '# 見出し\n\n本文') {
  const response = await ops().post('/api/ops/v1/announcements', { title, body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { announcementId: string; publishedAt: string | null };
}

async function titlesFor(cookie: string) {
  const response = await api(t, cookie).get('/api/v1/announcements');
  expect(response.statusCode, response.body).toBe(200);
  return (response.json().items as { title: string; isUnread: boolean }[]).map(
    (i) => `${i.title}${i.isUnread ? ' NEW' : ''}`,
  );
}

const unread = async (cookie: string) =>
  (await api(t, cookie).get('/api/v1/announcements/unread')).json().unread as number;

async function operatorEvents() {
  return withOperatorTransaction(t.db.pool, async (tx) => {
    const { rows } = await tx.client.query<{ event: string; target_id: string }>(
      "SELECT event, target_id FROM app.operator_audit_log WHERE target_type = 'announcement' ORDER BY seq",
    );
    return rows.map((r) => `${r.event} ${r.target_id}`);
  });
}

describe('announcements', () => {
  it('shows tenants only published notes, newest first, with NEW per user until read', async () => {
    const older = await draft('古いお知らせ');
    const newer = await draft('新機能のお知らせ');
    const hidden = await draft('下書きのまま');
    const scheduled = await draft('来月のお知らせ');
    await ops().post(`/api/ops/v1/announcements/${older.announcementId}/publish`, {
      publishedAt: '2026-01-05T09:00:00+09:00',
    });
    const published = await ops().post(
      `/api/ops/v1/announcements/${newer.announcementId}/publish`,
      {},
    );
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json().publishedAt).not.toBeNull();
    const future = new Date(Date.now() + 3_600_000).toISOString();
    await ops().post(`/api/ops/v1/announcements/${scheduled.announcementId}/publish`, {
      publishedAt: future,
    });

    expect(await titlesFor(tenant.adminCookie)).toEqual([
      '新機能のお知らせ NEW',
      '古いお知らせ NEW',
    ]);
    expect(await unread(clerk.cookie)).toBe(2);

    const one = await api(t, clerk.cookie).post(
      `/api/v1/announcements/${newer.announcementId}/read`,
    );
    expect(one.statusCode).toBe(204);
    expect(await titlesFor(clerk.cookie)).toEqual(['新機能のお知らせ', '古いお知らせ NEW']);
    // The admin's marks are their own.
    expect(await unread(tenant.adminCookie)).toBe(2);
    expect((await api(t, clerk.cookie).post('/api/v1/announcements/read')).statusCode).toBe(204);
    expect(await unread(clerk.cookie)).toBe(0);

    // A draft or a scheduled note cannot be marked (it does not exist for the tenant).
    for (const id of [hidden.announcementId, scheduled.announcementId]) {
      const refused = await api(t, clerk.cookie).post(`/api/v1/announcements/${id}/read`);
      expect(refused.statusCode).toBe(404);
    }

    // Its time comes: the scheduled note appears, unread for everyone.
    await withOperatorTransaction(t.db.pool, (tx) =>
      tx.client.query(
        'UPDATE app.announcements SET published_at = now() WHERE announcement_id = $1',
        [scheduled.announcementId],
      ),
    );
    expect(await titlesFor(clerk.cookie)).toEqual([
      '来月のお知らせ NEW',
      '新機能のお知らせ',
      '古いお知らせ',
    ]);

    // Unpublishing hides it again; editing and deleting are recorded.
    await ops().post(`/api/ops/v1/announcements/${scheduled.announcementId}/unpublish`);
    expect(await unread(clerk.cookie)).toBe(0);
    const edited = await ops().put(`/api/ops/v1/announcements/${hidden.announcementId}`, {
      title: '修正した下書き',
      body: '本文',
    });
    expect(edited.json().title).toBe('修正した下書き');
    const deleted = await ops().send('DELETE', `/api/ops/v1/announcements/${older.announcementId}`);
    expect(deleted.statusCode).toBe(204);
    expect(await titlesFor(clerk.cookie)).toEqual(['新機能のお知らせ']);

    const events = await operatorEvents();
    expect(events).toEqual(
      expect.arrayContaining([
        `announcement.created ${older.announcementId}`,
        `announcement.published ${newer.announcementId}`,
        `announcement.unpublished ${scheduled.announcementId}`,
        `announcement.updated ${hidden.announcementId}`,
        `announcement.deleted ${older.announcementId}`,
      ]),
    );
  });

  it('keeps drafts out of a tenant transaction even without a WHERE (row-level security)', async () => {
    await draft('RLSで隠れる下書き');
    const titles = await withTenantTransaction(t.db.pool, tenant.tenantId, async (tx) => {
      const { rows } = await tx.client.query<{ title: string; published_at: Date | null }>(
        'SELECT title, published_at FROM app.announcements',
      );
      return rows;
    });
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.every((r) => r.published_at !== null && r.published_at <= new Date())).toBe(true);
    expect(titles.map((r) => r.title)).not.toContain('RLSで隠れる下書き');
  });

  it('rejects invalid input with 400 and unknown ids with 404', async () => {
    const empty = await ops().post('/api/ops/v1/announcements', { title: ' ', body: '' });
    expect(empty.statusCode).toBe(400);
    const badDate = await ops().post(
      '/api/ops/v1/announcements/00000000-0000-7000-8000-000000000000/publish',
      { publishedAt: 'tomorrow' },
    );
    expect(badDate.statusCode).toBe(400);
    const missing = await ops().post(
      '/api/ops/v1/announcements/00000000-0000-7000-8000-000000000000/publish',
      {},
    );
    expect(missing.statusCode).toBe(404);
  });

  it('keeps tenant users out of the console routes', async () => {
    for (const url of ['/api/ops/v1/announcements', '/api/ops/v1/mail-log']) {
      expect((await api(t, tenant.adminCookie).get(url)).statusCode).toBe(401);
    }
    const write = await api(t, tenant.adminCookie).post('/api/ops/v1/announcements', {
      title: 'x',
      body: 'y',
    });
    expect(write.statusCode).toBe(401);
  });
});

describe('mail log', () => {
  it('shows every tenant mail with status, attempts and the failure reason, addresses masked', async () => {
    const other = await createSignedInTenant(t);
    await withTenantTransaction(t.db.pool, tenant.tenantId, (tx) =>
      enqueueMail(tx, {
        kind: 'test',
        recipients: ['taro@example.jp'],
        subject: '届くメール',
        body: 'secret body text',
      }),
    );
    await withTenantTransaction(t.db.pool, other.tenantId, (tx) =>
      enqueueMail(tx, {
        kind: 'test',
        recipients: ['nobody@example.jp'],
        subject: '届かないメール',
        body: 'secret body text',
      }),
    );
    await smtp.waitFor((m) => m.subject === '届くメール');

    let log: { items: Record<string, unknown>[]; total: number } = { items: [], total: 0 };
    for (let i = 0; i < 100; i++) {
      log = (await ops().get('/api/ops/v1/mail-log')).json();
      const failed = log.items.find((m) => m.subject === '届かないメール');
      if (failed?.status === 'failed') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const sent = log.items.find((m) => m.subject === '届くメール');
    const failed = log.items.find((m) => m.subject === '届かないメール');
    expect(sent).toMatchObject({
      tenantCode: tenant.code,
      status: 'sent',
      attempts: 1,
      recipients: ['t***@example.jp'],
      lastError: null,
    });
    expect(failed).toMatchObject({
      tenantCode: other.code,
      status: 'failed',
      recipients: ['n***@example.jp'],
    });
    expect(String(failed?.lastError)).toContain('550');
    expect(JSON.stringify(log)).not.toContain('secret body text');
    expect(JSON.stringify(log)).not.toContain('taro@');

    const onlyFailed = (await ops().get('/api/ops/v1/mail-log?status=failed')).json();
    expect(onlyFailed.items.map((m: { subject: string }) => m.subject)).toEqual(['届かないメール']);
    const byTenant = (await ops().get(`/api/ops/v1/mail-log?tenantCode=${tenant.code}`)).json();
    expect(byTenant.items.every((m: { tenantCode: string }) => m.tenantCode === tenant.code)).toBe(
      true,
    );
    expect(byTenant.total).toBe(byTenant.items.length);
    const pastEnd = (await ops().get('/api/ops/v1/mail-log?page=99')).json();
    expect(pastEnd.items).toEqual([]);
    expect(pastEnd.total).toBe(log.total);
  });

  it('does not open other tenants mail to a tenant transaction', async () => {
    const rows = await withTenantTransaction(t.db.pool, tenant.tenantId, async (tx) => {
      const { rows } = await tx.client.query<{ tenant_id: string }>(
        'SELECT tenant_id FROM app.mail_outbox',
      );
      return rows;
    });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.tenant_id === tenant.tenantId)).toBe(true);
  });
});
