import { and, asc, eq, like, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { partnerCodePattern } from '../../../../domain/partners/partner-fields';
import { normalizeForSearch } from '../../../../domain/text/normalize-search';
import { searchCore } from '../../../../domain/text/search-core';
import { escapeLike } from '../../../platform/db/like';
import { prefixRangePlaceholders, prefixRangeValues } from '../../../platform/db/prefix-range';
import type { RowSelection } from '../../../platform/db/row-select';
import { shapedStatement } from '../../../platform/db/shaped-statement';
import {
  readCursor,
  readSortedPage,
  type SortedPage,
  sortedListStatement,
} from '../../../platform/db/sorted-list';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import type { PartnerClassificationTable } from '../classifications/classification.table';
import {
  type ClassificationFilterShape,
  classificationFilterShape,
  classificationFilterValues,
  classificationMatch,
} from '../classifications/classification-filter';
import { PARTNER_COUNT_CAP, type PartnerListQuery, type PartnerSearch } from './partner.schema';

/** The columns a partner table (得意先, 仕入先) has for its list. */
export interface PartnerListColumns {
  tenantId: PgColumn;
  code: PgColumn;
  searchKana: PgColumn;
  searchName: PgColumn;
  searchPhone: PgColumn;
  isActive: PgColumn;
  staffUserId: PgColumn;
  departmentId: PgColumn;
  /** The partner's own id, which its 分類 assignments point at. */
  partnerId: PgColumn;
}

/** Which parts of the query a request uses; each combination is compiled to SQL only once. */
type ListShape = {
  active: boolean;
  kana: boolean;
  q: boolean;
  qCode: boolean;
  qKana: boolean;
  qPhone: boolean;
  staff: boolean;
  department: boolean;
  after: boolean;
  byKana: boolean;
} & ClassificationFilterShape;

/** A query that looks like a phone number also matches the phone's digits anywhere. */
const PHONE_LIKE = /^[0-9０-９\-－() +]+$/;

/**
 * The list of one partner table: search (code prefix, kana prefix, name and phone partial,
 * width and kana folded by normalizeForSearch, 法人格 left out of the name by searchCore),
 * filters, two sort orders and keyset paging. The page with its capped count is one shaped
 * statement declared once per table (ADR 0006, ADR 0023); the cursor carries the last row's
 * sort key, so page N costs the same as page 1. `ids` selects every partner a search matches
 * (検索結果すべて of bulk edits).
 */
export function partnerList<Row extends { code: string; searchKana: string }>(
  table: PgTable,
  c: PartnerListColumns,
  selection: RowSelection<Row>,
  assignments: PartnerClassificationTable,
) {
  const matching = (shape: ListShape): SQL | undefined =>
    and(
      eq(c.tenantId, sql.placeholder('tenantId')),
      shape.active ? eq(c.isActive, sql.placeholder('active')) : undefined,
      shape.staff ? eq(c.staffUserId, sql.placeholder('staff')) : undefined,
      shape.department ? eq(c.departmentId, sql.placeholder('department')) : undefined,
      shape.kana ? prefixRangePlaceholders(c.searchKana, 'kana') : undefined,
      shape.q
        ? or(
            shape.qCode ? prefixRangePlaceholders(c.code, 'qCode') : undefined,
            shape.qKana ? prefixRangePlaceholders(c.searchKana, 'qKana') : undefined,
            like(c.searchName, sql.placeholder('qName')),
            shape.qPhone ? like(c.searchPhone, sql.placeholder('qPhone')) : undefined,
          )
        : undefined,
      classificationMatch(shape, assignments, { tenantId: c.tenantId, partnerId: c.partnerId }),
    );

  const page = sortedListStatement(
    table,
    { tenantId: c.tenantId, id: c.partnerId, code: c.code, searchKana: c.searchKana },
    selection,
    matching,
  );

  const idStatement = shapedStatement<ListShape, { partnerId: string }>(
    (shape) =>
      sql`select ${c.partnerId} as "partnerId" from ${table} where ${matching(shape)} order by ${asc(c.code)} limit ${sql.placeholder('limit')}`,
  );

  function statementInput(
    tx: TenantTransaction,
    query: PartnerSearch & Pick<PartnerListQuery, 'sort' | 'limit'>,
    after: boolean,
  ) {
    const kana = query.kana ? prefixRangeValues('kana', normalizeForSearch(query.kana)) : null;
    const key = query.q ? normalizeForSearch(query.q) : '';
    // Codes are ASCII (partnerCodePattern): any other query skips a condition that every row
    // of a search reading the whole tenant would otherwise evaluate.
    const qCode =
      query.q && partnerCodePattern.test(query.q) ? prefixRangeValues('qCode', query.q) : null;
    const qKana = query.q ? prefixRangeValues('qKana', key) : null;
    const nameCore = searchCore(key);
    const phoneDigits = query.q && PHONE_LIKE.test(query.q) ? key.replace(/\D/g, '') : '';
    const shape: ListShape = {
      active: query.active !== 'all',
      kana: kana !== null,
      q: Boolean(query.q),
      qCode: qCode !== null,
      qKana: qKana !== null,
      qPhone: phoneDigits.length > 0,
      staff: query.staff !== undefined,
      department: query.department !== undefined,
      after,
      byKana: query.sort === 'kana',
      ...classificationFilterShape(query.classifications),
    };
    const values = {
      tenantId: tx.tenantId,
      active: query.active === 'true',
      qName: `%${escapeLike(nameCore)}%`,
      qPhone: `%${phoneDigits}%`,
      staff: query.staff ?? '',
      department: query.department ?? '',
      limit: query.limit + 1,
      ...kana,
      ...qCode,
      ...qKana,
      ...classificationFilterValues(query.classifications),
    };
    return { shape, values };
  }

  async function find(tx: TenantTransaction, query: PartnerListQuery): Promise<SortedPage<Row>> {
    const cursor = readCursor(query.cursor);
    const { shape, values } = statementInput(tx, query, cursor !== null);
    return readSortedPage(page, tx, {
      shape,
      values,
      cursor,
      limit: query.limit,
      countCap: PARTNER_COUNT_CAP,
    });
  }

  /** Ids of the partners a search matches, at most `limit`. */
  async function ids(tx: TenantTransaction, search: PartnerSearch, limit: number) {
    const { shape, values } = statementInput(
      tx,
      { ...search, sort: 'code', limit: limit - 1 },
      false,
    );
    const rows = await idStatement.rows(tx, shape, values);
    return rows.map((row) => row.partnerId);
  }

  return { find, ids };
}
