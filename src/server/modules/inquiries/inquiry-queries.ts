import type pg from 'pg';
import { AppError } from '../../platform/http/problem';
import type {
  InquiryDetail,
  InquiryStatus,
  InquirySummary,
  OpsInquiryDetail,
  OpsInquirySummary,
} from './inquiry.schema';

const SUMMARY = `i.inquiry_id AS "inquiryId", i.subject, i.category, i.status,
  i.created_by_name AS "createdByName", i.created_at AS "createdAt", i.updated_at AS "updatedAt"`;

type Row = Omit<InquirySummary, 'createdAt' | 'updatedAt'> & { createdAt: Date; updatedAt: Date };
const dates = <T extends Row>(row: T) => ({
  ...row,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

async function messagesOf(client: pg.PoolClient, tenantId: string, inquiryId: string) {
  const { rows } = await client.query<{
    author: 'tenant' | 'operator';
    authorName: string;
    body: string;
    postedAt: Date;
  }>(
    `SELECT author, author_name AS "authorName", body, posted_at AS "postedAt"
       FROM app.inquiry_messages WHERE tenant_id = $1 AND inquiry_id = $2
      ORDER BY posted_at, message_id`,
    [tenantId, inquiryId],
  );
  return rows.map((row) => ({ ...row, postedAt: row.postedAt.toISOString() }));
}

/** A user's own inquiries (the tenant policy already limits rows to the tenant). */
export async function listOwnInquiries(
  client: pg.PoolClient,
  tenantId: string,
  userId: string,
): Promise<InquirySummary[]> {
  const { rows } = await client.query<Row>(
    `SELECT ${SUMMARY} FROM app.inquiries i
      WHERE i.tenant_id = $1 AND i.created_by = $2 ORDER BY i.updated_at DESC LIMIT 200`,
    [tenantId, userId],
  );
  return rows.map(dates);
}

export async function getOwnInquiry(
  client: pg.PoolClient,
  tenantId: string,
  userId: string,
  inquiryId: string,
): Promise<InquiryDetail> {
  const { rows } = await client.query<Row>(
    `SELECT ${SUMMARY} FROM app.inquiries i
      WHERE i.tenant_id = $1 AND i.created_by = $2 AND i.inquiry_id = $3`,
    [tenantId, userId, inquiryId],
  );
  const row = rows[0];
  if (!row) throw new AppError('not_found');
  return { ...dates(row), messages: await messagesOf(client, tenantId, inquiryId) };
}

type OpsRow = Row & { tenantId: string; tenantCode: string; tenantName: string };
const OPS_SELECT = `SELECT ${SUMMARY}, i.tenant_id AS "tenantId", t.code AS "tenantCode",
  t.name AS "tenantName" FROM app.inquiries i JOIN app.tenants t ON t.tenant_id = i.tenant_id`;

/** Every tenant's inquiries in a status, oldest waiting first (operator plane policy). */
export async function listOpsInquiries(
  client: pg.PoolClient,
  status: InquiryStatus | 'all',
): Promise<OpsInquirySummary[]> {
  const { rows } = await client.query<OpsRow>(
    status === 'all'
      ? `${OPS_SELECT} ORDER BY i.updated_at DESC LIMIT 500`
      : `${OPS_SELECT} WHERE i.status = $1 ORDER BY i.updated_at LIMIT 500`,
    status === 'all' ? [] : [status],
  );
  return rows.map(dates);
}

export async function getOpsInquiry(
  client: pg.PoolClient,
  inquiryId: string,
): Promise<OpsInquiryDetail> {
  const { rows } = await client.query<OpsRow>(`${OPS_SELECT} WHERE i.inquiry_id = $1`, [inquiryId]);
  const row = rows[0];
  if (!row) throw new AppError('not_found');
  return { ...dates(row), messages: await messagesOf(client, row.tenantId, inquiryId) };
}
