import { and, lt } from 'drizzle-orm';
import { auditLog } from '../../platform/audit/audit.table';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import type { AuditList, AuditListQuery } from './audit-log.schema';
import { auditFilterWhere, selectAuditEntries } from './audit-log-query';

/** One page of the log, newest first; the cursor is the last sequence number shown. */
export async function findAuditLog(
  tx: TenantTransaction,
  { cursor, limit, ...filter }: AuditListQuery,
): Promise<AuditList> {
  const where = and(
    auditFilterWhere(tx.tenantId, filter),
    cursor ? lt(auditLog.seq, Number(cursor)) : undefined,
  );
  const rows = await selectAuditEntries(tx, where, limit + 1);
  const page = rows.slice(0, limit);
  return {
    items: page,
    nextCursor: rows.length > limit ? String(page[page.length - 1]?.seq) : null,
  };
}
