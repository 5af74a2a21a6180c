import type pg from 'pg';
import type { OperatorTransaction } from '../../platform/db/operator-transaction';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import { formatJst } from '../../platform/http/health';
import { AppError } from '../../platform/http/problem';
import {
  type ActiveIncident,
  FIRST_NOTICE_TARGET_MINUTES,
  type OpsIncident,
  type PublicIncident,
  type PublicStatus,
} from './incident.schema';

interface IncidentRecord {
  incidentId: string;
  title: string;
  severity: OpsIncident['severity'];
  status: OpsIncident['status'];
  allTenants: boolean;
  detectedAt: Date;
  declaredAt: Date | null;
  resolvedAt: Date | null;
  publicMessage: string;
}
interface UpdateRecord {
  incidentId: string;
  status: PublicIncident['updates'][number]['status'];
  message: string;
  postedAt: Date;
}

const SELECT_INCIDENT = `SELECT incident_id AS "incidentId", title, severity, status,
  all_tenants AS "allTenants", detected_at AS "detectedAt", declared_at AS "declaredAt",
  resolved_at AS "resolvedAt", public_message AS "publicMessage" FROM app.incidents`;

async function updatesOf(
  client: pg.PoolClient | pg.Pool,
  incidentIds: string[],
): Promise<Map<string, UpdateRecord[]>> {
  const byIncident = new Map<string, UpdateRecord[]>();
  if (incidentIds.length === 0) return byIncident;
  const { rows } = await client.query<UpdateRecord>(
    `SELECT incident_id AS "incidentId", status, message, posted_at AS "postedAt"
       FROM app.incident_updates WHERE incident_id = ANY($1::uuid[])
      ORDER BY posted_at, update_id`,
    [incidentIds],
  );
  for (const row of rows) {
    const list = byIncident.get(row.incidentId) ?? [];
    list.push(row);
    byIncident.set(row.incidentId, list);
  }
  return byIncident;
}

/** Minutes from detection to the first notice (to now while nothing has been declared). */
export function firstNoticeMinutes(detectedAt: Date, declaredAt: Date | null, now = new Date()) {
  return Math.max(0, Math.floor(((declaredAt ?? now).getTime() - detectedAt.getTime()) / 60_000));
}

export async function listOpsIncidents(
  tx: OperatorTransaction,
  incidentId?: string,
): Promise<OpsIncident[]> {
  const { rows } = await tx.client.query<IncidentRecord>(
    incidentId
      ? `${SELECT_INCIDENT} WHERE incident_id = $1`
      : `${SELECT_INCIDENT} ORDER BY resolved_at IS NOT NULL, detected_at DESC LIMIT 200`,
    incidentId ? [incidentId] : [],
  );
  const ids = rows.map((row) => row.incidentId);
  const updates = await updatesOf(tx.client, ids);
  const { rows: affected } = await tx.client.query<{
    incidentId: string;
    tenantId: string;
    code: string;
    name: string;
  }>(
    `SELECT it.incident_id AS "incidentId", t.tenant_id AS "tenantId", t.code, t.name
       FROM app.incident_tenants it JOIN app.tenants t ON t.tenant_id = it.affected_tenant_id
      WHERE it.incident_id = ANY($1::uuid[]) ORDER BY t.code`,
    [ids],
  );
  return rows.map((row) => {
    const minutes = firstNoticeMinutes(row.detectedAt, row.declaredAt);
    return {
      incidentId: row.incidentId,
      title: row.title,
      severity: row.severity,
      status: row.status,
      allTenants: row.allTenants,
      affectedTenants: affected
        .filter((a) => a.incidentId === row.incidentId)
        .map(({ tenantId, code, name }) => ({ tenantId, code, name })),
      detectedAt: row.detectedAt.toISOString(),
      declaredAt: row.declaredAt?.toISOString() ?? null,
      resolvedAt: row.resolvedAt?.toISOString() ?? null,
      publicMessage: row.publicMessage,
      firstNoticeMinutes: minutes,
      overTarget: minutes > FIRST_NOTICE_TARGET_MINUTES,
      updates: (updates.get(row.incidentId) ?? []).map((u) => ({
        status: u.status,
        message: u.message,
        postedAt: u.postedAt.toISOString(),
      })),
    };
  });
}

export async function getOpsIncident(
  tx: OperatorTransaction,
  incidentId: string,
): Promise<OpsIncident> {
  const [incident] = await listOpsIncidents(tx, incidentId);
  if (!incident) throw new AppError('not_found');
  return incident;
}

/** Open, declared incidents that concern the transaction's tenant (RLS filters incident_tenants). */
export async function activeIncidentsForTenant(tx: TenantTransaction): Promise<ActiveIncident[]> {
  const { rows } = await tx.client.query<IncidentRecord>(
    `${SELECT_INCIDENT} i
      WHERE declared_at IS NOT NULL AND resolved_at IS NULL
        AND (all_tenants OR EXISTS (SELECT 1 FROM app.incident_tenants it
                                     WHERE it.incident_id = i.incident_id
                                       AND it.affected_tenant_id = $1))
      ORDER BY declared_at DESC`,
    [tx.tenantId],
  );
  const updates = await updatesOf(
    tx.client,
    rows.map((row) => row.incidentId),
  );
  return rows.map((row) => ({
    incidentId: row.incidentId,
    title: row.title,
    severity: row.severity,
    status: row.status,
    declaredAt: formatJst(row.declaredAt as Date),
    message: updates.get(row.incidentId)?.at(-1)?.message ?? row.publicMessage,
  }));
}

export const STATUS_PAGE_DAYS = 90;

/**
 * The public status page: declared incidents open now or resolved in the last 90 days. Read
 * without any session setting, so only the public policies apply; incident_tenants stays
 * invisible and the answer cannot carry which tenants were affected, nor how many.
 */
export async function publicStatus(pool: pg.Pool, now = new Date()): Promise<PublicStatus> {
  const { rows } = await pool.query<IncidentRecord>(
    `${SELECT_INCIDENT}
      WHERE declared_at IS NOT NULL
        AND (resolved_at IS NULL OR resolved_at > now() - make_interval(days => $1))
      ORDER BY declared_at DESC LIMIT 500`,
    [STATUS_PAGE_DAYS],
  );
  const updates = await updatesOf(
    pool,
    rows.map((row) => row.incidentId),
  );
  const incidents: PublicIncident[] = rows.map((row) => ({
    incidentId: row.incidentId,
    title: row.title,
    severity: row.severity,
    status: row.status,
    detectedAt: formatJst(row.detectedAt),
    declaredAt: formatJst(row.declaredAt as Date),
    resolvedAt: row.resolvedAt ? formatJst(row.resolvedAt) : null,
    message: row.publicMessage,
    updates: (updates.get(row.incidentId) ?? []).map((u) => ({
      status: u.status,
      message: u.message,
      postedAt: formatJst(u.postedAt),
    })),
  }));
  const current = incidents.filter((incident) => incident.resolvedAt === null);
  return {
    generatedAt: formatJst(now),
    days: STATUS_PAGE_DAYS,
    operational: current.length === 0,
    current,
    past: incidents.filter((incident) => incident.resolvedAt !== null),
  };
}
