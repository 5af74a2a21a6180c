import { and, asc, eq, gt, like, or, type SQL, sql } from 'drizzle-orm';
import { normalizeForSearch } from '../../../../domain/text/normalize-search';
import { prefixRangePlaceholders, prefixRangeValues } from '../../../platform/db/prefix-range';
import { rowSelection } from '../../../platform/db/row-select';
import { shapedSelect, shapedStatement } from '../../../platform/db/shaped-statement';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { AppError } from '../../../platform/http/problem';
import { customerClassifications } from '../classifications/classification.table';
import {
  type ClassificationFilterShape,
  classificationFilterShape,
  classificationFilterValues,
  classificationMatch,
} from '../classifications/classification-filter';
import {
  CUSTOMER_COUNT_CAP,
  type CustomerList,
  type CustomerListQuery,
  type CustomerSearch,
} from './customer.schema';
import { customers } from './customer.table';
import { customerOutputColumns, toCustomer } from './customer-row';

/** Escapes LIKE wildcards so user input only ever matches literally. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** The API's columns plus the sort key the cursor needs; built once for every request. */
const listed = rowSelection(customers, [...customerOutputColumns, 'searchKana'], {
  timestamps: 'iso',
});

/** Which parts of the query a request uses; each combination is compiled to SQL only once. */
type ListShape = {
  active: boolean;
  kana: boolean;
  q: boolean;
  qCode: boolean;
  qKana: boolean;
  after: boolean;
  byKana: boolean;
} & ClassificationFilterShape;

function matching(shape: ListShape): SQL | undefined {
  return and(
    eq(customers.tenantId, sql.placeholder('tenantId')),
    shape.active ? eq(customers.isActive, sql.placeholder('active')) : undefined,
    shape.kana ? prefixRangePlaceholders(customers.searchKana, 'kana') : undefined,
    shape.q
      ? or(
          shape.qCode ? prefixRangePlaceholders(customers.code, 'qCode') : undefined,
          shape.qKana ? prefixRangePlaceholders(customers.searchKana, 'qKana') : undefined,
          like(customers.searchName, sql.placeholder('qName')),
        )
      : undefined,
    classificationMatch(shape, customerClassifications, {
      tenantId: customers.tenantId,
      partnerId: customers.customerId,
    }),
  );
}

const pageStatement = shapedSelect(listed, (shape: ListShape) => {
  const afterCursor = !shape.after
    ? undefined
    : shape.byKana
      ? sql`(${customers.searchKana}, ${customers.code}) > (${sql.placeholder('afterKana')}, ${sql.placeholder('afterCode')})`
      : gt(customers.code, sql.placeholder('afterCode'));
  const order = shape.byKana
    ? [asc(customers.searchKana), asc(customers.code)]
    : [asc(customers.code)];
  return sql`from ${customers} where ${and(matching(shape), afterCursor)} order by ${sql.join(order, sql`, `)} limit ${sql.placeholder('limit')}`;
});

const countStatement = shapedStatement<ListShape, { count: number }>(
  (shape) =>
    sql`select count(*)::int as count from (select 1 from ${customers} where ${matching(shape)} limit ${CUSTOMER_COUNT_CAP + 1}) limited`,
);

/**
 * Keyset paging: the cursor carries the last row's sort key, so page N costs the same as
 * page 1 even at 100,000 customers.
 */
export async function findCustomers(
  tx: TenantTransaction,
  query: CustomerListQuery,
): Promise<CustomerList> {
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  const { shape, values } = listStatementInput(tx, query, cursor);

  const rows = await pageStatement.rows(tx, shape, values);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > query.limit && last ? encodeCursor([last.searchKana, last.code]) : null;

  let total: CustomerList['total'] = null;
  if (!cursor) {
    const counted =
      rows.length <= query.limit
        ? rows.length
        : ((await countStatement.rows(tx, shape, values))[0]?.count ?? 0);
    total = { count: counted, isCapped: counted > CUSTOMER_COUNT_CAP };
    if (total.isCapped) total.count = CUSTOMER_COUNT_CAP;
  }
  return { items: page.map(toCustomer), nextCursor, total };
}

/** The shape and values of a list request; also used to select every matching customer. */
function listStatementInput(
  tx: TenantTransaction,
  query: CustomerSearch & Partial<Pick<CustomerListQuery, 'sort' | 'limit'>>,
  cursor: [string, string] | null,
) {
  const kana = query.kana ? prefixRangeValues('kana', normalizeForSearch(query.kana)) : null;
  const key = query.q ? normalizeForSearch(query.q) : '';
  const qCode = query.q ? prefixRangeValues('qCode', query.q) : null;
  const qKana = query.q ? prefixRangeValues('qKana', key) : null;
  const shape: ListShape = {
    active: query.active !== 'all',
    kana: kana !== null,
    q: Boolean(query.q),
    qCode: qCode !== null,
    qKana: qKana !== null,
    after: cursor !== null,
    byKana: query.sort === 'kana',
    ...classificationFilterShape(query.classifications),
  };
  const values = {
    tenantId: tx.tenantId,
    active: query.active === 'true',
    qName: `%${escapeLike(key)}%`,
    afterKana: cursor?.[0] ?? '',
    afterCode: cursor?.[1] ?? '',
    limit: (query.limit ?? 0) + 1,
    ...kana,
    ...qCode,
    ...qKana,
    ...classificationFilterValues(query.classifications),
  };
  return { shape, values };
}

const idStatement = shapedStatement<ListShape, { customerId: string }>(
  (shape) =>
    sql`select ${customers.customerId} as "customerId" from ${customers} where ${matching(shape)} order by ${asc(customers.code)} limit ${sql.placeholder('limit')}`,
);

/** Ids of the customers a search matches, at most `limit` (bulk edits of 検索結果すべて). */
export async function findCustomerIds(
  tx: TenantTransaction,
  search: CustomerSearch,
  limit: number,
): Promise<string[]> {
  const { shape, values } = listStatementInput(tx, { ...search, limit: limit - 1 }, null);
  const rows = await idStatement.rows(tx, shape, values);
  return rows.map((row) => row.customerId);
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
