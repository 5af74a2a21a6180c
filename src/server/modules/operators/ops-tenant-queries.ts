import { escapeLike } from '../../platform/db/like';
import type { OperatorTransaction } from '../../platform/db/operator-transaction';
import { AppError } from '../../platform/http/problem';
import type {
  BreakGlassGrant,
  TenantDetail,
  TenantListQuery,
  TenantSummary,
} from './operator.schema';

interface TenantRow {
  tenant_id: string;
  code: string;
  name: string;
  status: TenantSummary['status'];
  plan: string;
  seat_limit: number;
  trial_ends_at: Date | null;
  contract_ended_at: Date | null;
  created_at: Date;
  contact_email: string;
}

const iso = (value: Date | null) => (value ? value.toISOString() : null);

/**
 * Tenants as the console shows them: contract columns only (the operator-plane policy on
 * app.tenants). Seats in use are counted tenant by tenant under each tenant's own RLS
 * context, so the operator plane never gets a policy on app.users.
 */
export async function listOpsTenants(
  tx: OperatorTransaction,
  query: TenantListQuery,
): Promise<TenantSummary[]> {
  const { rows } = await tx.client.query<TenantRow>(
    `SELECT tenant_id, code, name, status, plan, seat_limit, trial_ends_at, contract_ended_at,
            created_at, contact_email
       FROM app.tenants
      WHERE ($1::text IS NULL OR code ILIKE '%' || $1 || '%' OR name ILIKE '%' || $1 || '%')
        AND ($2::text IS NULL OR status = $2)
      ORDER BY created_at DESC
      LIMIT 500`,
    [query.q ? escapeLike(query.q) : null, query.status ?? null],
  );
  const result: TenantSummary[] = [];
  for (const row of rows) result.push(await summarise(tx, row));
  await tx.client.query("SELECT set_config('app.tenant_id', '', true)");
  return result;
}

async function summarise(tx: OperatorTransaction, row: TenantRow): Promise<TenantSummary> {
  await tx.client.query("SELECT set_config('app.tenant_id', $1, true)", [row.tenant_id]);
  const { rows } = await tx.client.query<{ used: number }>(
    'SELECT count(*)::int AS used FROM app.users WHERE tenant_id = $1 AND is_active',
    [row.tenant_id],
  );
  return {
    tenantId: row.tenant_id,
    code: row.code,
    name: row.name,
    status: row.status,
    plan: row.plan,
    seatsUsed: rows[0]?.used ?? 0,
    seatLimit: row.seat_limit,
    trialEndsAt: iso(row.trial_ends_at),
    contractEndedAt: iso(row.contract_ended_at),
    createdAt: row.created_at.toISOString(),
    contactEmail: row.contact_email,
  };
}

export async function getOpsTenant(
  tx: OperatorTransaction,
  tenantId: string,
): Promise<TenantDetail> {
  const { rows } = await tx.client.query<TenantRow>(
    `SELECT tenant_id, code, name, status, plan, seat_limit, trial_ends_at, contract_ended_at,
            created_at, contact_email
       FROM app.tenants WHERE tenant_id = $1`,
    [tenantId],
  );
  const row = rows[0];
  if (!row) throw new AppError('not_found');
  const summary = await summarise(tx, row);
  await tx.client.query("SELECT set_config('app.tenant_id', '', true)");
  return { ...summary, breakGlass: await breakGlassGrants(tx, tenantId) };
}

async function breakGlassGrants(
  tx: OperatorTransaction,
  tenantId: string,
): Promise<BreakGlassGrant[]> {
  const { rows } = await tx.client.query<{
    grant_id: string;
    login_id: string;
    reason: string;
    created_at: Date;
    expires_at: Date;
    active: boolean;
  }>(
    `SELECT g.grant_id, o.login_id, g.reason, g.created_at, g.expires_at,
            g.expires_at > now() AS active
       FROM app.break_glass_grants g JOIN app.operators o ON o.operator_id = g.operator_id
      WHERE g.target_tenant_id = $1
      ORDER BY g.created_at DESC LIMIT 50`,
    [tenantId],
  );
  return rows.map((r) => ({
    grantId: r.grant_id,
    operatorLoginId: r.login_id,
    reason: r.reason,
    createdAt: r.created_at.toISOString(),
    expiresAt: r.expires_at.toISOString(),
    active: r.active,
  }));
}
