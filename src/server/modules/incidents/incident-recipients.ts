import type { OperatorTransaction } from '../../platform/db/operator-transaction';

export interface AffectedTenant {
  tenantId: string;
  code: string;
  name: string;
  contactEmail: string;
}

/** The tenants an incident concerns: every tenant whose contract has not ended, or the listed ones. */
export async function affectedTenants(
  tx: OperatorTransaction,
  incidentId: string,
  allTenants: boolean,
): Promise<AffectedTenant[]> {
  const { rows } = await tx.client.query<AffectedTenant>(
    allTenants
      ? `SELECT tenant_id AS "tenantId", code, name, contact_email AS "contactEmail"
           FROM app.tenants WHERE status <> 'ended' ORDER BY code`
      : `SELECT t.tenant_id AS "tenantId", t.code, t.name, t.contact_email AS "contactEmail"
           FROM app.incident_tenants it JOIN app.tenants t ON t.tenant_id = it.affected_tenant_id
          WHERE it.incident_id = $1 ORDER BY t.code`,
    allTenants ? [] : [incidentId],
  );
  return rows;
}

/**
 * Where a tenant's incident notice goes: the contract contact address, or its active org
 * admins' addresses when the contract has none. Read with app.tenant_id pointed at the tenant
 * (users are only visible through the tenant's own policy).
 */
export async function noticeRecipients(
  tx: OperatorTransaction,
  tenant: AffectedTenant,
): Promise<string[]> {
  if (tenant.contactEmail !== '') return [tenant.contactEmail];
  const { rows } = await tx.client.query<{ email: string }>(
    `SELECT email FROM app.users
      WHERE tenant_id = $1 AND is_org_admin AND is_active AND email <> '' ORDER BY email`,
    [tenant.tenantId],
  );
  return rows.map((row) => row.email);
}
