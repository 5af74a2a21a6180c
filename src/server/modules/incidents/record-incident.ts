import type { OperatorActor, OperatorPrincipal } from '../../platform/auth/operator-principal';
import type { OperatorTransaction } from '../../platform/db/operator-transaction';
import { uuidv7 } from '../../platform/db/uuid';
import { writeOperatorAudit } from '../operators/write-operator-audit';
import type { RecordIncidentRequest } from './incident.schema';

/** Records when a fault was detected; the 2-hour first-notice clock runs from detected_at. */
export async function recordIncident(
  tx: OperatorTransaction,
  operator: OperatorPrincipal,
  actor: OperatorActor,
  input: RecordIncidentRequest,
): Promise<string> {
  const incidentId = uuidv7();
  await tx.client.query(
    `INSERT INTO app.incidents (incident_id, title, severity, status, detected_at, created_by)
     VALUES ($1, $2, $3, 'detected', $4, $5)`,
    [incidentId, input.title, input.severity, new Date(input.detectedAt), operator.operatorId],
  );
  await writeOperatorAudit(tx, actor, {
    event: 'incident.recorded',
    targetType: 'incident',
    targetId: incidentId,
    detail: { title: input.title, severity: input.severity, detectedAt: input.detectedAt },
  });
  return incidentId;
}
