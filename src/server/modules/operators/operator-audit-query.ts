import type { OperatorTransaction } from '../../platform/db/operator-transaction';
import {
  OPERATOR_AUDIT_PAGE_SIZE,
  type OperatorAuditList,
  type OperatorAuditQuery,
} from './operator.schema';

/**
 * Newest first, one page at a time, keyset on seq (an OFFSET would rescan every earlier page
 * of a log that only grows). Tenant codes are joined while the tenant exists.
 */
export async function findOperatorAudit(
  tx: OperatorTransaction,
  query: OperatorAuditQuery,
): Promise<OperatorAuditList> {
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
      WHERE ($1::bigint IS NULL OR l.seq < $1)
        AND ($2::uuid IS NULL OR l.operator_id = $2)
        AND ($3::text IS NULL OR l.event = $3)
      ORDER BY l.seq DESC LIMIT $4`,
    [query.before ?? null, query.operatorId ?? null, query.event ?? null, OPERATOR_AUDIT_PAGE_SIZE],
  );
  const items = rows.map((r) => ({
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
  const last = items.at(-1);
  return {
    items,
    nextBefore: items.length === OPERATOR_AUDIT_PAGE_SIZE && last ? last.seq : null,
  };
}

/** Every operator account, for the log's filter and the account overview. */
export async function listOperators(tx: OperatorTransaction) {
  const { rows } = await tx.client.query<{
    operator_id: string;
    login_id: string;
    name: string;
    is_active: boolean;
    mfa_enabled_at: Date | null;
    last_login_at: Date | null;
  }>(
    `SELECT operator_id, login_id, name, is_active, mfa_enabled_at, last_login_at
       FROM app.operators ORDER BY login_id`,
  );
  return rows.map((r) => ({
    operatorId: r.operator_id,
    loginId: r.login_id,
    name: r.name,
    isActive: r.is_active,
    mfaEnabled: r.mfa_enabled_at !== null,
    lastLoginAt: r.last_login_at?.toISOString() ?? null,
  }));
}
