import type { FastifyBaseLogger } from 'fastify';
import type pg from 'pg';
import { type TenantTransaction, withTenantTransaction } from '../db/tenant-transaction';
import { defaultRetryPolicy, type RetryPolicy, retryDelayMs } from './backoff';
import { MAIL_NOTIFY_CHANNEL } from './enqueue-mail';
import { describeMailError, type MailTransport, PermanentMailError } from './mail-transport';

export interface MailDeliveryOptions {
  pool: pg.Pool;
  transport: MailTransport;
  from: string;
  log: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
  /** Poll interval: catches retries that fall due and wake-ups missed while disconnected. */
  intervalMs?: number;
  /** Mails claimed per tenant transaction. */
  batchSize?: number;
  retry?: RetryPolicy;
  /** Injectable for tests that need a retry to fall due without waiting. */
  now?: () => Date;
}

interface ClaimedMail {
  mail_id: string;
  recipients: string[];
  subject: string;
  body: string;
  attempts: number;
}

/**
 * The delivery job of one app process. A pass first lists the tenants whose earliest queued
 * mail is due (the only cross-tenant read, through the mail_delivery_scan policy on
 * app.mail_queue_heads), then, per tenant, claims due rows with FOR UPDATE SKIP LOCKED inside
 * that tenant's RLS transaction, sends them and records the outcome before committing. Two
 * processes running passes at once skip each other's rows, so each mail is sent once; a crash
 * between the SMTP hand-over and COMMIT can repeat a mail, never lose one (ADR 0007).
 */
export class MailDelivery {
  private readonly options: Required<Omit<MailDeliveryOptions, 'now'>> & { now: () => Date };
  private timer: NodeJS.Timeout | undefined;
  private listener: pg.PoolClient | undefined;
  private connecting: Promise<void> | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  /** Not started, or stopped: no timer, no listener, no new passes. */
  private stopped = true;
  /** stop() was called: a pass in progress finishes its current batch and ends. */
  private stopping = false;

  constructor(options: MailDeliveryOptions) {
    this.options = {
      intervalMs: 15_000,
      batchSize: 20,
      retry: defaultRetryPolicy,
      now: () => new Date(),
      ...options,
    };
  }

  start(): void {
    this.stopped = false;
    this.timer = setInterval(() => this.wake(), this.options.intervalMs);
    this.timer.unref();
    void this.listen();
    this.wake();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.stopping = true;
    clearInterval(this.timer);
    const listener = this.listener;
    this.listener = undefined;
    if (listener) {
      listener.removeAllListeners('notification');
      await listener.query(`UNLISTEN ${MAIL_NOTIFY_CHANNEL}`).catch(() => {});
      listener.release();
    }
    await this.connecting;
    await this.running;
    this.options.transport.close();
  }

  /** Runs a pass now, or right after the current one (wake-ups during a pass are not lost). */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          await this.runOnce();
        } catch (error) {
          // The database may be down; the next interval tries again.
          this.options.log.warn({ err: describeMailError(error) }, 'mail delivery pass failed');
        }
        if (!this.listener && !this.stopped) void this.listen();
      } while (this.again && !this.stopped);
      this.running = undefined;
    })();
  }

  /** One pass over every tenant with due mail; returns how many mails were handed over. */
  async runOnce(): Promise<number> {
    let delivered = 0;
    for (const tenantId of await this.tenantsWithDueMail()) {
      // Batches keep transactions (and row locks) short; a full batch means more may be due.
      for (;;) {
        const batch = await withTenantTransaction(this.options.pool, tenantId, (tx) =>
          this.deliverBatch(tx),
        );
        delivered += batch.delivered;
        if (batch.claimed < this.options.batchSize || this.stopping) break;
      }
      if (this.stopping) break;
    }
    return delivered;
  }

  private async tenantsWithDueMail(): Promise<string[]> {
    const client = await this.options.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query("SELECT set_config('app.mail_delivery_scan', 'on', true)");
      const { rows } = await client.query<{ tenant_id: string }>(
        `SELECT tenant_id FROM app.mail_queue_heads
         WHERE next_attempt_at <= $1 ORDER BY next_attempt_at LIMIT 500`,
        [this.options.now()],
      );
      await client.query('COMMIT');
      client.release();
      return rows.map((row) => row.tenant_id);
    } catch (error) {
      client.release(error as Error);
      throw error;
    }
  }

  private async deliverBatch(
    tx: TenantTransaction,
  ): Promise<{ claimed: number; delivered: number }> {
    const now = this.options.now();
    const { rows } = await tx.client.query<ClaimedMail>(
      `SELECT mail_id, recipients, subject, body, attempts FROM app.mail_outbox
       WHERE tenant_id = $1 AND status = 'queued' AND next_attempt_at <= $2
       ORDER BY next_attempt_at, mail_id LIMIT $3
       FOR UPDATE SKIP LOCKED`,
      [tx.tenantId, now, this.options.batchSize],
    );
    let delivered = 0;
    for (const mail of rows) {
      if (await this.deliverOne(tx, mail)) delivered++;
    }
    await this.refreshQueueHead(tx);
    return { claimed: rows.length, delivered };
  }

  private async deliverOne(tx: TenantTransaction, mail: ClaimedMail): Promise<boolean> {
    const { transport, from, retry } = this.options;
    const attempts = mail.attempts + 1;
    try {
      await transport.send({ from, to: mail.recipients, subject: mail.subject, text: mail.body });
    } catch (error) {
      const giveUp = error instanceof PermanentMailError || attempts >= retry.maxAttempts;
      const nextAttemptAt = new Date(this.options.now().getTime() + retryDelayMs(attempts, retry));
      await tx.client.query(
        `UPDATE app.mail_outbox
         SET status = $3, attempts = $4, last_error = $5, next_attempt_at = $6
         WHERE tenant_id = $1 AND mail_id = $2`,
        [
          tx.tenantId,
          mail.mail_id,
          giveUp ? 'failed' : 'queued',
          attempts,
          describeMailError(error),
          nextAttemptAt,
        ],
      );
      // Tenant and mail ids only: recipients and bodies (reset links) stay out of the log.
      this.options.log.warn(
        { tenantId: tx.tenantId, mailId: mail.mail_id, attempts, giveUp },
        'mail delivery failed',
      );
      return false;
    }
    await tx.client.query(
      `UPDATE app.mail_outbox
       SET status = 'sent', transport = $3, attempts = $4, last_error = NULL, sent_at = now()
       WHERE tenant_id = $1 AND mail_id = $2`,
      [tx.tenantId, mail.mail_id, transport.kind, attempts],
    );
    return true;
  }

  /**
   * Lock the head first, then read the queue in a new statement: under READ COMMITTED that
   * statement sees any mail enqueued by a transaction that held the head until its commit, so
   * a concurrent enqueue can never be hidden behind a stale "nothing due".
   */
  private async refreshQueueHead(tx: TenantTransaction): Promise<void> {
    await tx.client.query('SELECT 1 FROM app.mail_queue_heads WHERE tenant_id = $1 FOR UPDATE', [
      tx.tenantId,
    ]);
    await tx.client.query(
      `UPDATE app.mail_queue_heads SET next_attempt_at = (
         SELECT min(next_attempt_at) FROM app.mail_outbox
         WHERE tenant_id = $1 AND status = 'queued')
       WHERE tenant_id = $1`,
      [tx.tenantId],
    );
  }

  private listen(): Promise<void> {
    // One connection attempt at a time: a second would leak a pooled client forever.
    this.connecting ??= this.connectListener().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  private async connectListener(): Promise<void> {
    if (this.listener || this.stopped) return;
    let client: pg.PoolClient | undefined;
    try {
      client = await this.options.pool.connect();
      client.on('notification', () => this.wake());
      const connected = client;
      connected.on('error', () => {
        // Connection lost: forget it; the next pass reconnects. Polling covers the gap.
        if (this.listener !== connected) return;
        this.listener = undefined;
        connected.release(new Error('mail listener connection lost'));
      });
      await client.query(`LISTEN ${MAIL_NOTIFY_CHANNEL}`);
      if (this.stopped) {
        client.release();
        return;
      }
      this.listener = client;
    } catch (error) {
      client?.release(error as Error);
      this.options.log.warn({ err: describeMailError(error) }, 'mail listener not connected');
    }
  }
}
