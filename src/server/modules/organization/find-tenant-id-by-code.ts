import type pg from 'pg';

/**
 * Before sign-in there is no tenant context, and tenants are protected by row-level security
 * like everything else. The login policy on app.tenants shows exactly the row whose code the
 * caller already knows, through a transaction-local setting.
 */
export async function findTenantIdByCode(pool: pg.Pool, code: string): Promise<string | null> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query("SELECT set_config('app.login_tenant_code', $1, true)", [code]);
    const { rows } = await client.query<{ tenant_id: string }>(
      'SELECT tenant_id FROM app.tenants WHERE code = $1',
      [code],
    );
    await client.query('COMMIT');
    client.release();
    return rows[0]?.tenant_id ?? null;
  } catch (error) {
    client.release(error as Error);
    throw error;
  }
}
