import { writeAudit } from '../../platform/audit/write-audit';
import type { ActorContext, Principal } from '../../platform/auth/principal';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import { uuidv7 } from '../../platform/db/uuid';
import { AppError } from '../../platform/http/problem';
import type { InquiryMessageRequest } from './inquiry.schema';

/** The asking user adds to the conversation; it is waiting for the provider again ('open'). */
export async function replyInquiry(
  tx: TenantTransaction,
  principal: Principal,
  actor: ActorContext,
  inquiryId: string,
  input: InquiryMessageRequest,
): Promise<void> {
  const { rows } = await tx.client.query<{ status: string }>(
    `SELECT status FROM app.inquiries
      WHERE tenant_id = $1 AND inquiry_id = $2 AND created_by = $3 FOR UPDATE`,
    [tx.tenantId, inquiryId, principal.userId],
  );
  const inquiry = rows[0];
  if (!inquiry) throw new AppError('not_found');
  if (inquiry.status === 'closed') throw new AppError('inquiry_closed');
  await tx.client.query(
    `INSERT INTO app.inquiry_messages (tenant_id, message_id, inquiry_id, author, author_name, body)
     VALUES ($1, $2, $3, 'tenant', $4, $5)`,
    [tx.tenantId, uuidv7(), inquiryId, principal.name, input.body],
  );
  await tx.client.query(
    `UPDATE app.inquiries SET status = 'open', updated_at = now()
      WHERE tenant_id = $1 AND inquiry_id = $2`,
    [tx.tenantId, inquiryId],
  );
  await writeAudit(tx, actor, {
    event: 'inquiry.replied',
    targetType: 'inquiry',
    targetId: inquiryId,
  });
}
