import { getTableColumns, type SQL, sql, type Table } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import { isoTimestampTypes } from './iso-timestamp';
import type { TenantTransaction } from './tenant-transaction';

/**
 * Hot read paths (long lists) skip drizzle's result mapping, which checks and converts every
 * value of every row. The column list is built once, aliased to the property names, so pg's
 * own row objects already have the `$inferSelect` shape; conditions and ordering are still
 * written with drizzle's typed operators. See ADR 0006.
 */
export interface RowSelection<Row> {
  /** `"customer_id" AS "customerId", …` as raw SQL. */
  readonly columns: SQL;
  /** pg type parsers for statements that read this selection (pg's defaults when absent). */
  readonly types?: pg.CustomTypesConfig;
  /** Phantom: the row type the selection yields. */
  readonly row?: Row;
}

/**
 * pg's default parsing yields what drizzle would for these types (int8 is parsed to a number
 * in pool.ts). Any other type may differ (numeric, json, date, timestamps in string mode), so
 * it is refused until someone checks it and adds it here.
 */
const SAME_AS_DRIZZLE = new Set([
  'uuid',
  'text',
  'text COLLATE "C"',
  'boolean',
  'integer',
  'smallint',
  'bigint',
  'timestamp with time zone',
  'integer[]',
]);
/** numeric(p, s) arrives as text from pg and from drizzle alike. */
const NUMERIC = /^numeric(\(\d+, ?\d+\))?$/;
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/i;

/** A row whose timestamps are read as ISO 8601 strings (`timestamps: 'iso'`). */
export type IsoTimestamps<Row> = {
  [K in keyof Row]: Row[K] extends Date
    ? string
    : Row[K] extends Date | null
      ? string | null
      : Row[K];
};

export function rowSelection<T extends Table, K extends keyof T['$inferSelect'] & string>(
  table: T,
  keys: readonly K[],
): RowSelection<Pick<T['$inferSelect'], K>>;
/**
 * With `timestamps: 'iso'` timestamptz columns arrive as the strings the API sends
 * (`isoTimestamp`), skipping a Date per value that the response would only turn back into
 * text.
 */
export function rowSelection<T extends Table, K extends keyof T['$inferSelect'] & string>(
  table: T,
  keys: readonly K[],
  options: { timestamps: 'iso' },
): RowSelection<IsoTimestamps<Pick<T['$inferSelect'], K>>>;
export function rowSelection<T extends Table, K extends keyof T['$inferSelect'] & string>(
  table: T,
  keys: readonly K[],
  options?: { timestamps: 'iso' },
): RowSelection<Pick<T['$inferSelect'], K>> {
  const columns = getTableColumns(table) as Record<
    string,
    ReturnType<typeof getTableColumns>[string]
  >;
  const parts = keys.map((key) => {
    const column = columns[key];
    if (!column) throw new Error(`No column ${key}`);
    const type = column.getSQLType();
    const dateMode = column.columnType !== 'PgTimestampString';
    if (!(SAME_AS_DRIZZLE.has(type) || NUMERIC.test(type)) || !dateMode) {
      throw new Error(`Column ${key} (${type}) is not supported by rowSelection`);
    }
    if (!IDENTIFIER.test(column.name) || !IDENTIFIER.test(key)) {
      throw new Error(`Column ${key} needs quoting rowSelection does not do`);
    }
    return `"${column.name}" AS "${key}"`;
  });
  return {
    columns: sql.raw(parts.join(', ')),
    ...(options?.timestamps === 'iso' ? { types: isoTimestampTypes } : {}),
  };
}

const dialect = new PgDialect();

/** `SELECT <selection> <rest>` in the tenant transaction, rows as pg returns them. */
export async function selectRows<Row>(
  tx: TenantTransaction,
  selection: RowSelection<Row>,
  rest: SQL,
): Promise<Row[]> {
  const { sql: text, params } = dialect.sqlToQuery(sql`select ${selection.columns} ${rest}`);
  const result = await tx.client.query({ text, values: params, types: selection.types });
  return result.rows as Row[];
}

/** Any drizzle `sql` statement through the transaction's client, without result mapping. */
export async function queryRows<Row>(tx: TenantTransaction, statement: SQL): Promise<Row[]> {
  const { sql: text, params } = dialect.sqlToQuery(statement);
  const result = await tx.client.query({ text, values: params });
  return result.rows as Row[];
}
