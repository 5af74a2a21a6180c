import type pg from 'pg';

/**
 * Every table that holds a tenant's rows, read from the PostgreSQL catalog rather than listed by
 * hand, so that export, backup and purge cannot forget a table added later (SECURITY.md, data
 * lifecycle). A tenant table is a table in schema app with a tenant_id column, as for the
 * catalog lint.
 */
export interface TenantTable {
  /** Schema-qualified, quoted name, safe to interpolate into SQL. */
  readonly qualifiedName: string;
  /** Bare table name, e.g. "customers". */
  readonly name: string;
  /** Column names in table order. */
  readonly columns: readonly string[];
}

interface CatalogRow {
  oid: number;
  name: string;
  qualified_name: string;
  columns: string[];
}

interface ForeignKeyRow {
  child: number;
  parent: number;
}

/**
 * Tenant tables ordered parents first (app.tenants first), so inserting in this order and
 * deleting in reverse satisfies every foreign key between them. Self references are ignored.
 */
export async function listTenantTables(client: pg.Pool | pg.PoolClient): Promise<TenantTable[]> {
  const tables = await client.query<CatalogRow>(
    `SELECT c.oid::int AS oid, c.relname AS name, c.oid::regclass::text AS qualified_name,
            array_agg(a.attname::text ORDER BY a.attnum) AS columns
       FROM pg_catalog.pg_class c
       JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      WHERE c.relnamespace = 'app'::regnamespace AND c.relkind IN ('r', 'p')
        AND EXISTS (SELECT 1 FROM pg_catalog.pg_attribute t
                     WHERE t.attrelid = c.oid AND t.attname = 'tenant_id' AND NOT t.attisdropped)
      GROUP BY c.oid, c.relname
      ORDER BY c.relname`,
  );
  const foreignKeys = await client.query<ForeignKeyRow>(
    `SELECT conrelid::int AS child, confrelid::int AS parent
       FROM pg_catalog.pg_constraint
      WHERE contype = 'f' AND connamespace = 'app'::regnamespace AND conrelid <> confrelid`,
  );
  return orderParentsFirst(tables.rows, foreignKeys.rows).map((row) => ({
    qualifiedName: row.qualified_name,
    name: row.name,
    columns: row.columns,
  }));
}

function orderParentsFirst(tables: CatalogRow[], foreignKeys: ForeignKeyRow[]): CatalogRow[] {
  const byOid = new Map(tables.map((table) => [table.oid, table]));
  const parentsOf = new Map<number, number[]>();
  for (const { child, parent } of foreignKeys) {
    if (!byOid.has(child) || !byOid.has(parent)) continue;
    parentsOf.set(child, [...(parentsOf.get(child) ?? []), parent]);
  }
  const ordered: CatalogRow[] = [];
  const state = new Map<number, 'visiting' | 'done'>();
  const visit = (oid: number) => {
    const seen = state.get(oid);
    if (seen === 'done') return;
    if (seen === 'visiting') throw new Error(`foreign-key cycle through ${byOid.get(oid)?.name}`);
    state.set(oid, 'visiting');
    for (const parent of parentsOf.get(oid) ?? []) visit(parent);
    state.set(oid, 'done');
    ordered.push(byOid.get(oid)!);
  };
  for (const table of tables) visit(table.oid);
  return ordered;
}
