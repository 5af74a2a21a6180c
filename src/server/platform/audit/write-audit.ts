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

/**
 * Many entries in one round trip (bulk edits write one row per changed record). The function
 * appends them one after another in array order, so the hash chain is the same as with
 * writeAudit called once per entry.
 */
export async function writeAuditMany(
  tx: TenantTransaction,
  actor: ActorContext,
  entries: readonly AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map((entry) => ({
    event: entry.event,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
  }));
  await tx.client.query(
    `SELECT app.append_audit($1, $2, $3, $4, e->>'event', e->>'targetType', e->>'targetId',
            $5, $6, $7, nullif(e->'before', 'null'::jsonb), nullif(e->'after', 'null'::jsonb))
       FROM jsonb_array_elements($8::jsonb) WITH ORDINALITY AS entries(e, n)
      ORDER BY n`,
    [
      tx.tenantId,
      new Date(),
      actor.userId,
      actor.actorLabel,
      actor.ip,
      actor.userAgent.slice(0, 512),
      actor.requestId,
      JSON.stringify(rows),
    ],
  );
}
