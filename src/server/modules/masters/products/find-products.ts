import { and, eq, like, or, type SQL, sql } from 'drizzle-orm';
import { normalizeForSearch } from '../../../../domain/text/normalize-search';
import { escapeLike } from '../../../platform/db/like';
import { prefixRangePlaceholders, prefixRangeValues } from '../../../platform/db/prefix-range';
import { rowSelection } from '../../../platform/db/row-select';
import { readCursor, readSortedPage, sortedListStatement } from '../../../platform/db/sorted-list';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { PRODUCT_COUNT_CAP, type ProductList, type ProductListQuery } from './product.schema';
import { products } from './product.table';
import { productOutputColumns, toProduct } from './product-row';

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

const pageStatement = sortedListStatement(
  products,
  {
    tenantId: products.tenantId,
    id: products.productId,
    code: products.code,
    searchKana: products.searchKana,
  },
  listed,
  matching,
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
  const cursor = readCursor(query.cursor);
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
    active: query.active === 'true',
    qName: `%${escapeLike(key)}%`,
    jan: isJan ? query.q : '',
    ...qCode,
    ...qKana,
  };

  const page = await readSortedPage(pageStatement, tx, {
    shape,
    values,
    cursor,
    limit: query.limit,
    countCap: PRODUCT_COUNT_CAP,
  });
  return { items: page.rows.map(toProduct), nextCursor: page.nextCursor, total: page.total };
}
