import type { OperatorActor } from '../../platform/auth/operator-principal';
import type { OperatorTransaction } from '../../platform/db/operator-transaction';
import { uuidv7 } from '../../platform/db/uuid';
import { AppError } from '../../platform/http/problem';
import { writeOperatorAudit } from '../operators/write-operator-audit';
import type { IncidentUpdateRequest } from './incident.schema';
import { lockIncident } from './lock-incident';
import { notifyAffectedTenants } from './notify-affected-tenants';

/** 経過報告 or 解消 ('resolved'): public, mailed to the same tenants as the declaration. */
export async function postIncidentUpdate(
  tx: OperatorTransaction,
  actor: OperatorActor,
  incidentId: string,
  input: IncidentUpdateRequest,
  statusUrl: string,
): Promise<void> {
  const incident = await lockIncident(tx, incidentId);
  if (!incident.declaredAt) throw new AppError('incident_not_declared');
  if (incident.resolvedAt) throw new AppError('incident_resolved');
  const resolved = input.status === 'resolved';
  await tx.client.query(
    `UPDATE app.incidents
        SET status = $2, resolved_at = CASE WHEN $3 THEN now() ELSE NULL END
      WHERE incident_id = $1`,
    [incidentId, input.status, resolved],
  );
  await tx.client.query(
    `INSERT INTO app.incident_updates (update_id, incident_id, status, message)
     VALUES ($1, $2, $3, $4)`,
    [uuidv7(), incidentId, input.status, input.message],
  );
  const mailed = await notifyAffectedTenants(
    tx,
    resolved ? 'resolved' : 'updated',
    {
      incidentId,
      allTenants: incident.allTenants,
      title: incident.title,
      severity: incident.severity,
      status: input.status,
      detectedAt: incident.detectedAt,
      message: input.message,
    },
    statusUrl,
  );
  await writeOperatorAudit(tx, actor, {
    event: resolved ? 'incident.resolved' : 'incident.updated',
    targetType: 'incident',
    targetId: incidentId,
    detail: { status: input.status, mailed },
  });
}
