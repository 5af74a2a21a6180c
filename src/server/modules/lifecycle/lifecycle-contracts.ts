import type pg from 'pg';
import type { ContractState } from '../../../domain/lifecycle/purge-policy';

export interface TenantContract extends ContractState {
  tenantId: string;
  code: string;
  name: string;
  contactEmail: string;
}

/**
 * Tenants whose contract has ended or may end by itself (a trial with an end date), as the
 * owner role sees them through the tenant_ops_listing policy.
 */
export async function listEndingContracts(pool: pg.Pool): Promise<TenantContract[]> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN READ ONLY');
    await client.query("SELECT set_config('app.ops_all_tenants', 'on', true)");
    const { rows } = await client.query<TenantContract>(
      `SELECT tenant_id AS "tenantId", code, name, status, plan, trial_ends_at AS "trialEndsAt",
              contract_ended_at AS "contractEndedAt", contact_email AS "contactEmail"
         FROM app.tenants
        WHERE status = 'ended' OR (status = 'trial' AND trial_ends_at IS NOT NULL)
        ORDER BY code`,
    );
    return rows;
  } finally {
    await client.query('ROLLBACK').catch(() => {});
    client.release();
  }
}
