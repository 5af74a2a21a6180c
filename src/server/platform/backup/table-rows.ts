import type pg from 'pg';

/**
 * Rows as PostgreSQL's own JSON text (row_to_json), one line per row, never parsed in
 * JavaScript: numerics, bigints and timestamps keep every digit, and jsonb_populate_recordset
 * turns the same text back into typed rows. Ordered by primary key, with the session fixed to
 * UTC, so the same data always serialises to the same bytes.
 */
export interface TableRows {
  name: string;
  columns: string[];
  rows: string[];
}

/** Session settings that make row_to_json's output independent of the server's defaults. */
export const DETERMINISTIC_SESSION = [
  "SET LOCAL TimeZone = 'UTC'",
  "SET LOCAL IntervalStyle = 'iso_8601'",
  'SET LOCAL extra_float_digits = 1',
];

export async function readTableRows(
  client: pg.PoolClient,
  table: { qualifiedName: string; name: string; columns: readonly string[] },
  tenantId: string | null,
): Promise<TableRows> {
  const order = await primaryKeyColumns(client, table.qualifiedName);
  const orderBy = (order.length > 0 ? order : table.columns).map(quoteIdent).join(', ');
  // The tenant filter repeats what row-level security already enforces: belt and braces.
  const where = tenantId === null ? '' : 'WHERE t.tenant_id = $1';
  const { rows } = await client.query<{ r: string }>(
    `SELECT row_to_json(t)::text AS r FROM ${table.qualifiedName} t ${where} ORDER BY ${orderBy}`,
    tenantId === null ? [] : [tenantId],
  );
  return { name: table.name, columns: [...table.columns], rows: rows.map((row) => row.r) };
}

/**
 * Inserts all of a table's rows in ONE statement: a non-deferrable foreign key is checked at
 * the end of the statement, so rows of a self-referencing table may come in any order.
 * Generated columns are recomputed by the target; identity values are kept as backed up.
 */
export async function insertTableRows(
  client: pg.PoolClient,
  qualifiedName: string,
  columns: readonly string[],
  rows: readonly string[],
  /** Keep rows already present (same key) instead of failing: merging append-only history. */
  keepExisting = false,
): Promise<void> {
  const { rows: special } = await client.query<{
    name: string;
    generated: boolean;
    identity: boolean;
  }>(
    `SELECT attname::text AS name, attgenerated <> '' AS generated, attidentity = 'a' AS identity
       FROM pg_catalog.pg_attribute
      WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped
        AND (attgenerated <> '' OR attidentity = 'a')`,
    [qualifiedName],
  );
  const generated = new Set(special.filter((c) => c.generated).map((c) => c.name));
  const list = columns
    .filter((column) => !generated.has(column))
    .map(quoteIdent)
    .join(', ');
  const overriding = special.some((c) => c.identity) ? 'OVERRIDING SYSTEM VALUE' : '';
  await client.query(
    `INSERT INTO ${qualifiedName} (${list}) ${overriding}
     SELECT ${list} FROM jsonb_populate_recordset(NULL::${qualifiedName}, $1::jsonb)
     ${keepExisting ? 'ON CONFLICT DO NOTHING' : ''}`,
    [`[${rows.join(',')}]`],
  );
}

async function primaryKeyColumns(client: pg.PoolClient, qualifiedName: string): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT a.attname::text AS name
       FROM pg_catalog.pg_index i
       JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey::int2[])
      WHERE i.indrelid = $1::regclass AND i.indisprimary
      ORDER BY array_position(i.indkey::int2[], a.attnum)`,
    [qualifiedName],
  );
  return rows.map((row) => row.name);
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
