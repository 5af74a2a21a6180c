import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

/** 障害 (ADR 0020): detection, declaration with mails, updates, resolution, the status page. */
let t: TestApp;
let smtp: TestSmtpServer;
let operator: { cookie: string };
let withContact: TestTenant;
let adminsOnly: TestTenant;
let unaffected: TestTenant;

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ SMTP_URL: smtp.url, APP_ORIGIN: 'http://akinai.test' });
  operator = await createSignedInOperator(t, 'ops-incidents');
  withContact = await createSignedInTenant(t, 'inc-contact');
  adminsOnly = await createSignedInTenant(t, 'inc-admins');
  unaffected = await createSignedInTenant(t, 'inc-other');
  await t.db.superuser.query(
    "UPDATE app.tenants SET contact_email = 'contact@inc-contact.example' WHERE tenant_id = $1",
    [withContact.tenantId],
  );
  // No contract address: the notice falls back to the org admins' addresses.
  await t.db.superuser.query("UPDATE app.tenants SET contact_email = '' WHERE tenant_id = $1", [
    adminsOnly.tenantId,
  ]);
  await t.db.superuser.query(
    "UPDATE app.users SET email = 'admin@inc-admins.example' WHERE tenant_id = $1",
    [adminsOnly.tenantId],
  );
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const ops = () => api(t, operator.cookie);
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

async function record(title: string, detectedMinutesAgo: number) {
  const response = await ops().post('/api/ops/v1/incidents', {
    title,
    severity: 'major',
    detectedAt: minutesAgo(detectedMinutesAgo),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { incidentId: string; status: string; firstNoticeMinutes: number };
}

async function opsLogEvents() {
  const { rows } = await t.db.superuser.query<{ event: string; detail: Record<string, unknown> }>(
    `SELECT event, detail FROM app.operator_audit_log WHERE event LIKE 'incident.%' ORDER BY seq`,
  );
  return rows;
}

describe('incidents', () => {
  it('declares to the affected tenants only: one mail each, delivered by SMTP within the run', async () => {
    const recorded = await record('受注画面が開けない', 30);
    expect(recorded.status).toBe('detected');
    expect(recorded.firstNoticeMinutes).toBe(30);
    // Recorded but not declared: not public, nothing mailed.
    const before = (await api(t).get('/api/v1/status')).json();
    expect(before.current.map((i: { title: string }) => i.title)).not.toContain(
      '受注画面が開けない',
    );

    const declared = await ops().post(`/api/ops/v1/incidents/${recorded.incidentId}/declare`, {
      severity: 'critical',
      allTenants: false,
      tenantIds: [withContact.tenantId, adminsOnly.tenantId],
      message: '受注画面が表示されない事象を調査しています。',
    });
    expect(declared.statusCode, declared.body).toBe(200);
    const incident = declared.json();
    expect(incident).toMatchObject({ status: 'investigating', severity: 'critical' });
    expect(incident.affectedTenants.map((a: { code: string }) => a.code)).toEqual([
      'inc-admins',
      'inc-contact',
    ]);
    // Elapsed time is measured from detection, not from recording: 30 minutes, under target.
    expect(incident.firstNoticeMinutes).toBe(30);
    expect(incident.overTarget).toBe(false);

    const toContact = await smtp.waitFor((m) => m.to.includes('contact@inc-contact.example'));
    expect(toContact.subject).toBe('【Akinai】障害発生のお知らせ: 受注画面が開けない');
    expect(toContact.text).toContain('影響度: 重大');
    expect(toContact.text).toContain('http://akinai.test/status');
    const toAdmin = await smtp.waitFor((m) => m.to.includes('admin@inc-admins.example'));
    expect(toAdmin.text).toContain('受注画面が表示されない事象を調査しています。');
    // One mail per tenant, and none to a tenant that is not affected.
    const declaredMails = smtp.received.filter((m) => m.subject.includes('障害発生のお知らせ'));
    expect(declaredMails).toHaveLength(2);

    const again = await ops().post(`/api/ops/v1/incidents/${recorded.incidentId}/declare`, {
      severity: 'critical',
      allTenants: true,
      message: '二度目',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('incident_already_declared');

    // The affected tenant's admins see a banner; another tenant's do not.
    const banner = (await api(t, withContact.adminCookie).get('/api/v1/incidents/active')).json();
    expect(banner.items).toEqual([
      expect.objectContaining({
        title: '受注画面が開けない',
        severity: 'critical',
        message: '受注画面が表示されない事象を調査しています。',
      }),
    ]);
    const other = (await api(t, unaffected.adminCookie).get('/api/v1/incidents/active')).json();
    expect(other.items).toEqual([]);
    const staff = await createUser(t, withContact, { loginId: 'staff', permissions: [] });
    expect((await api(t, staff.cookie).get('/api/v1/incidents/active')).statusCode).toBe(403);

    // Updates and the resolution are mailed too; the banner goes once resolved.
    const update = await ops().post(`/api/ops/v1/incidents/${recorded.incidentId}/updates`, {
      status: 'identified',
      message: '原因を特定し、修正を適用しています。',
    });
    expect(update.statusCode, update.body).toBe(200);
    const updateMail = await smtp.waitFor(
      (m) => m.subject.includes('障害の経過報告') && m.to.includes('admin@inc-admins.example'),
    );
    expect(updateMail.text).toContain('状況: 原因特定');
    const resolved = await ops().post(`/api/ops/v1/incidents/${recorded.incidentId}/updates`, {
      status: 'resolved',
      message: '修正を適用し、正常に動作していることを確認しました。',
    });
    expect(resolved.json()).toMatchObject({ status: 'resolved' });
    expect(resolved.json().resolvedAt).not.toBeNull();
    await smtp.waitFor(
      (m) =>
        m.subject.includes('障害解消のお知らせ') && m.to.includes('contact@inc-contact.example'),
    );
    expect(
      (await api(t, withContact.adminCookie).get('/api/v1/incidents/active')).json().items,
    ).toEqual([]);
    const late = await ops().post(`/api/ops/v1/incidents/${recorded.incidentId}/updates`, {
      status: 'monitoring',
      message: '遅れて',
    });
    expect(late.json().code).toBe('incident_resolved');

    const events = (await opsLogEvents()).map((row) => row.event);
    expect(events).toEqual(
      expect.arrayContaining([
        'incident.recorded',
        'incident.declared',
        'incident.updated',
        'incident.resolved',
      ]),
    );
    const declaredLog = (await opsLogEvents()).find((row) => row.event === 'incident.declared');
    expect(declaredLog?.detail).toMatchObject({ mailed: 2, minutesSinceDetection: 30 });
  });

  it('highlights a first notice later than 2 hours after detection', async () => {
    const recorded = await record('帳票が出力できない', 150);
    expect(recorded.firstNoticeMinutes).toBe(150);
    const listed = (await ops().get('/api/ops/v1/incidents')).json();
    const row = listed.items.find(
      (i: { incidentId: string }) => i.incidentId === recorded.incidentId,
    );
    expect(row).toMatchObject({ overTarget: true, declaredAt: null });
    const declared = await ops().post(`/api/ops/v1/incidents/${recorded.incidentId}/declare`, {
      severity: 'minor',
      allTenants: true,
      message: '帳票の出力に時間がかかっています。',
    });
    expect(declared.json()).toMatchObject({ overTarget: true, allTenants: true });
    // "All tenants": every tenant whose contract has not ended with an address gets one.
    await smtp.waitFor(
      (m) =>
        m.subject.includes('帳票が出力できない') && m.to.includes('contact@inc-contact.example'),
    );
    const banner = (await api(t, unaffected.adminCookie).get('/api/v1/incidents/active')).json();
    expect(banner.items.map((i: { title: string }) => i.title)).toContain('帳票が出力できない');
  });

  it('refuses an update before the declaration and a detection in the future', async () => {
    const recorded = await record('検索が遅い', 5);
    const early = await ops().post(`/api/ops/v1/incidents/${recorded.incidentId}/updates`, {
      status: 'identified',
      message: 'まだ告知していない',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('incident_not_declared');
    const future = await ops().post('/api/ops/v1/incidents', {
      title: '未来',
      severity: 'minor',
      detectedAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(future.statusCode).toBe(400);
    const noTenants = await ops().post(`/api/ops/v1/incidents/${recorded.incidentId}/declare`, {
      severity: 'minor',
      allTenants: false,
      tenantIds: [],
      message: '対象なし',
    });
    expect(noTenants.statusCode).toBe(400);
    const unknownTenant = await ops().post(`/api/ops/v1/incidents/${recorded.incidentId}/declare`, {
      severity: 'minor',
      allTenants: false,
      tenantIds: ['00000000-0000-7000-8000-000000000001'],
      message: '存在しない組織',
    });
    expect(unknownTenant.statusCode).toBe(400);
  });
});

describe('public status page', () => {
  it('lists declared incidents in JST without any tenant name, code or count', async () => {
    const response = await api(t).get('/api/v1/status');
    expect(response.statusCode).toBe(200);
    const status = response.json();
    const titles = [...status.current, ...status.past].map((i: { title: string }) => i.title);
    expect(titles).toEqual(expect.arrayContaining(['受注画面が開けない', '帳票が出力できない']));
    expect(titles).not.toContain('検索が遅い');
    expect(status.operational).toBe(false);
    const resolved = status.past.find((i: { title: string }) => i.title === '受注画面が開けない');
    expect(resolved.declaredAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+09:00$/);
    expect(resolved.resolvedAt).toMatch(/\+09:00$/);
    expect(resolved.updates.map((u: { status: string }) => u.status)).toEqual([
      'investigating',
      'identified',
      'resolved',
    ]);
    const body = response.body;
    for (const tenant of [withContact, adminsOnly, unaffected]) {
      expect(body).not.toContain(tenant.code);
      expect(body).not.toContain(tenant.tenantId);
    }
    expect(body).not.toContain('テスト株式会社');
    expect(body).not.toMatch(/tenant|affected/i);
  });

  it('shows affected tenants only to the operator plane or to the tenant itself', async () => {
    const { rows } = await t.db.pool.query('SELECT count(*)::int AS n FROM app.incident_tenants');
    expect(rows[0].n).toBe(0);
    const undeclared = await t.db.pool.query(
      'SELECT count(*)::int AS n FROM app.incidents WHERE declared_at IS NULL',
    );
    expect(undeclared.rows[0].n).toBe(0);
  });
});
