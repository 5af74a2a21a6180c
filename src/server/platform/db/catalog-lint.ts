import type pg from 'pg';

/**
 * The rules every tenant table must follow (SECURITY.md, "Tenant isolation"), read from the
 * PostgreSQL catalog so that a new table cannot slip through by being forgotten in a test.
 * A tenant table is any table in schema app with a tenant_id column.
 */
export interface CatalogViolation {
  rule: string;
  object: string;
}

/** Constraints that may omit tenant_id, each with its reason. */
export const constraintExceptions: Record<string, string> = {
  // The tenant registry: its code identifies the tenant at login, so it is unique globally.
  'app.tenants.tenants_code_key': 'login looks a tenant up by its globally unique code',
  'app.tenants_code_key': 'the index behind the constraint above',
};

/** Tables in schema app without tenant_id (global reference data); each needs a reason. */
export const globalTables: Record<string, string> = {
  'app.tenant_deletions':
    'deletion records outlive the tenant they describe; RLS without a policy hides them from the runtime role (ADR 0017)',
  // Operator plane (ADR 0016): the provider's staff, not any tenant's. Each has RLS that shows
  // rows only to a transaction that set app.operator_plane (the /api/ops path and the CLI).
  'app.operators': 'operator accounts belong to the provider, not to a tenant',
  'app.operator_sessions': 'console sessions of operators',
  'app.operator_login_throttles': 'failed operator sign-ins, counted before any tenant is known',
  'app.operator_audit_log': 'what operators did, across tenants; kept after a tenant is purged',
  'app.announcements':
    'release notes for every tenant; tenants see only published rows through their own policy (ADR 0019)',
  'app.mfa_key_check':
    'one check value sealed under MFA_ENCRYPTION_KEY for the whole install (ADR 0027)',
  'app.break_glass_grants':
    'operator access grants to one tenant (target_tenant_id), kept after purge',
  // 障害 (ADR 0020): the provider's incidents. Declared ones are public (status page); which
  // tenants are affected is readable by the operator plane and by each affected tenant only.
  'app.incidents': 'platform incidents; declared rows are public on the status page',
  'app.incident_updates': 'public progress reports of declared incidents',
  'app.incident_tenants':
    'affected tenants of an incident (affected_tenant_id): operator plane, or the tenant itself',
};

const rules: { rule: string; sql: string }[] = [
  {
    rule: 'tenant table without ENABLE ROW LEVEL SECURITY',
    sql: `SELECT c.oid::regclass::text AS object FROM tenant_tables c WHERE NOT c.relrowsecurity`,
  },
  {
    rule: 'tenant table without FORCE ROW LEVEL SECURITY',
    sql: `SELECT c.oid::regclass::text AS object FROM tenant_tables c WHERE NOT c.relforcerowsecurity`,
  },
  {
    rule: 'tenant table without a policy',
    sql: `SELECT c.oid::regclass::text AS object FROM tenant_tables c
          WHERE NOT EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid)`,
  },
  {
    rule: 'tenant table policy that does not compare tenant_id with app.tenant_id',
    sql: `SELECT c.oid::regclass::text || '.' || p.polname AS object
          FROM tenant_tables c JOIN pg_policy p ON p.polrelid = c.oid
          WHERE p.polname = 'tenant_isolation'
            AND (pg_get_expr(p.polqual, p.polrelid) NOT LIKE '%tenant_id = %current_setting(''app.tenant_id''%'
              OR pg_get_expr(p.polwithcheck, p.polrelid) NOT LIKE '%tenant_id = %current_setting(''app.tenant_id''%')`,
  },
  {
    rule: 'primary key, unique or foreign key without tenant_id',
    sql: `SELECT con.conrelid::regclass::text || '.' || con.conname AS object
          FROM pg_constraint con JOIN tenant_tables c ON c.oid = con.conrelid
          WHERE con.contype IN ('p', 'u', 'f')
            AND NOT EXISTS (SELECT 1 FROM unnest(con.conkey) k(n)
                            JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n
                            WHERE a.attname = 'tenant_id')`,
  },
  {
    rule: 'primary key that does not start with tenant_id',
    sql: `SELECT con.conrelid::regclass::text || '.' || con.conname AS object
          FROM pg_constraint con JOIN tenant_tables c ON c.oid = con.conrelid
          JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = con.conkey[1]
          WHERE con.contype = 'p' AND a.attname <> 'tenant_id'`,
  },
  {
    rule: 'index that does not start with tenant_id',
    sql: `SELECT i.indexrelid::regclass::text AS object
          FROM pg_index i JOIN tenant_tables c ON c.oid = i.indrelid
          LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
          WHERE a.attname IS DISTINCT FROM 'tenant_id'`,
  },
  {
    rule: 'table in schema app without tenant_id',
    sql: `SELECT c.oid::regclass::text AS object FROM pg_class c
          WHERE c.relnamespace = 'app'::regnamespace AND c.relkind IN ('r', 'p')
            AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid
                            AND a.attname = 'tenant_id' AND NOT a.attisdropped)`,
  },
  {
    rule: 'view without security_invoker',
    sql: `SELECT c.oid::regclass::text AS object FROM pg_class c
          WHERE c.relnamespace = 'app'::regnamespace AND c.relkind = 'v'
            AND NOT EXISTS (SELECT 1 FROM pg_options_to_table(c.reloptions) o
                            WHERE o.option_name = 'security_invoker'
                              AND o.option_value IN ('true', 'on', '1', 'yes'))`,
  },
  {
    rule: 'SECURITY DEFINER function',
    sql: `SELECT p.oid::regprocedure::text AS object FROM pg_proc p
          WHERE p.pronamespace = 'app'::regnamespace AND p.prosecdef`,
  },
  {
    rule: 'materialized view in schema app (cannot carry row-level security)',
    sql: `SELECT c.oid::regclass::text AS object FROM pg_class c
          WHERE c.relnamespace = 'app'::regnamespace AND c.relkind = 'm'`,
  },
];

const TENANT_TABLES = `WITH tenant_tables AS (
  SELECT c.oid, c.relrowsecurity, c.relforcerowsecurity FROM pg_class c
  WHERE c.relnamespace = 'app'::regnamespace AND c.relkind IN ('r', 'p')
    AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid
                AND a.attname = 'tenant_id' AND NOT a.attisdropped))`;

export async function lintCatalog(client: pg.Pool | pg.Client): Promise<CatalogViolation[]> {
  const violations: CatalogViolation[] = [];
  for (const { rule, sql } of rules) {
    const { rows } = await client.query<{ object: string }>(`${TENANT_TABLES} ${sql}`);
    for (const { object } of rows) {
      const exempt =
        constraintExceptions[object] !== undefined || globalTables[object] !== undefined;
      if (!exempt) violations.push({ rule, object });
    }
  }
  return violations;
}
