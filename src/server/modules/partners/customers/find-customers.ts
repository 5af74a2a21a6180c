import { and, asc, eq, gt, like, or, type SQL, sql } from 'drizzle-orm';
import { normalizeForSearch } from '../../../../domain/text/normalize-search';
import { prefixRange } from '../../../platform/db/prefix-range';
import { queryRows, rowSelection, selectRows } from '../../../platform/db/row-select';
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
const listed = rowSelection(customers, [...customerOutputColumns, 'searchKana']);

/**
 * Keyset paging: the cursor carries the last row's sort key, so page N costs the same as
 * page 1 even at 100,000 customers.
 */
export async function findCustomers(
  tx: TenantTransaction,
  query: CustomerListQuery,
): Promise<CustomerList> {
  const filters: (SQL | undefined)[] = [eq(customers.tenantId, tx.tenantId)];
  if (query.active !== 'all') filters.push(eq(customers.isActive, query.active === 'true'));
  if (query.kana) filters.push(prefixRange(customers.searchKana, normalizeForSearch(query.kana)));
  if (query.q) {
    const key = normalizeForSearch(query.q);
    filters.push(
      or(
        prefixRange(customers.code, query.q),
        prefixRange(customers.searchKana, key),
        like(customers.searchName, `%${escapeLike(key)}%`),
      ),
    );
  }
  const matching = and(...filters);

  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  const afterCursor = cursor
    ? query.sort === 'kana'
      ? sql`(${customers.searchKana}, ${customers.code}) > (${cursor[0]}, ${cursor[1]})`
      : gt(customers.code, cursor[1])
    : undefined;
  const order =
    query.sort === 'kana'
      ? [asc(customers.searchKana), asc(customers.code)]
      : [asc(customers.code)];

  const rows = await selectRows(
    tx,
    listed,
    sql`from ${customers} where ${and(matching, afterCursor)} order by ${sql.join(order, sql`, `)} limit ${query.limit + 1}`,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > query.limit && last ? encodeCursor([last.searchKana, last.code]) : null;

  let total: CustomerList['total'] = null;
  if (!cursor) {
    const counted = rows.length <= query.limit ? rows.length : await countCapped(tx, matching);
    total = { count: counted, isCapped: counted > CUSTOMER_COUNT_CAP };
    if (total.isCapped) total.count = CUSTOMER_COUNT_CAP;
  }
  return { items: page.map(toCustomer), nextCursor, total };
}

async function countCapped(tx: TenantTransaction, matching: SQL | undefined): Promise<number> {
  const [result] = await queryRows<{ count: number }>(
    tx,
    sql`select count(*)::int as count from (select 1 from ${customers} where ${matching} limit ${CUSTOMER_COUNT_CAP + 1}) limited`,
  );
  return result?.count ?? 0;
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
