import type { OperatorTransaction } from '../../platform/db/operator-transaction';
import { MAIL_LOG_PAGE_SIZE, type MailLog, type MailLogQuery } from './mail-log.schema';

/**
 * t***@example.jp: enough for support to tell which mailbox provider refused a mail and to
 * match a tenant's "I got nothing" with a row, without the console holding a list of every
 * tenant's addresses (ADR 0019).
 */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${address[0]}***${address.slice(at)}`;
}

/**
 * Every tenant's outbox, newest first. The operator plane reads app.mail_outbox through the
 * SELECT-only `operator_mail_log` policy; this query is the only one and never selects body.
 */
export async function findMailLog(tx: OperatorTransaction, query: MailLogQuery): Promise<MailLog> {
  const where = `($1::text IS NULL OR m.status = $1) AND ($2::text IS NULL OR t.code = $2)`;
  const filters = [query.status ?? null, query.tenantCode || null];
  const offset = (query.page - 1) * MAIL_LOG_PAGE_SIZE;
  const [{ rows }, count] = [
    await tx.client.query<{
      mail_id: string;
      created_at: Date;
      code: string;
      kind: string;
      subject: string;
      recipients: string[];
      status: 'queued' | 'sent' | 'failed';
      attempts: number;
      last_error: string | null;
      next_attempt_at: Date;
      sent_at: Date | null;
    }>(
      `SELECT m.mail_id, m.created_at, t.code, m.kind, m.subject, m.recipients, m.status,
              m.attempts, m.last_error, m.next_attempt_at, m.sent_at
         FROM app.mail_outbox m JOIN app.tenants t USING (tenant_id)
        WHERE ${where}
        ORDER BY m.created_at DESC, m.mail_id DESC
        LIMIT ${MAIL_LOG_PAGE_SIZE} OFFSET $3`,
      [...filters, offset],
    ),
    await tx.client.query<{ total: number }>(
      `SELECT count(*)::int AS total FROM app.mail_outbox m JOIN app.tenants t USING (tenant_id)
        WHERE ${where}`,
      filters,
    ),
  ];
  return {
    items: rows.map((r) => ({
      mailId: r.mail_id,
      createdAt: r.created_at.toISOString(),
      tenantCode: r.code,
      kind: r.kind,
      subject: r.subject,
      recipients: r.recipients.map(maskAddress),
      status: r.status,
      attempts: r.attempts,
      lastError: r.last_error,
      nextAttemptAt: r.next_attempt_at.toISOString(),
      sentAt: r.sent_at?.toISOString() ?? null,
    })),
    total: count.rows[0]?.total ?? 0,
    page: query.page,
    pageSize: MAIL_LOG_PAGE_SIZE,
  };
}
