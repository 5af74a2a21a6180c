import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTenant } from '../../src/server/modules/organization/create-tenant';
import { withTenantTransaction } from '../../src/server/platform/db/tenant-transaction';
import { enqueueMail } from '../../src/server/platform/mail/enqueue-mail';
import { MailDelivery } from '../../src/server/platform/mail/mail-delivery';
import { smtpTransport } from '../../src/server/platform/mail/mail-transport';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { freePort } from '../support/free-port';
import { startSmtpServer } from '../support/smtp';

/** The outbox and its delivery job against real PostgreSQL (RLS, runtime role) and real SMTP. */
let db: TestDatabase;
let tenantA: string;
let tenantB: string;
const silent = { info() {}, warn() {}, error() {} };
const origin = { actorLabel: 'test', ip: '127.0.0.1', userAgent: 'vitest', requestId: 'test' };

beforeAll(async () => {
  db = await createTestDatabase();
  for (const code of ['mail-a', 'mail-b']) {
    const admin = { loginId: 'admin', name: '管理者', password: 'correct horse battery staple' };
    const { tenantId } = await createTenant(db.pool, { code, name: code, admin }, origin);
    if (code === 'mail-a') tenantA = tenantId;
    else tenantB = tenantId;
  }
});
afterAll(() => db.drop());
beforeEach(async () => {
  await db.superuser.query('DELETE FROM app.mail_outbox');
  await db.superuser.query('UPDATE app.mail_queue_heads SET next_attempt_at = NULL');
});

function delivery(smtpUrl: string, options: { batchSize?: number; now?: () => Date } = {}) {
  return new MailDelivery({
    pool: db.pool,
    log: silent,
    from: 'Akinai <no-reply@akinai.test>',
    transport: smtpTransport(smtpUrl),
    ...options,
  });
}

async function enqueue(tenantId: string, subjects: string[], to = 'user@example.jp') {
  await withTenantTransaction(db.pool, tenantId, async (tx) => {
    for (const subject of subjects) {
      await enqueueMail(tx, { kind: 'test', recipients: [to], subject, body: `本文 ${subject}` });
    }
  });
}

async function outbox() {
  const { rows } = await db.superuser.query<{
    subject: string;
    status: string;
    attempts: number;
    last_error: string | null;
    next_attempt_at: Date;
  }>(
    'SELECT subject, status, attempts, last_error, next_attempt_at FROM app.mail_outbox ORDER BY created_at, mail_id',
  );
  return rows;
}

describe('mail delivery job', () => {
  it('keeps mail queued while SMTP is down and delivers it after the server comes back', async () => {
    const port = await freePort();
    await enqueue(tenantA, ['停止中のメール']);
    let clock = new Date(Date.now() + 1000);
    const job = delivery(`smtp://127.0.0.1:${port}`, { now: () => clock });

    expect(await job.runOnce()).toBe(0);
    const [afterFailure] = await outbox();
    expect(afterFailure).toMatchObject({ status: 'queued', attempts: 1 });
    expect(afterFailure?.last_error).toMatch(/ECONNREFUSED/);
    expect(afterFailure!.next_attempt_at.getTime()).toBeGreaterThan(clock.getTime());

    const smtp = await startSmtpServer({ port });
    try {
      // Not due yet: back-off is respected.
      expect(await job.runOnce()).toBe(0);
      expect(smtp.received).toHaveLength(0);
      clock = new Date(Date.now() + 60 * 60_000);
      expect(await job.runOnce()).toBe(1);
      expect(smtp.received.map((m) => m.subject)).toEqual(['停止中のメール']);
      expect(await outbox()).toMatchObject([{ status: 'sent', attempts: 2, last_error: null }]);
      // Nothing left: a further pass sends nothing again.
      expect(await job.runOnce()).toBe(0);
      expect(smtp.received).toHaveLength(1);
    } finally {
      await job.stop();
      await smtp.close();
    }
  });

  it('two delivery loops running at once send every mail exactly once', async () => {
    const smtp = await startSmtpServer();
    const subjects = Array.from({ length: 30 }, (_, i) => `同時送信 ${String(i).padStart(2, '0')}`);
    await enqueue(tenantA, subjects.slice(0, 20));
    await enqueue(tenantB, subjects.slice(20));
    const first = delivery(smtp.url, { batchSize: 4 });
    const second = delivery(smtp.url, { batchSize: 4 });
    try {
      const [a, b] = await Promise.all([first.runOnce(), second.runOnce()]);
      expect(a + b).toBe(30);
      expect(a).toBeGreaterThan(0);
      expect(b).toBeGreaterThan(0);
      expect(smtp.received.map((m) => m.subject).sort()).toEqual(subjects);
      expect((await outbox()).every((row) => row.status === 'sent' && row.attempts === 1)).toBe(
        true,
      );
    } finally {
      await first.stop();
      await second.stop();
      await smtp.close();
    }
  });

  it('gives up at once on a permanent SMTP refusal and after the last retry otherwise', async () => {
    const smtp = await startSmtpServer({ rejectRecipient: (to) => to.startsWith('nobody@') });
    const job = delivery(smtp.url);
    try {
      await enqueue(tenantA, ['宛先なし'], 'nobody@example.jp');
      await job.runOnce();
      expect(await outbox()).toMatchObject([{ status: 'failed', attempts: 1 }]);
      expect((await outbox())[0]?.last_error).toMatch(/550/);
    } finally {
      await job.stop();
      await smtp.close();
    }

    const port = await freePort();
    await enqueue(tenantB, ['再試行の上限']);
    let clock = new Date(Date.now() + 1000);
    const down = new MailDelivery({
      pool: db.pool,
      log: silent,
      from: 'a@b.c',
      transport: smtpTransport(`smtp://127.0.0.1:${port}`),
      retry: { baseDelayMs: 1000, maxDelayMs: 1000, maxAttempts: 3 },
      now: () => clock,
    });
    for (let i = 0; i < 3; i++) {
      await down.runOnce();
      clock = new Date(clock.getTime() + 2000);
    }
    await down.stop();
    expect(await outbox()).toMatchObject([
      { subject: '宛先なし', status: 'failed' },
      { subject: '再試行の上限', status: 'failed', attempts: 3 },
    ]);
  });

  it('the cross-tenant scan sees which tenants have mail due, never the mail itself', async () => {
    await enqueue(tenantA, ['秘密のリンク']);
    const client = await db.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query("SELECT set_config('app.mail_delivery_scan', 'on', true)");
      const heads = await client.query('SELECT tenant_id FROM app.mail_queue_heads');
      expect(heads.rows.map((row) => row.tenant_id)).toContain(tenantA);
      const mail = await client.query('SELECT * FROM app.mail_outbox');
      expect(mail.rowCount).toBe(0);
      // The scan is read-only: it cannot move another tenant's queue.
      const moved = await client.query('UPDATE app.mail_queue_heads SET next_attempt_at = NULL');
      expect(moved.rowCount).toBe(0);
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
  });

  it('wakes on enqueue: a started job delivers right after COMMIT, without waiting for the poll', async () => {
    const smtp = await startSmtpServer();
    const job = new MailDelivery({
      pool: db.pool,
      log: silent,
      from: 'a@b.c',
      transport: smtpTransport(smtp.url),
      intervalMs: 10 * 60_000,
    });
    job.start();
    try {
      await smtp.waitFor(() => false, 300).catch(() => {});
      const started = Date.now();
      await enqueue(tenantB, ['すぐに届く']);
      await smtp.waitFor((m) => m.subject === 'すぐに届く', 5000);
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await job.stop();
      await smtp.close();
    }
  });
});
