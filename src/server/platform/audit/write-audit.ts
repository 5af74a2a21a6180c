import type { ActorContext } from '../auth/principal';
import type { TenantTransaction } from '../db/tenant-transaction';
import type { AuditEvent } from './audit-events';

export interface AuditEntry {
  event: AuditEvent;
  targetType?: string;
  targetId?: string;
  before?: unknown;
  after?: unknown;
}

/** Appends to the tenant's hash-chained audit log inside the caller's transaction. */
export async function writeAudit(
  tx: TenantTransaction,
  actor: ActorContext,
  entry: AuditEntry,
): Promise<void> {
  await tx.client.query(
    'SELECT app.append_audit($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)',
    [
      tx.tenantId,
      new Date(),
      actor.userId,
      actor.actorLabel,
      entry.event,
      entry.targetType ?? null,
      entry.targetId ?? null,
      actor.ip,
      actor.userAgent.slice(0, 512),
      actor.requestId,
      entry.before === undefined ? null : JSON.stringify(entry.before),
      entry.after === undefined ? null : JSON.stringify(entry.after),
    ],
  );
}
