import type pg from 'pg';

export interface OpsTenant {
  tenantId: string;
  code: string;
  name: string;
}

/**
 * Tenants as the owner role sees them: one by code (the login lookup policy) or all of them
 * (the tenant_ops_listing policy, which answers only the table's owner that asks for it).
 */
export async function listTenants(pool: pg.Pool, code?: string): Promise<OpsTenant[]> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN READ ONLY');
    if (code === undefined) {
      await client.query("SELECT set_config('app.ops_all_tenants', 'on', true)");
    } else {
      await client.query("SELECT set_config('app.login_tenant_code', $1, true)", [code]);
    }
    const { rows } = await client.query<OpsTenant>(
      `SELECT tenant_id AS "tenantId", code, name FROM app.tenants
        WHERE $1::text IS NULL OR code = $1 ORDER BY code`,
      [code ?? null],
    );
    return rows;
  } finally {
    await client.query('ROLLBACK').catch(() => {});
    client.release();
  }
}

/** Without migration 0005 the owner cannot list tenants; say so instead of reporting none. */
export async function assertOpsListingAvailable(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query(
    "SELECT 1 FROM pg_catalog.pg_policy WHERE polname = 'tenant_ops_listing' AND polrelid = to_regclass('app.tenants')",
  );
  if (rows.length === 0) {
    throw new OpsError(
      'データベースが最新ではありません。一度 npm start で起動してマイグレーションを適用してください。 / The database is not migrated: start the app once (npm start) to apply the migrations.',
    );
  }
}

/** An expected failure of an operations command: printed without a stack trace. */
export class OpsError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'OpsError';
  }
}
