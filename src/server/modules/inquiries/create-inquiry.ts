import { writeAudit } from '../../platform/audit/write-audit';
import type { ActorContext, Principal } from '../../platform/auth/principal';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import { uuidv7 } from '../../platform/db/uuid';
import { enqueueMail } from '../../platform/mail/enqueue-mail';
import type { CreateInquiryRequest } from './inquiry.schema';
import { newInquiryMail } from './inquiry-mails';

/** A user asks the provider; support hears of it by mail (SUPPORT_EMAIL) in the same commit. */
export async function createInquiry(
  tx: TenantTransaction,
  principal: Principal,
  actor: ActorContext,
  input: CreateInquiryRequest,
  mail: { supportEmail: string | undefined; appOrigin: string },
): Promise<string> {
  const inquiryId = uuidv7();
  await tx.client.query(
    `INSERT INTO app.inquiries
       (tenant_id, inquiry_id, subject, category, status, created_by, created_by_name)
     VALUES ($1, $2, $3, $4, 'open', $5, $6)`,
    [tx.tenantId, inquiryId, input.subject, input.category, principal.userId, principal.name],
  );
  await tx.client.query(
    `INSERT INTO app.inquiry_messages (tenant_id, message_id, inquiry_id, author, author_name, body)
     VALUES ($1, $2, $3, 'tenant', $4, $5)`,
    [tx.tenantId, uuidv7(), inquiryId, principal.name, input.body],
  );
  await writeAudit(tx, actor, {
    event: 'inquiry.created',
    targetType: 'inquiry',
    targetId: inquiryId,
    after: { subject: input.subject, category: input.category },
  });
  if (mail.supportEmail) {
    const { rows } = await tx.client.query<{ code: string; name: string }>(
      'SELECT code, name FROM app.tenants WHERE tenant_id = $1',
      [tx.tenantId],
    );
    await enqueueMail(
      tx,
      newInquiryMail(mail.supportEmail, {
        tenantCode: rows[0]?.code ?? '',
        tenantName: rows[0]?.name ?? '',
        userName: principal.name,
        subject: input.subject,
        category: input.category,
        body: input.body,
        consoleUrl: `${mail.appOrigin.replace(/\/$/, '')}/ops/inquiries/${inquiryId}`,
      }),
    );
  }
  return inquiryId;
}
