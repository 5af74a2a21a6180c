import type pg from 'pg';
import { findTenantIdByCode } from '../../modules/organization/find-tenant-id-by-code';
import { withTenantTransaction } from '../db/tenant-transaction';
import type { DevMailbox } from './dev-mailbox.schema';

/** The newest mail of one tenant, for the development-only mailbox page. */
export async function listDevMailbox(pool: pg.Pool, tenantCode: string): Promise<DevMailbox> {
  const tenantId = await findTenantIdByCode(pool, tenantCode);
  if (!tenantId) return { mails: [] };
  return withTenantTransaction(pool, tenantId, async (tx) => {
    const { rows } = await tx.client.query<{
      mail_id: string;
      kind: string;
      recipients: string[];
      subject: string;
      body: string;
      status: 'queued' | 'sent' | 'failed';
      transport: 'smtp' | 'dev_mailbox' | null;
      created_at: Date;
    }>(
      `SELECT mail_id, kind, recipients, subject, body, status, transport, created_at
       FROM app.mail_outbox WHERE tenant_id = $1 ORDER BY created_at DESC, mail_id DESC LIMIT 50`,
      [tenantId],
    );
    return {
      mails: rows.map((row) => ({
        mailId: row.mail_id,
        kind: row.kind,
        recipients: row.recipients,
        subject: row.subject,
        body: row.body,
        status: row.status,
        transport: row.transport,
        createdAt: row.created_at.toISOString(),
      })),
    };
  });
}
