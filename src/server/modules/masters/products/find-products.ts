import { and, asc, eq, gt, like, or, type SQL, sql } from 'drizzle-orm';
import { normalizeForSearch } from '../../../../domain/text/normalize-search';
import { prefixRangePlaceholders, prefixRangeValues } from '../../../platform/db/prefix-range';
import { rowSelection } from '../../../platform/db/row-select';
import { shapedSelect, shapedStatement } from '../../../platform/db/shaped-statement';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { AppError } from '../../../platform/http/problem';
import { PRODUCT_COUNT_CAP, type ProductList, type ProductListQuery } from './product.schema';
import { products } from './product.table';
import { productOutputColumns, toProduct } from './product-row';

/** Escapes LIKE wildcards so user input only ever matches literally. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

const listed = rowSelection(products, [...productOutputColumns, 'searchKana'], {
  timestamps: 'iso',
});

/** Which parts of the query a request uses; each combination is compiled to SQL only once. */
type ListShape = {
  active: boolean;
  q: boolean;
  qCode: boolean;
  qKana: boolean;
  jan: boolean;
  after: boolean;
  byKana: boolean;
};

function matching(shape: ListShape): SQL | undefined {
  return and(
    eq(products.tenantId, sql.placeholder('tenantId')),
    shape.active ? eq(products.isActive, sql.placeholder('active')) : undefined,
    shape.q
      ? or(
          shape.qCode ? prefixRangePlaceholders(products.code, 'qCode') : undefined,
          shape.qKana ? prefixRangePlaceholders(products.searchKana, 'qKana') : undefined,
          like(products.searchName, sql.placeholder('qName')),
          shape.jan ? eq(products.janCode, sql.placeholder('jan')) : undefined,
        )
      : undefined,
  );
}

const pageStatement = shapedSelect(listed, (shape: ListShape) => {
  const afterCursor = !shape.after
    ? undefined
    : shape.byKana
      ? sql`(${products.searchKana}, ${products.code}) > (${sql.placeholder('afterKana')}, ${sql.placeholder('afterCode')})`
      : gt(products.code, sql.placeholder('afterCode'));
  const order = shape.byKana
    ? [asc(products.searchKana), asc(products.code)]
    : [asc(products.code)];
  return sql`from ${products} where ${and(matching(shape), afterCursor)} order by ${sql.join(order, sql`, `)} limit ${sql.placeholder('limit')}`;
});

const countStatement = shapedStatement<ListShape, { count: number }>(
  (shape) =>
    sql`select count(*)::int as count from (select 1 from ${products} where ${matching(shape)} limit ${PRODUCT_COUNT_CAP + 1}) limited`,
);

/**
 * 商品一覧: one search box for code (prefix), kana (prefix), name (partial, width and kana
 * folded) and a scanned JAN code (exact); keyset paging as the customer list.
 */
export async function findProducts(
  tx: TenantTransaction,
  query: ProductListQuery,
): Promise<ProductList> {
  const key = query.q ? normalizeForSearch(query.q) : '';
  const qCode = query.q ? prefixRangeValues('qCode', query.q) : null;
  const qKana = query.q ? prefixRangeValues('qKana', key) : null;
  const isJan = query.q !== undefined && /^(\d{8}|\d{13})$/.test(query.q);
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  const shape: ListShape = {
    active: query.active !== 'all',
    q: Boolean(query.q),
    qCode: qCode !== null,
    qKana: qKana !== null,
    jan: isJan,
    after: cursor !== null,
    byKana: query.sort === 'kana',
  };
  const values = {
    tenantId: tx.tenantId,
    active: query.active === 'true',
    qName: `%${escapeLike(key)}%`,
    jan: isJan ? query.q : '',
    afterKana: cursor?.[0] ?? '',
    afterCode: cursor?.[1] ?? '',
    limit: query.limit + 1,
    ...qCode,
    ...qKana,
  };

  const rows = await pageStatement.rows(tx, shape, values);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > query.limit && last ? encodeCursor([last.searchKana, last.code]) : null;

  let total: ProductList['total'] = null;
  if (!cursor) {
    const counted =
      rows.length <= query.limit
        ? rows.length
        : ((await countStatement.rows(tx, shape, values))[0]?.count ?? 0);
    total = { count: counted, isCapped: counted > PRODUCT_COUNT_CAP };
    if (total.isCapped) total.count = PRODUCT_COUNT_CAP;
  }
  return { items: page.map(toProduct), nextCursor, total };
}

function encodeCursor(key: [string, string]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) {
      return value as [string, string];
    }
  } catch {
    // fall through to the validation error below
  }
  throw new AppError('validation_failed', {
    errors: [{ path: 'cursor', message: 'ページ位置の指定が正しくありません' }],
  });
}
