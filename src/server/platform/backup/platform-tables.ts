import type pg from 'pg';
import type { TenantTable } from '../db/tenant-catalog';

/**
 * Tables in schema app without a tenant_id column: provider-wide data (operator accounts and
 * the like; none yet, see catalog-lint's globalTables). Read from the catalog like the tenant
 * tables, so the platform backup picks up a new one without a code change.
 */
export async function listPlatformTables(client: pg.Pool | pg.PoolClient): Promise<TenantTable[]> {
  const { rows } = await client.query<{ name: string; qualified_name: string; columns: string[] }>(
    `SELECT c.relname::text AS name, c.oid::regclass::text AS qualified_name,
            array_agg(a.attname::text ORDER BY a.attnum) AS columns
       FROM pg_catalog.pg_class c
       JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      WHERE c.relnamespace = 'app'::regnamespace AND c.relkind IN ('r', 'p')
        AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute t
                         WHERE t.attrelid = c.oid AND t.attname = 'tenant_id' AND NOT t.attisdropped)
      GROUP BY c.oid, c.relname
      ORDER BY c.relname`,
  );
  return rows.map((row) => ({
    qualifiedName: row.qualified_name,
    name: row.name,
    columns: row.columns,
  }));
}
