import type { OperatorTransaction } from '../../platform/db/operator-transaction';
import type { OperatorAuditEntry } from './operator.schema';

/** Newest first, 100 a page, keyset on seq. Tenant codes are joined while the tenant exists. */
export async function findOperatorAudit(
  tx: OperatorTransaction,
  before: number | undefined,
): Promise<OperatorAuditEntry[]> {
  const { rows } = await tx.client.query<{
    seq: string;
    occurred_at: Date;
    actor_label: string;
    event: string;
    target_type: string | null;
    target_id: string | null;
    code: string | null;
    ip: string;
    detail: unknown;
  }>(
    `SELECT l.seq, l.occurred_at, l.actor_label, l.event, l.target_type, l.target_id, t.code,
            l.ip, l.detail
       FROM app.operator_audit_log l LEFT JOIN app.tenants t ON t.tenant_id = l.target_tenant_id
      WHERE $1::bigint IS NULL OR l.seq < $1
      ORDER BY l.seq DESC LIMIT 100`,
    [before ?? null],
  );
  return rows.map((r) => ({
    seq: Number(r.seq),
    occurredAt: r.occurred_at.toISOString(),
    actorLabel: r.actor_label,
    event: r.event,
    targetType: r.target_type,
    targetId: r.target_id,
    targetTenantCode: r.code,
    ip: r.ip,
    detail: r.detail,
  }));
}
