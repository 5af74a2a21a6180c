import { is, Param, Placeholder, type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import type { RowSelection } from './row-select';
import type { TenantTransaction } from './tenant-transaction';

/**
 * Which optional parts a statement has (filter present, sort order, cursor): flags only, so the
 * number of compiled texts is bounded by the code (2^flags), never by the input.
 */
export type StatementShape = Readonly<Record<string, boolean>>;

/** Per-request values, by placeholder name (`sql.placeholder('kanaFrom')`). */
export type StatementValues = Readonly<Record<string, unknown>>;

export interface ShapedStatement<Shape extends StatementShape, Row> {
  /** Runs the statement compiled for `shape` with `values` bound; rows as pg returns them. */
  rows(tx: TenantTransaction, shape: Shape, values: StatementValues): Promise<Row[]>;
  /** The text and parameters it would send (tests, the benchmark's statement capture). */
  query(shape: Shape, values: StatementValues): { text: string; values: unknown[] };
}

interface Compiled {
  text: string;
  bind: ((values: StatementValues) => unknown)[];
}

const dialect = new PgDialect();

/**
 * A list query compiled by drizzle once per shape instead of on every request: building the
 * conditions and turning them into SQL text was ~7 % of the customer list's CPU (ADR 0006).
 * `build` writes the statement with drizzle's typed operators as usual, except that values
 * that vary per request are `sql.placeholder(name)`s; they travel as bind parameters, so the
 * text never contains user input and is safe to cache. Declare it at module level: `build`
 * sees only the shape, so a request's values (its tenant id above all) cannot end up frozen
 * into the cached statement; a plain value in it is bound for every later request too.
 */
export function shapedStatement<Shape extends StatementShape, Row>(
  build: (shape: Shape) => SQL,
  types?: pg.CustomTypesConfig,
): ShapedStatement<Shape, Row> {
  const compiled = new Map<string, Compiled>();
  const compiledFor = (shape: Shape): Compiled => {
    const key = shapeKey(shape);
    let statement = compiled.get(key);
    if (!statement) {
      statement = compile(build(shape));
      compiled.set(key, statement);
    }
    return statement;
  };
  const query = (shape: Shape, values: StatementValues) => {
    const statement = compiledFor(shape);
    return { text: statement.text, values: statement.bind.map((bind) => bind(values)) };
  };
  return {
    query,
    async rows(tx, shape, values) {
      const result = await tx.client.query({ ...query(shape, values), types });
      return result.rows as Row[];
    },
  };
}

/** `SELECT <selection> <rest>` as a shaped statement (see `selectRows` for the unshaped one). */
export function shapedSelect<Shape extends StatementShape, Row>(
  selection: RowSelection<Row>,
  rest: (shape: Shape) => SQL,
): ShapedStatement<Shape, Row> {
  return shapedStatement<Shape, Row>(
    (shape) => sql`select ${selection.columns} ${rest(shape)}`,
    selection.types,
  );
}

function shapeKey(shape: StatementShape): string {
  let key = '';
  for (const name of Object.keys(shape).sort()) if (shape[name]) key += `${name},`;
  return key;
}

function compile(statement: SQL): Compiled {
  const { sql: text, params } = dialect.sqlToQuery(statement);
  // Resolved once per shape, so a request only looks its values up.
  const bind = params.map((param): Compiled['bind'][number] => {
    if (is(param, Placeholder)) return placeholderValue(param.name, (value) => value);
    if (is(param, Param) && is(param.value, Placeholder)) {
      const { encoder } = param;
      return placeholderValue(param.value.name, (value) => encoder.mapToDriverValue(value));
    }
    return () => param;
  });
  return { text, bind };
}

function placeholderValue(name: string, encode: (value: unknown) => unknown) {
  return (values: StatementValues) => {
    // A missing value would silently bind NULL and change the query's meaning.
    if (values[name] === undefined) throw new Error(`No value for placeholder "${name}"`);
    return encode(values[name]);
  };
}
