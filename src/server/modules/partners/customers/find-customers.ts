import { and, asc, eq, gt, like, or, type SQL, sql } from 'drizzle-orm';
import { normalizeForSearch } from '../../../../domain/text/normalize-search';
import { prefixRangePlaceholders, prefixRangeValues } from '../../../platform/db/prefix-range';
import { rowSelection } from '../../../platform/db/row-select';
import { shapedSelect, shapedStatement } from '../../../platform/db/shaped-statement';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { AppError } from '../../../platform/http/problem';
import { CUSTOMER_COUNT_CAP, type CustomerList, type CustomerListQuery } from './customer.schema';
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
};

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
  const kana = query.kana ? prefixRangeValues('kana', normalizeForSearch(query.kana)) : null;
  const key = query.q ? normalizeForSearch(query.q) : '';
  const qCode = query.q ? prefixRangeValues('qCode', query.q) : null;
  const qKana = query.q ? prefixRangeValues('qKana', key) : null;
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  const shape: ListShape = {
    active: query.active !== 'all',
    kana: kana !== null,
    q: Boolean(query.q),
    qCode: qCode !== null,
    qKana: qKana !== null,
    after: cursor !== null,
    byKana: query.sort === 'kana',
  };
  const values = {
    tenantId: tx.tenantId,
    active: query.active === 'true',
    qName: `%${escapeLike(key)}%`,
    afterKana: cursor?.[0] ?? '',
    afterCode: cursor?.[1] ?? '',
    limit: query.limit + 1,
    ...kana,
    ...qCode,
    ...qKana,
  };

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
