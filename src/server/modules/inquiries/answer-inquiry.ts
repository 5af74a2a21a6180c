import type { OperatorActor, OperatorPrincipal } from '../../platform/auth/operator-principal';
import { enterTenant, type OperatorTransaction } from '../../platform/db/operator-transaction';
import { uuidv7 } from '../../platform/db/uuid';
import { AppError } from '../../platform/http/problem';
import { enqueueMail } from '../../platform/mail/enqueue-mail';
import { writeOperatorAudit } from '../operators/write-operator-audit';
import type { InquiryMessageRequest } from './inquiry.schema';
import { inquiryAnsweredMail } from './inquiry-mails';

interface LockedInquiry {
  tenantId: string;
  tenantCode: string;
  subject: string;
  status: string;
  createdBy: string;
  createdByName: string;
}

async function lockInquiry(tx: OperatorTransaction, inquiryId: string): Promise<LockedInquiry> {
  const { rows } = await tx.client.query<LockedInquiry>(
    `SELECT i.tenant_id AS "tenantId", t.code AS "tenantCode", i.subject, i.status,
            i.created_by AS "createdBy", i.created_by_name AS "createdByName"
       FROM app.inquiries i JOIN app.tenants t ON t.tenant_id = i.tenant_id
      WHERE i.inquiry_id = $1 FOR UPDATE OF i`,
    [inquiryId],
  );
  const inquiry = rows[0];
  if (!inquiry) throw new AppError('not_found');
  return inquiry;
}

/**
 * The provider answers: the message is written into the tenant's conversation (operator
 * policy) and the asking user is mailed through the tenant's outbox, in one transaction.
 */
export async function answerInquiry(
  tx: OperatorTransaction,
  operator: OperatorPrincipal,
  actor: OperatorActor,
  inquiryId: string,
  input: InquiryMessageRequest,
  appOrigin: string,
): Promise<void> {
  const inquiry = await lockInquiry(tx, inquiryId);
  if (inquiry.status === 'closed') throw new AppError('inquiry_closed');
  await tx.client.query(
    `INSERT INTO app.inquiry_messages (tenant_id, message_id, inquiry_id, author, author_name, body)
     VALUES ($1, $2, $3, 'operator', 'Akinai サポート', $4)`,
    [inquiry.tenantId, uuidv7(), inquiryId, input.body],
  );
  await tx.client.query(
    `UPDATE app.inquiries SET status = 'answered', updated_at = now()
      WHERE tenant_id = $1 AND inquiry_id = $2`,
    [inquiry.tenantId, inquiryId],
  );
  const tenantTx = await enterTenant(tx, inquiry.tenantId);
  const { rows } = await tx.client.query<{ email: string }>(
    `SELECT email FROM app.users WHERE tenant_id = $1 AND user_id = $2 AND is_active`,
    [inquiry.tenantId, inquiry.createdBy],
  );
  const email = rows[0]?.email ?? '';
  if (email !== '') {
    await enqueueMail(
      tenantTx,
      inquiryAnsweredMail(email, {
        userName: inquiry.createdByName,
        subject: inquiry.subject,
        body: input.body,
        url: `${appOrigin.replace(/\/$/, '')}/inquiries/${inquiryId}`,
      }),
    );
  }
  await writeOperatorAudit(tx, actor, {
    event: 'inquiry.answered',
    targetType: 'inquiry',
    targetId: inquiryId,
    targetTenantId: inquiry.tenantId,
    detail: { operator: operator.loginId, mailed: email !== '' },
  });
}

/** The provider closes a conversation that needs nothing more. */
export async function closeInquiry(
  tx: OperatorTransaction,
  actor: OperatorActor,
  inquiryId: string,
): Promise<void> {
  const inquiry = await lockInquiry(tx, inquiryId);
  if (inquiry.status === 'closed') throw new AppError('inquiry_closed');
  await tx.client.query(
    `UPDATE app.inquiries SET status = 'closed', updated_at = now()
      WHERE tenant_id = $1 AND inquiry_id = $2`,
    [inquiry.tenantId, inquiryId],
  );
  await writeOperatorAudit(tx, actor, {
    event: 'inquiry.closed',
    targetType: 'inquiry',
    targetId: inquiryId,
    targetTenantId: inquiry.tenantId,
  });
}
