import { and, asc, eq, gt, like, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { normalizeForSearch } from '../../../../domain/text/normalize-search';
import { prefixRangePlaceholders, prefixRangeValues } from '../../../platform/db/prefix-range';
import type { RowSelection } from '../../../platform/db/row-select';
import { shapedSelect, shapedStatement } from '../../../platform/db/shaped-statement';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { AppError } from '../../../platform/http/problem';
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

export interface PartnerPage<Row> {
  rows: Row[];
  nextCursor: string | null;
  total: { count: number; isCapped: boolean } | null;
}

/** Escapes LIKE wildcards so user input only ever matches literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** A query that looks like a phone number also matches the phone's digits anywhere. */
const PHONE_LIKE = /^[0-9０-９\-－() +]+$/;

/**
 * The list of one partner table: search (code prefix, kana prefix, name and phone partial,
 * width and kana folded by normalizeForSearch), filters, two sort orders and keyset paging.
 * Page and capped count are shaped statements declared once per table (ADR 0006); the cursor
 * carries the last row's sort key, so page N costs the same as page 1. `ids` selects every
 * partner a search matches (検索結果すべて of bulk edits).
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

  const page = shapedSelect(selection, (shape: ListShape) => {
    const afterCursor = !shape.after
      ? undefined
      : shape.byKana
        ? sql`(${c.searchKana}, ${c.code}) > (${sql.placeholder('afterKana')}, ${sql.placeholder('afterCode')})`
        : gt(c.code, sql.placeholder('afterCode'));
    const order = shape.byKana ? [asc(c.searchKana), asc(c.code)] : [asc(c.code)];
    return sql`from ${table} where ${and(matching(shape), afterCursor)} order by ${sql.join(order, sql`, `)} limit ${sql.placeholder('limit')}`;
  });

  const count = shapedStatement<ListShape, { count: number }>(
    (shape) =>
      sql`select count(*)::int as count from (select 1 from ${table} where ${matching(shape)} limit ${PARTNER_COUNT_CAP + 1}) limited`,
  );

  const idStatement = shapedStatement<ListShape, { partnerId: string }>(
    (shape) =>
      sql`select ${c.partnerId} as "partnerId" from ${table} where ${matching(shape)} order by ${asc(c.code)} limit ${sql.placeholder('limit')}`,
  );

  function statementInput(
    tx: TenantTransaction,
    query: PartnerSearch & Pick<PartnerListQuery, 'sort' | 'limit'>,
    cursor: [string, string] | null,
  ) {
    const kana = query.kana ? prefixRangeValues('kana', normalizeForSearch(query.kana)) : null;
    const key = query.q ? normalizeForSearch(query.q) : '';
    const qCode = query.q ? prefixRangeValues('qCode', query.q) : null;
    const qKana = query.q ? prefixRangeValues('qKana', key) : null;
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
      after: cursor !== null,
      byKana: query.sort === 'kana',
      ...classificationFilterShape(query.classifications),
    };
    const values = {
      tenantId: tx.tenantId,
      active: query.active === 'true',
      qName: `%${escapeLike(key)}%`,
      qPhone: `%${phoneDigits}%`,
      staff: query.staff ?? '',
      department: query.department ?? '',
      afterKana: cursor?.[0] ?? '',
      afterCode: cursor?.[1] ?? '',
      limit: query.limit + 1,
      ...kana,
      ...qCode,
      ...qKana,
      ...classificationFilterValues(query.classifications),
    };
    return { shape, values };
  }

  async function find(tx: TenantTransaction, query: PartnerListQuery): Promise<PartnerPage<Row>> {
    const cursor = query.cursor ? decodeCursor(query.cursor) : null;
    const { shape, values } = statementInput(tx, query, cursor);

    const rows = await page.rows(tx, shape, values);
    const shown = rows.slice(0, query.limit);
    const last = shown.at(-1);
    const nextCursor =
      rows.length > query.limit && last ? encodeCursor([last.searchKana, last.code]) : null;

    let total: PartnerPage<Row>['total'] = null;
    if (!cursor) {
      const counted =
        rows.length <= query.limit
          ? rows.length
          : ((await count.rows(tx, shape, values))[0]?.count ?? 0);
      total = { count: counted, isCapped: counted > PARTNER_COUNT_CAP };
      if (total.isCapped) total.count = PARTNER_COUNT_CAP;
    }
    return { rows: shown, nextCursor, total };
  }

  /** Ids of the partners a search matches, at most `limit`. */
  async function ids(tx: TenantTransaction, search: PartnerSearch, limit: number) {
    const { shape, values } = statementInput(
      tx,
      { ...search, sort: 'code', limit: limit - 1 },
      null,
    );
    const rows = await idStatement.rows(tx, shape, values);
    return rows.map((row) => row.partnerId);
  }

  return { find, ids };
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
