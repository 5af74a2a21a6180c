import type pg from 'pg';

// integrator: replace this placeholder with the backup module's key destruction (issue 5 item
// 4, encrypted per-tenant backups). The purge calls it inside its transaction, after every row
// is deleted and verified gone and just before COMMIT; it must destroy the tenant's backup key
// (so every existing backup of the tenant becomes unreadable) and return the key's id for the
// deletion record, or null when the tenant never had one.
export async function destroyTenantBackupKey(
  _client: pg.PoolClient,
  _tenantId: string,
): Promise<{ keyId: string | null }> {
  return { keyId: null };
}
