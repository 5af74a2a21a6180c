import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import { jstDayStart, toJstIso } from '../../../domain/time/jst';
import { auditLog } from '../../platform/audit/audit.table';
import { auditEvents } from '../../platform/audit/audit-events';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import { users } from '../identity/user.table';
import type { AuditEntry, AuditFilter } from './audit-log.schema';

/** The WHERE clause of the list and the export; periods are whole JST days, `to` inclusive. */
export function auditFilterWhere(tenantId: string, filter: AuditFilter): SQL | undefined {
  return and(
    eq(auditLog.tenantId, tenantId),
    filter.from ? gte(auditLog.occurredAt, jstDayStart(filter.from)) : undefined,
    filter.to ? lt(auditLog.occurredAt, jstDayStart(filter.to, 1)) : undefined,
    filter.actorUserId ? eq(auditLog.actorUserId, filter.actorUserId) : undefined,
    filter.event ? eq(auditLog.event, filter.event) : undefined,
    filter.targetType ? eq(auditLog.targetType, filter.targetType) : undefined,
    filter.targetId ? eq(auditLog.targetId, filter.targetId) : undefined,
  );
}

/** Newest first by chain sequence, which follows commit order of the tenant's writes. */
export async function selectAuditEntries(
  tx: TenantTransaction,
  where: SQL | undefined,
  limit: number,
): Promise<AuditEntry[]> {
  const rows = await tx.db
    .select({ entry: auditLog, actorName: users.name })
    .from(auditLog)
    .leftJoin(
      users,
      and(eq(users.tenantId, auditLog.tenantId), eq(users.userId, auditLog.actorUserId)),
    )
    .where(where)
    .orderBy(desc(auditLog.seq))
    .limit(limit);
  return rows.map(({ entry, actorName }) => ({
    seq: entry.seq,
    occurredAt: toJstIso(entry.occurredAt),
    actorUserId: entry.actorUserId,
    actorLabel: entry.actorLabel,
    actorName,
    event: entry.event,
    eventLabel: auditEvents[entry.event as keyof typeof auditEvents] ?? entry.event,
    targetType: entry.targetType,
    targetId: entry.targetId,
    ip: entry.ip,
    userAgent: entry.userAgent,
    requestId: entry.requestId,
    before: entry.before,
    after: entry.after,
  }));
}
