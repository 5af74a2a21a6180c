import type { OperatorTransaction } from '../../platform/db/operator-transaction';
import { AppError } from '../../platform/http/problem';
import type { IncidentSeverity, IncidentStatus } from './incident.schema';

export interface IncidentRow {
  incidentId: string;
  title: string;
  severity: IncidentSeverity;
  status: IncidentStatus;
  allTenants: boolean;
  detectedAt: Date;
  declaredAt: Date | null;
  resolvedAt: Date | null;
}

/** The incident, locked so two operators cannot declare or resolve it twice. */
export async function lockIncident(
  tx: OperatorTransaction,
  incidentId: string,
): Promise<IncidentRow> {
  const { rows } = await tx.client.query<IncidentRow>(
    `SELECT incident_id AS "incidentId", title, severity, status, all_tenants AS "allTenants",
            detected_at AS "detectedAt", declared_at AS "declaredAt", resolved_at AS "resolvedAt"
       FROM app.incidents WHERE incident_id = $1 FOR UPDATE`,
    [incidentId],
  );
  const row = rows[0];
  if (!row) throw new AppError('not_found');
  return row;
}
