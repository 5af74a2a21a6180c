import type { OperatorActor } from '../../platform/auth/operator-principal';
import type { OperatorTransaction } from '../../platform/db/operator-transaction';
import { uuidv7 } from '../../platform/db/uuid';
import { AppError } from '../../platform/http/problem';
import { writeOperatorAudit } from '../operators/write-operator-audit';
import type { DeclareIncidentRequest } from './incident.schema';
import { lockIncident } from './lock-incident';
import { notifyAffectedTenants } from './notify-affected-tenants';

/**
 * 告知: severity, affected tenants and the public message are fixed, the status page shows the
 * incident from now on, and every affected tenant gets its mail in the same transaction.
 */
export async function declareIncident(
  tx: OperatorTransaction,
  actor: OperatorActor,
  incidentId: string,
  input: DeclareIncidentRequest,
  statusUrl: string,
): Promise<void> {
  const incident = await lockIncident(tx, incidentId);
  if (incident.declaredAt) throw new AppError('incident_already_declared');
  const tenantIds = input.allTenants ? [] : [...new Set(input.tenantIds)];
  if (tenantIds.length > 0) {
    const { rows } = await tx.client.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM app.tenants WHERE tenant_id = ANY($1::uuid[])',
      [tenantIds],
    );
    if (rows[0]?.n !== tenantIds.length) throw new AppError('validation_failed');
  }
  await tx.client.query(
    `UPDATE app.incidents
        SET severity = $2, status = 'investigating', all_tenants = $3, declared_at = now(),
            public_message = $4
      WHERE incident_id = $1`,
    [incidentId, input.severity, input.allTenants, input.message],
  );
  if (tenantIds.length > 0) {
    await tx.client.query(
      `INSERT INTO app.incident_tenants (incident_id, affected_tenant_id)
       SELECT $1, unnest($2::uuid[])`,
      [incidentId, tenantIds],
    );
  }
  await tx.client.query(
    `INSERT INTO app.incident_updates (update_id, incident_id, status, message)
     VALUES ($1, $2, 'investigating', $3)`,
    [uuidv7(), incidentId, input.message],
  );
  const mailed = await notifyAffectedTenants(
    tx,
    'declared',
    {
      incidentId,
      allTenants: input.allTenants,
      title: incident.title,
      severity: input.severity,
      status: 'investigating',
      detectedAt: incident.detectedAt,
      message: input.message,
    },
    statusUrl,
  );
  await writeOperatorAudit(tx, actor, {
    event: 'incident.declared',
    targetType: 'incident',
    targetId: incidentId,
    detail: {
      severity: input.severity,
      allTenants: input.allTenants,
      tenantIds,
      mailed,
      minutesSinceDetection: Math.floor((Date.now() - incident.detectedAt.getTime()) / 60_000),
    },
  });
}
