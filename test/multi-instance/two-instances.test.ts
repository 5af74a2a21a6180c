import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant } from '../../src/server/modules/organization/create-tenant';
import { main } from '../../src/server/ops/cli';
import { withTenantTransaction } from '../../src/server/platform/db/tenant-transaction';
import { enqueueMail } from '../../src/server/platform/mail/enqueue-mail';
import { signIn, untilResolved } from '../faults/write-load';
import {
  APP_PROCESS_PASSWORD,
  type AppProcess,
  callApi,
  startAppProcess,
} from '../support/app-process';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp';

/**
 * Issue 6 item 4: two app processes on one database, as behind a load balancer. Sessions live
 * in PostgreSQL, so either instance serves them; the schedulers inside the app (data lifecycle,
 * mail delivery) do their work once between them; numbering stays unique when creates are
 * spread over both. The backup job is not an in-app schedule but `backup:run`, started by the
 * host's timer: its lease makes an overlapping second run refuse.
 */
const HOUR = 60 * 60 * 1000;
const origin = { actorLabel: 'test', ip: '127.0.0.1', userAgent: 'vitest', requestId: 'multi' };
let db: TestDatabase;
let smtp: TestSmtpServer;
let a: AppProcess;
let b: AppProcess;
let demoTenantId: string;
const purgeDue: string[] = [];
const trialsEnding: string[] = [];

/** Tenants the lifecycle job must act on at its first pass, created before either app starts. */
async function seedLifecycle() {
  const admin = { loginId: 'admin', name: '管理者', password: 'x'.repeat(20) };
  for (let n = 0; n < 3; n++) {
    const ended = await createTenant(
      db.pool,
      { code: `ended-${n}`, name: `終了 ${n}`, admin, contactEmail: `ended-${n}@example.jp` },
      origin,
    );
    await db.superuser.query(
      `UPDATE app.tenants SET status = 'ended', plan = 'standard',
         contract_ended_at = now() - interval '30 days' WHERE tenant_id = $1`,
      [ended.tenantId],
    );
    purgeDue.push(ended.tenantId);
    const trial = await createTenant(
      db.pool,
      {
        code: `trial-${n}`,
        name: `試用 ${n}`,
        admin,
        contactEmail: `trial-${n}@example.jp`,
        trialEndsAt: new Date(Date.now() - HOUR),
      },
      origin,
    );
    trialsEnding.push(trial.tenantId);
  }
}

beforeAll(async () => {
  db = await createTestDatabase();
  smtp = await startSmtpServer();
  await seedLifecycle();
  // Started together on a database without the demo tenant: both race to create it.
  const env = {
    SMTP_URL: smtp.url,
    APP_ORIGIN: 'https://akinai.example.jp',
    LIFECYCLE_JOB: 'true',
    LOG_LEVEL: 'debug',
  };
  [a, b] = await Promise.all([startAppProcess(db, env), startAppProcess(db, env)]);
  const { rows } = await db.superuser.query<{ tenant_id: string }>(
    "SELECT tenant_id FROM app.tenants WHERE code = 'demo'",
  );
  demoTenantId = rows[0]!.tenant_id;
}, 120_000);
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await smtp?.close();
  await db?.drop();
});

/** The JSON log lines of an app process (LOG_LEVEL=debug), parsed. */
function logLines(app: AppProcess): { msg?: string; [key: string]: unknown }[] {
  return app
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line));
}

/** Each instance runs a lifecycle pass at start; both have run to their end. */
async function firstLifecyclePassesDone() {
  for (const app of [a, b]) {
    await untilResolved(
      async () => logLines(app).some((line) => line.msg === 'data lifecycle pass finished'),
      (done) => done,
      30_000,
    );
  }
}

async function outboxOf(tenantId: string) {
  const { rows } = await db.superuser.query<{
    subject: string;
    status: string;
    attempts: number;
    last_error: string | null;
  }>(
    'SELECT subject, status, attempts, last_error FROM app.mail_outbox WHERE tenant_id = $1 ORDER BY subject',
    [tenantId],
  );
  return rows;
}

describe('two app instances on one database', () => {
  it('serves a session made on one from the other, and a logout there ends it on both', async () => {
    const cookie = await signIn(a.url, APP_PROCESS_PASSWORD);
    const me = await callApi<{ user: { loginId: string } }>(
      b.url,
      cookie,
      'GET',
      '/api/v1/auth/me',
    );
    expect(me.status).toBe(200);
    expect(me.body.user.loginId).toBe('admin');
    expect((await callApi(b.url, cookie, 'POST', '/api/v1/auth/logout')).status).toBe(204);
    expect((await callApi(a.url, cookie, 'GET', '/api/v1/auth/me')).status).toBe(401);
    expect((await callApi(b.url, cookie, 'GET', '/api/v1/auth/me')).status).toBe(401);
  });

  it('runs the lifecycle job once between them: one purge, one trial end, one reminder each', async () => {
    await firstLifecyclePassesDone();
    const lines = [...logLines(a), ...logLines(b)];
    expect(lines.filter((line) => /lifecycle.*fail/.test(String(line.msg)))).toEqual([]);
    const purgedInLogs = lines.flatMap((line) => (line.purged as string[] | undefined) ?? []);
    expect(purgedInLogs.sort()).toEqual([...purgeDue].sort());

    const deletions = await db.superuser.query<{ deleted_tenant_id: string }>(
      'SELECT deleted_tenant_id FROM app.tenant_deletions ORDER BY deleted_tenant_id',
    );
    expect(deletions.rows.map((row) => row.deleted_tenant_id)).toEqual([...purgeDue].sort());
    const left = await db.superuser.query('SELECT 1 FROM app.tenants WHERE tenant_id = ANY($1)', [
      purgeDue,
    ]);
    expect(left.rowCount).toBe(0);

    for (const tenantId of trialsEnding) {
      const events = await db.superuser.query<{ event: string; n: number }>(
        `SELECT event, count(*)::int AS n FROM app.audit_log
          WHERE tenant_id = $1 AND event IN ('tenant.trial_expired', 'tenant.purge_reminder_sent')
          GROUP BY event ORDER BY event`,
        [tenantId],
      );
      expect(events.rows).toEqual([
        { event: 'tenant.purge_reminder_sent', n: 1 },
        { event: 'tenant.trial_expired', n: 1 },
      ]);
      const mails = await untilResolved(
        () => outboxOf(tenantId),
        (rows) => rows.every((row) => row.status === 'sent'),
        20_000,
      );
      expect(mails).toHaveLength(1);
    }
    for (const n of [0, 1, 2]) {
      expect(
        smtp.received.filter((mail) => mail.to.includes(`trial-${n}@example.jp`)),
      ).toHaveLength(1);
    }
  });

  it('delivers each queued mail exactly once while both delivery jobs listen', async () => {
    const listeners = await db.superuser.query(
      "SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN akinai_mail'",
    );
    expect(listeners.rowCount).toBe(2);
    const subjects = Array.from(
      { length: 40 },
      (_, i) => `二重送信なし ${String(i).padStart(2, '0')}`,
    );
    for (let batch = 0; batch < 4; batch++) {
      await withTenantTransaction(db.pool, demoTenantId, async (tx) => {
        for (const subject of subjects.slice(batch * 10, batch * 10 + 10)) {
          await enqueueMail(tx, {
            kind: 'test',
            recipients: ['u@example.jp'],
            subject,
            body: subject,
          });
        }
      });
    }
    const rows = await untilResolved(
      () => outboxOf(demoTenantId),
      (rows) => rows.length === 40 && rows.every((row) => row.status === 'sent'),
      20_000,
    );
    expect(rows.every((row) => row.attempts === 1)).toBe(true);
    // A mail is handed to SMTP before its row commits as sent: no duplicate can still be coming.
    const received = smtp.received.map((mail) => mail.subject).filter((s) => s.startsWith('二重'));
    expect(received.sort()).toEqual(subjects);
  });

  it('keeps mail queued while SMTP is down and sends it once when it is back', async () => {
    const port = smtp.port;
    await smtp.close();
    await withTenantTransaction(db.pool, demoTenantId, (tx) =>
      enqueueMail(tx, {
        kind: 'test',
        recipients: ['u@example.jp'],
        subject: '停止中',
        body: '停止中',
      }),
    );
    const failed = await untilResolved(
      async () => (await outboxOf(demoTenantId)).find((row) => row.subject === '停止中'),
      (row) => row !== undefined && row.attempts > 0,
      20_000,
    );
    expect(failed).toMatchObject({ status: 'queued', attempts: 1 });
    expect(failed!.last_error).toMatch(/ECONNREFUSED/);

    smtp = await startSmtpServer({ port });
    // Stands in for the 30 s back-off: due now, and the wake-up every instance listens for.
    await db.superuser.query(
      `UPDATE app.mail_outbox SET next_attempt_at = now() WHERE subject = '停止中';
       UPDATE app.mail_queue_heads SET next_attempt_at = now() WHERE tenant_id = '${demoTenantId}';
       SELECT pg_notify('akinai_mail', '')`,
    );
    await smtp.waitFor((mail) => mail.subject === '停止中', 20_000);
    const sent = await untilResolved(
      async () => (await outboxOf(demoTenantId)).find((row) => row.subject === '停止中'),
      (row) => row?.status === 'sent',
      20_000,
    );
    expect(sent).toMatchObject({ attempts: 2, last_error: null });
    expect(smtp.received.filter((mail) => mail.subject === '停止中')).toHaveLength(1);
  });

  it('numbers 240 parallel creates spread over both instances without a duplicate', async () => {
    const cookie = await signIn(a.url, APP_PROCESS_PASSWORD);
    const numbering = await callApi(a.url, cookie, 'PUT', '/api/v1/settings/code-numbering', {
      items: [
        { kind: 'customers', isAuto: true, width: 6, version: 0 },
        { kind: 'products', isAuto: true, width: 6, version: 0 },
      ],
    });
    expect(numbering.status).toBe(200);
    const create = (i: number) => {
      const [path, kind] = i % 2 === 0 ? ['customers', '得意先'] : ['products', '商品'];
      const target = i % 4 < 2 ? a : b;
      return callApi<{ code: string }>(target.url, cookie, 'POST', `/api/v1/${path}`, {
        code: '',
        name: `並行 ${kind} ${i}`,
      }).then((response) => ({ i, path, ...response }));
    };
    // All at once: creates of one kind take turns on the numbering lock, so those that wait
    // longer than the pool's 3 s for a connection are shed with 503 (Retry-After), not queued.
    const burst = await Promise.all(Array.from({ length: 240 }, (_, i) => create(i)));
    const shed = burst.filter((r) => r.status !== 201);
    // A 201 carries the assigned code, a problem+json its error code: both in `code`.
    expect(shed.filter((r) => r.status !== 503 || r.body.code !== 'database_unavailable')).toEqual(
      [],
    );
    // The client retries what was shed, a few at a time, as a browser would after Retry-After.
    const retried: typeof burst = [];
    for (let from = 0; from < shed.length; from += 8) {
      retried.push(...(await Promise.all(shed.slice(from, from + 8).map((r) => create(r.i)))));
    }
    expect(retried.filter((r) => r.status !== 201)).toEqual([]);
    const created = [...burst.filter((r) => r.status === 201), ...retried];
    const expected = Array.from({ length: 120 }, (_, i) => String(i + 1).padStart(6, '0'));
    for (const path of ['customers', 'products']) {
      const codes = created.filter((r) => r.path === path).map((r) => r.body.code);
      expect(codes.sort()).toEqual(expected);
      const stored = await db.superuser.query<{ code: string }>(
        `SELECT code FROM app.${path} WHERE tenant_id = $1 AND name LIKE '並行%' ORDER BY code`,
        [demoTenantId],
      );
      expect(stored.rows.map((row) => row.code)).toEqual(expected);
    }
  });
});

describe('the backup job (backup:run, started by the host timer)', () => {
  it('refuses a second run while the first holds the lease, and writes nothing for it', async () => {
    const backupDir = mkdtempSync(join(tmpdir(), 'akinai-multi-backups-'));
    const env = {
      DATABASE_URL: db.runtimeUrl,
      DATABASE_OWNER_URL: db.ownerUrl,
      MASTER_KEY: randomBytes(32).toString('base64'),
      BACKUP_DIR: backupDir,
      DATA_DIR: backupDir,
    };
    await firstLifecyclePassesDone();
    const run = async (out: string[]) =>
      main(['backup:run'], env, { out: (l) => out.push(l), err: (l) => out.push(l) });
    // Holding a table the backup reads stops the first run mid-way, lease taken.
    const blocker = new pg.Client({ connectionString: db.superuserUrl });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE app.customers IN ACCESS EXCLUSIVE MODE');
      const firstOut: string[] = [];
      const first = run(firstOut);
      await untilResolved(
        // Not on the blocker: inside its transaction pg_stat_activity would not change.
        () =>
          db.superuser.query(
            `SELECT 1 FROM pg_stat_activity WHERE datname = current_database()
               AND wait_event_type = 'Lock'`,
          ),
        (result) => (result.rowCount ?? 0) > 0,
        20_000,
      );
      const secondOut: string[] = [];
      expect(await run(secondOut)).toBe(1);
      expect(secondOut.join('\n')).toMatch(/Another backup run is in progress/);
      await blocker.query('ROLLBACK');
      expect(await first, firstOut.join('\n')).toBe(0);
      const records = await db.superuser.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM backup.tenant_backups',
      );
      // One run's worth: one per tenant plus the platform tables, nothing from the refused run.
      const tenants = await db.superuser.query('SELECT 1 FROM app.tenants');
      expect(records.rows[0]!.n).toBe((tenants.rowCount ?? 0) + 1);
      expect(readdirSync(join(backupDir, 'tenants'))).toHaveLength(tenants.rowCount ?? 0);
    } finally {
      await blocker.end();
      rmSync(backupDir, { recursive: true, force: true });
    }
  });
});
