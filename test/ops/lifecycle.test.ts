import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLifecycle } from '../../src/server/modules/lifecycle/run-lifecycle';
import { main } from '../../src/server/ops/cli';
import { createPool } from '../../src/server/platform/db/pool';
import { listTenantTables } from '../../src/server/platform/db/tenant-catalog';
import {
  api,
  createSignedInTenant,
  createTestApp,
  type TestApp,
  type TestTenant,
} from '../support/app';
import { commitImport, excelCsv, previewFile } from '../support/master-import';
import { sampleFor } from '../support/route-samples';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp';

/**
 * Issue 5 "Done when": with a controllable clock, a trial and a paid tenant are purged before
 * their deadlines (end + 5 days / + 21 days), a catalog-driven count finds zero rows of them in
 * every tenant table, another tenant is untouched, the deletion record holds counts and no
 * personal data, reminders reach a real SMTP server once each, and a tenant not yet due stays.
 */
const DAY = 24 * 60 * 60 * 1000;
const MINUTE = 60 * 1000;
const policy = { graceDaysTrial: 5, graceDaysPaid: 21 };

let t: TestApp;
let smtp: TestSmtpServer;
let ownerPool: pg.Pool;
let trial: TestTenant;
let paid: TestTenant;
let bystander: TestTenant;
let trialEnd: Date;
let paidEnd: Date;
const personal: string[] = [];

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ SMTP_URL: smtp.url, APP_ORIGIN: 'https://akinai.example.jp' });
  ownerPool = createPool(t.db.ownerUrl, 2);
  trial = await createSignedInTenant(t);
  paid = await createSignedInTenant(t);
  bystander = await createSignedInTenant(t);
  const realNow = Date.now();
  trialEnd = new Date(realNow - 60 * MINUTE);
  paidEnd = new Date(realNow - 30 * MINUTE);
  for (const [tenant, contact] of [
    [trial, 'contact-trial@example.jp'],
    [paid, 'contact-paid@example.jp'],
    [bystander, 'contact-other@example.jp'],
  ] as const) {
    await fillEveryTable(tenant, contact);
    personal.push(tenant.code, `テスト株式会社 ${tenant.code}`, contact);
  }
  // The trial simply runs out; the paid contract was ended by an operator.
  await t.db.superuser.query(
    "UPDATE app.tenants SET status = 'trial', plan = 'trial', trial_ends_at = $2 WHERE tenant_id = $1",
    [trial.tenantId, trialEnd],
  );
  await t.db.superuser.query(
    "UPDATE app.tenants SET status = 'ended', plan = 'standard', contract_ended_at = $2 WHERE tenant_id = $1",
    [paid.tenantId, paidEnd],
  );
  await t.db.superuser.query(
    "UPDATE app.tenants SET status = 'active', plan = 'standard' WHERE tenant_id = $1",
    [bystander.tenantId],
  );
});
afterAll(async () => {
  await ownerPool.end();
  await t.close();
  await smtp.close();
});

/** Business data, users, sessions, tokens, mail, throttling and audit rows, through the API. */
async function fillEveryTable(tenant: TestTenant, contact: string) {
  const admin = api(t, tenant.adminCookie);
  const expectCreated = async (response: Promise<{ statusCode: number; body: string }>) => {
    const done = await response;
    expect(done.statusCode, done.body).toBeLessThan(300);
  };
  await expectCreated(admin.post('/api/v1/customers', { code: 'C1', name: `顧客 ${tenant.code}` }));
  await expectCreated(admin.post('/api/v1/departments', { code: 'D1', name: '営業部' }));
  await expectCreated(admin.post('/api/v1/projects', { code: 'P1', name: '物件' }));
  await expectCreated(admin.post('/api/v1/units', { name: 'パレット', sortOrder: 900 }));
  await expectCreated(
    admin.post('/api/v1/tax-rates', {
      code: 'X10',
      printedName: '特別',
      ratePercent: '10',
      category: 'standard',
      sortOrder: 900,
    }),
  );
  await expectCreated(
    admin.post('/api/v1/users', {
      loginId: 'clerk',
      name: `担当 ${tenant.code}`,
      email: `clerk-${tenant.code}@example.jp`,
      isActive: false,
    }),
  );
  await expectCreated(
    admin.post('/api/v1/api-tokens', {
      name: '連携',
      expiresInDays: 90,
      scope: ['customers:view'],
    }),
  );
  // One row in each settings and master table, with the bodies the route samples use.
  for (const key of [
    'PUT /api/v1/company/profile',
    'PUT /api/v1/company/images/logo',
    'POST /api/v1/company/bank-accounts',
    'PUT /api/v1/company/print-settings',
    'PUT /api/v1/company/entry-checks',
  ]) {
    const [method, url] = key.split(' ') as ['PUT' | 'POST', string];
    const sample = sampleFor({ method, url } as never, {} as never);
    await expectCreated(admin.send(method, sample.url, sample.body));
  }
  await expectCreated(
    admin.put('/api/v1/settings/code-numbering', {
      items: [{ kind: 'suppliers', isAuto: true, width: 5, version: 0 }],
    }),
  );
  const classify = async (partnerType: 'customer' | 'supplier') => {
    const axes = (await admin.get(`/api/v1/classification-axes?partnerType=${partnerType}`)).json();
    const axis = axes.axes[0];
    const item = await admin.post(`/api/v1/classification-axes/${axis.axisId}/items`, {
      code: 'K1',
      name: '関東',
    });
    await expectCreated(Promise.resolve(item));
    return [{ axisId: axis.axisId, itemId: item.json().itemId }];
  };
  await expectCreated(
    admin.post('/api/v1/suppliers', {
      code: 'S1',
      name: '仕入先',
      classifications: await classify('supplier'),
    }),
  );
  await expectCreated(
    admin.post('/api/v1/customers', {
      code: 'C2',
      name: '分類付きの顧客',
      classifications: await classify('customer'),
    }),
  );
  const product = await admin.post('/api/v1/products', { code: 'G1', name: '商品' });
  await expectCreated(Promise.resolve(product));
  const customerId = (await admin.get('/api/v1/customers?q=C1')).json().items[0].customerId;
  await expectCreated(
    admin.post(`/api/v1/products/${product.json().productId}/customer-prices`, {
      customerId,
      unitPrice: '90',
    }),
  );
  // 取り込み (ADR 0022): an import job and the per-record rows its audit event points at.
  const imported = await previewFile(
    t,
    tenant.adminCookie,
    'customers',
    excelCsv(['得意先コード,得意先名', `C1,顧客 ${tenant.code}`]),
    { mode: 'upsert' },
  );
  expect((await commitImport(t, tenant.adminCookie, 'customers', imported.jobId)).state).toBe(
    'succeeded',
  );
  // 問い合わせ (ADR 0020): the tenant's questions go with its other data.
  await expectCreated(
    admin.post('/api/v1/inquiries', { subject: '削除前の確認', category: 'other', body: '質問' }),
  );
  await t.db.superuser.query(
    'UPDATE app.users SET email = $2 WHERE tenant_id = $1 AND login_id = $3',
    [tenant.tenantId, `admin-${tenant.code}@example.jp`, 'admin'],
  );
  await t.db.superuser.query('UPDATE app.tenants SET contact_email = $2 WHERE tenant_id = $1', [
    tenant.tenantId,
    contact,
  ]);
  personal.push(`admin-${tenant.code}@example.jp`, `clerk-${tenant.code}@example.jp`);
  // A published お知らせ the admin has read: a read-mark row (announcements are platform rows).
  await t.db.superuser.query(
    `INSERT INTO app.operators (operator_id, login_id, name, password_hash)
     VALUES ('00000000-0000-7000-8000-0000000000b1', 'lifecycle-news', 'news', 'x')
     ON CONFLICT DO NOTHING`,
  );
  await t.db.superuser.query(
    `INSERT INTO app.announcements (announcement_id, title, body, published_at, operator_id)
     VALUES ('00000000-0000-7000-8000-0000000000b2', 'お知らせ', '本文', now() - interval '1 day',
             '00000000-0000-7000-8000-0000000000b1')
     ON CONFLICT DO NOTHING`,
  );
  await expectCreated(admin.post('/api/v1/announcements/read'));
  // A password-reset request: a token row and a mail in the outbox.
  await api(t).post('/api/v1/auth/password-reset', { tenantCode: tenant.code, loginId: 'admin' });
  // A failed sign-in: throttling rows.
  await api(t).post('/api/v1/auth/login', {
    tenantCode: tenant.code,
    loginId: 'admin',
    password: 'wrong password',
  });
}

/** Rows of the tenant in every tenant table of the catalog (superuser: no RLS in the way). */
async function rowsPerTable(tenantId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await listTenantTables(t.db.superuser)) {
    const { rows } = await t.db.superuser.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${table.qualifiedName} WHERE tenant_id = $1`,
      [tenantId],
    );
    counts[table.name] = rows[0]?.n ?? 0;
  }
  return counts;
}

const run = (now: Date) =>
  runLifecycle({
    ownerPool,
    now,
    policy,
    horizonMs: 60 * MINUTE,
    appOrigin: 'https://akinai.example.jp',
  });

const reminderMails = (to: string) =>
  smtp.received.filter((mail) => mail.to.includes(to) && mail.subject.includes('データ削除'));

describe('data lifecycle: trial end, reminders, purge before the deadline', () => {
  let trialBefore: Record<string, number>;
  let bystanderBefore: Record<string, number>;

  it('ends the expired trial at its end date and mails its first reminder at once', async () => {
    trialBefore = await rowsPerTable(trial.tenantId);
    bystanderBefore = await rowsPerTable(bystander.tenantId);
    const filled = Object.entries(trialBefore).filter(([, n]) => n > 0);
    const empty = Object.entries(trialBefore)
      .filter(([, n]) => n === 0)
      .map(([name]) => name);
    // Every table this module set can fill holds rows; the empty ones are named if this fails.
    expect(empty.filter((name) => name !== 'tenant_purge_reminders')).toEqual([]);
    expect(filled.length).toBeGreaterThan(15);

    const report = await run(new Date());
    expect(report.trialsEnded).toEqual([trial.tenantId]);
    expect(report.purged).toEqual([]);
    const { rows } = await t.db.superuser.query(
      'SELECT status, contract_ended_at FROM app.tenants WHERE tenant_id = $1',
      [trial.tenantId],
    );
    expect(rows[0]).toEqual({ status: 'ended', contract_ended_at: trialEnd });
    // Purge in 5 days is already within the 7-day reminder.
    expect(report.reminders).toEqual([
      { tenantId: trial.tenantId, reminder: 'purge_7d', recipients: 2 },
    ]);
    const mail = await smtp.waitFor((m) => m.to.includes('contact-trial@example.jp'));
    expect(mail.to).toEqual(
      expect.arrayContaining(['contact-trial@example.jp', `admin-${trial.code}@example.jp`]),
    );
    expect(mail.subject).toContain('データ削除のお知らせ');
    expect(mail.text).toContain('https://akinai.example.jp/settings/data-export');
    // The read-only banner's facts follow from the same rule.
    const me = (await api(t, trial.adminCookie).get('/api/v1/auth/me')).json();
    expect(me.tenant.contract).toEqual({
      readOnly: true,
      endedAt: trialEnd.toISOString(),
      purgeAt: new Date(trialEnd.getTime() + 5 * DAY).toISOString(),
    });
  });

  it('mails the 1-day reminder once, however often the job runs', async () => {
    const at = new Date(trialEnd.getTime() + 4 * DAY + MINUTE);
    const first = await run(at);
    expect(first.reminders).toEqual([
      { tenantId: trial.tenantId, reminder: 'purge_1d', recipients: 2 },
    ]);
    const again = await run(new Date(at.getTime() + 10 * MINUTE));
    expect(again.reminders).toEqual([]);
    await smtp.waitFor(
      (m) =>
        m.to.includes('contact-trial@example.jp') &&
        reminderMails('contact-trial@example.jp').length === 2,
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(reminderMails('contact-trial@example.jp')).toHaveLength(2);
  });

  it('purges the trial before end + 5 days; the paid tenant, not yet due, stays', async () => {
    const deadline = new Date(trialEnd.getTime() + 5 * DAY);
    const at = new Date(deadline.getTime() - 30 * MINUTE);
    const paidBefore = await rowsPerTable(paid.tenantId);
    const report = await run(at);
    expect(report.purged.map((r) => r.deletedTenantId)).toEqual([trial.tenantId]);
    const record = report.purged[0]!;
    expect(record.purgedAt.getTime()).toBeLessThan(deadline.getTime());
    expect(record.purgeDueAt).toEqual(deadline);
    expect(record.wasTrial).toBe(true);
    // A count for every catalog table: what the tenant held, plus what the job wrote since
    // (reminder rows, their mails and audit rows).
    expect(Object.keys(record.rowCounts).sort()).toEqual(Object.keys(trialBefore).sort());
    expect(record.rowCounts.customers).toBe(2);
    expect(record.rowCounts.tenant_purge_reminders).toBe(2);
    for (const [table, n] of Object.entries(trialBefore)) {
      expect(record.rowCounts[table], table).toBeGreaterThanOrEqual(n);
    }
    expect(Object.values(await rowsPerTable(trial.tenantId)).every((n) => n === 0)).toBe(true);
    expect(await rowsPerTable(trial.tenantId)).toEqual(
      Object.fromEntries(Object.keys(trialBefore).map((name) => [name, 0])),
    );
    expect(await rowsPerTable(paid.tenantId)).toEqual(paidBefore);
    expect(await rowsPerTable(bystander.tenantId)).toEqual(bystanderBefore);
    // The purged tenant's users cannot sign in, and their old session is gone.
    expect((await api(t, trial.adminCookie).get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('reminds the paid tenant at 7 days and 1 day, then purges it before end + 21 days, via the CLI', async () => {
    const seven = await run(new Date(paidEnd.getTime() + 14 * DAY + MINUTE));
    expect(seven.reminders.map((r) => [r.tenantId, r.reminder])).toEqual([
      [paid.tenantId, 'purge_7d'],
    ]);
    expect(seven.purged).toEqual([]);
    const one = await run(new Date(paidEnd.getTime() + 20 * DAY + MINUTE));
    expect(one.reminders.map((r) => r.reminder)).toEqual(['purge_1d']);
    await smtp.waitFor(() => reminderMails('contact-paid@example.jp').length === 2);

    const deadline = new Date(paidEnd.getTime() + 21 * DAY);
    const env = { DATABASE_URL: t.db.runtimeUrl, DATABASE_OWNER_URL: t.db.ownerUrl };
    const out: string[] = [];
    const io = { out: (line: string) => out.push(line), err: (line: string) => out.push(line) };
    const early = new Date(deadline.getTime() - 2 * 60 * MINUTE).toISOString();
    expect(await main(['lifecycle:run', '--now', early], env, io)).toBe(0);
    expect(out.join('\n')).toContain('0 tenant(s) purged');
    const justBefore = new Date(deadline.getTime() - 30 * MINUTE).toISOString();
    expect(await main(['lifecycle:run', '--now', justBefore], env, io)).toBe(0);
    expect(out.join('\n')).toContain(`purged: ${paid.tenantId}`);
    expect(Object.values(await rowsPerTable(paid.tenantId)).every((n) => n === 0)).toBe(true);
    expect(await rowsPerTable(bystander.tenantId)).toEqual(bystanderBefore);

    out.length = 0;
    expect(await main(['lifecycle:deletions'], env, io)).toBe(0);
    const listing = out.join('\n');
    expect(listing).toContain('Deletion records: 2件');
    expect(listing).toContain(`tenant ${paid.tenantId} (有償 / paid)`);
    expect(listing).toContain(`tenant ${trial.tenantId} (試用 / trial)`);
    expect(listing).toMatch(/customers=2 /);
  });

  it('keeps deletion records without any personal or company data, hidden from the runtime role', async () => {
    const { rows } = await t.db.superuser.query('SELECT * FROM app.tenant_deletions');
    expect(rows).toHaveLength(2);
    const text = JSON.stringify(rows);
    for (const value of personal) expect(text).not.toContain(value);
    expect(Object.keys(rows[0]).sort()).toEqual([
      'backup_key_id',
      'contract_ended_at',
      'deleted_tenant_id',
      'deletion_id',
      'purge_due_at',
      'purged_at',
      'row_counts',
      'total_rows',
      'was_trial',
    ]);
    const paidRecord = rows.find((r) => r.deleted_tenant_id === paid.tenantId);
    expect(paidRecord.purge_due_at).toEqual(new Date(paidEnd.getTime() + 21 * DAY));
    expect(paidRecord.purged_at.getTime()).toBeLessThan(paidRecord.purge_due_at.getTime());
    expect(paidRecord.row_counts.users).toBe(2);
    expect(paidRecord.total_rows).toBeGreaterThan(20);
    const runtime = await t.db.pool.query('SELECT * FROM app.tenant_deletions');
    expect(runtime.rows).toEqual([]);
  });

  it('leaves the running tenant alone on later passes', async () => {
    const report = await run(new Date(Date.now() + 400 * DAY));
    expect(report).toEqual({ trialsEnded: [], reminders: [], purged: [], failed: [] });
    expect(await rowsPerTable(bystander.tenantId)).toEqual(bystanderBefore);
  });
});
