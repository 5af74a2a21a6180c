import type { OperatorActor } from '../../platform/auth/operator-principal';
import type { OperatorTransaction } from '../../platform/db/operator-transaction';
import type { OperatorAuditEvent } from './operator-audit-events';

export interface OperatorAuditEntry {
  event: OperatorAuditEvent;
  targetType?: string;
  targetId?: string;
  targetTenantId?: string;
  detail?: unknown;
}

/** Appends to the operator audit log in the caller's transaction (append-only for the runtime). */
export async function writeOperatorAudit(
  tx: Pick<OperatorTransaction, 'client'>,
  actor: OperatorActor,
  entry: OperatorAuditEntry,
): Promise<void> {
  await tx.client.query(
    `INSERT INTO app.operator_audit_log
       (operator_id, actor_label, event, target_type, target_id, target_tenant_id, ip,
        user_agent, request_id, detail)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      actor.operatorId,
      actor.actorLabel,
      entry.event,
      entry.targetType ?? null,
      entry.targetId ?? null,
      entry.targetTenantId ?? null,
      actor.ip,
      actor.userAgent.slice(0, 512),
      actor.requestId,
      entry.detail === undefined ? null : JSON.stringify(entry.detail),
    ],
  );
}
