import type { TenantTransaction } from '../db/tenant-transaction';
import { uuidv7 } from '../db/uuid';

export interface OutgoingMail {
  kind: string;
  recipients: readonly string[];
  subject: string;
  body: string;
}

/** The channel the delivery job listens on; PostgreSQL delivers it only when the sender commits. */
export const MAIL_NOTIFY_CHANNEL = 'akinai_mail';

/**
 * Queues a mail inside the caller's transaction: if the business change rolls back, so does
 * the mail. The NOTIFY wakes the delivery job of every app instance, but only after COMMIT.
 */
export async function enqueueMail(tx: TenantTransaction, mail: OutgoingMail): Promise<string> {
  const mailId = uuidv7();
  await tx.client.query(
    `INSERT INTO app.mail_outbox (tenant_id, mail_id, recipients, subject, body, kind)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [tx.tenantId, mailId, [...mail.recipients], mail.subject, mail.body, mail.kind],
  );
  await tx.client.query(
    `INSERT INTO app.mail_queue_heads (tenant_id, next_attempt_at) VALUES ($1, now())
     ON CONFLICT (tenant_id) DO UPDATE
     SET next_attempt_at = LEAST(app.mail_queue_heads.next_attempt_at, excluded.next_attempt_at)`,
    [tx.tenantId],
  );
  await tx.client.query(`SELECT pg_notify('${MAIL_NOTIFY_CHANNEL}', '')`);
  return mailId;
}
