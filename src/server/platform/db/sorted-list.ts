import { and, gt, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { AppError } from '../http/problem';
import type { RowSelection } from './row-select';
import { type ShapedStatement, type StatementShape, shapedStatement } from './shaped-statement';
import type { TenantTransaction } from './tenant-transaction';

/**
 * A master list sorted by code or by kana, with keyset paging and a capped count: 得意先,
 * 仕入先 and 商品 share it (ADR 0023). Each table keeps its own conditions; this holds the page
 * statement, the cursor and the count.
 */

/** The columns the sort orders and the cursor use. */
export interface SortedListColumns {
  tenantId: PgColumn;
  id: PgColumn;
  code: PgColumn;
  searchKana: PgColumn;
}

/** The parts of a shape the page statement reads: a cursor, and which order. */
export type SortedListShape = StatementShape & { after: boolean; byKana: boolean };

type Cursor = [kana: string, code: string];

export interface SortedPage<Row> {
  rows: Row[];
  nextCursor: string | null;
  total: { count: number; isCapped: boolean } | null;
}

/**
 * Page and count in one pass. The inner select walks the table's covering index for the
 * order (`<table>_code_cover_idx`, `<table>_kana_cover_idx`) as an index-only scan, checks
 * every condition on the index entry and stops after `scan` hits: the page plus one on later
 * pages, the count cap plus one on the first. A search that matches few rows still reads the
 * whole tenant, but only once and never the table; only the page's rows are read from it.
 */
export function sortedListStatement<Shape extends SortedListShape, Row>(
  table: PgTable,
  c: SortedListColumns,
  selection: RowSelection<Row>,
  matching: (shape: Shape) => SQL | undefined,
): ShapedStatement<Shape, Row & { hits: number }> {
  return shapedStatement<Shape, Row & { hits: number }>((shape) => {
    const afterCursor = !shape.after
      ? undefined
      : shape.byKana
        ? sql`(${c.searchKana}, ${c.code}) > (${sql.placeholder('afterKana')}, ${sql.placeholder('afterCode')})`
        : gt(c.code, sql.placeholder('afterCode'));
    const order = shape.byKana ? sql`search_kana, code` : sql`code`;
    const hits = sql`select ${c.id} as hit_id, ${c.code} as code, ${c.searchKana} as search_kana from ${table} where ${and(matching(shape), afterCursor)} order by ${order} limit ${sql.placeholder('scan')}`;
    const numbered = sql`select hit_id, count(*) over () as hits, row_number() over (order by ${order}) as n from (${hits}) hit`;
    return sql`select ${selection.columns}, numbered.hits::int as hits from ${table} join (${numbered}) numbered on ${c.tenantId} = ${sql.placeholder('tenantId')} and ${c.id} = numbered.hit_id where numbered.n <= ${sql.placeholder('limit')} order by numbered.n`;
  }, selection.types);
}

/** The cursor a request brings, checked; null on the first page. */
export function readCursor(cursor: string | undefined): Cursor | null {
  if (!cursor) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) {
      return value as Cursor;
    }
  } catch {
    // fall through to the validation error below
  }
  throw new AppError('validation_failed', {
    errors: [{ path: 'cursor', message: 'ページ位置の指定が正しくありません' }],
  });
}

/** Runs the page statement and turns its rows into the page, the next cursor and the count. */
export async function readSortedPage<
  Shape extends SortedListShape,
  Row extends { code: string; searchKana: string },
>(
  statement: ShapedStatement<Shape, Row & { hits: number }>,
  tx: TenantTransaction,
  request: {
    shape: Shape;
    values: Record<string, unknown>;
    cursor: Cursor | null;
    limit: number;
    countCap: number;
  },
): Promise<SortedPage<Row>> {
  const { cursor, limit, countCap } = request;
  const scan = cursor ? limit + 1 : Math.max(limit, countCap) + 1;
  const found = await statement.rows(tx, request.shape, {
    ...request.values,
    tenantId: tx.tenantId,
    afterKana: cursor?.[0] ?? '',
    afterCode: cursor?.[1] ?? '',
    limit: limit + 1,
    scan,
  });
  const hits = found[0]?.hits ?? 0;
  const rows = found.slice(0, limit).map(({ hits: _, ...row }) => row as unknown as Row);
  const last = rows.at(-1);
  const nextCursor =
    found.length > limit && last
      ? Buffer.from(JSON.stringify([last.searchKana, last.code])).toString('base64url')
      : null;
  const total = cursor ? null : { count: Math.min(hits, countCap), isCapped: hits > countCap };
  return { rows, nextCursor, total };
}
