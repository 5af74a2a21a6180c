import { and, asc, eq, gt, like, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { partnerCodePattern } from '../../../../domain/partners/partner-fields';
import { normalizeForSearch } from '../../../../domain/text/normalize-search';
import { searchCore } from '../../../../domain/text/search-core';
import { prefixRangePlaceholders, prefixRangeValues } from '../../../platform/db/prefix-range';
import type { RowSelection } from '../../../platform/db/row-select';
import { shapedStatement } from '../../../platform/db/shaped-statement';
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
  qName: boolean;
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
        ? // A query none of the four can match (only a 法人格, say) matches nothing, not all.
          (or(
            shape.qCode ? prefixRangePlaceholders(c.code, 'qCode') : undefined,
            shape.qKana ? prefixRangePlaceholders(c.searchKana, 'qKana') : undefined,
            shape.qName ? like(c.searchName, sql.placeholder('qName')) : undefined,
            shape.qPhone ? like(c.searchPhone, sql.placeholder('qPhone')) : undefined,
          ) ?? sql`false`)
        : undefined,
      classificationMatch(shape, assignments, { tenantId: c.tenantId, partnerId: c.partnerId }),
    );

  /**
   * Page and count in one pass (ADR 0023). The inner select walks a covering index
   * (*_code_cover_idx, *_kana_cover_idx) in the list's order as an index-only scan, checks
   * every condition on the index entry and stops after `scan` hits: the page plus one on later
   * pages, the count cap plus one on the first. A search that matches few rows still reads
   * the whole tenant, but only once and never the table; only the page's rows are read from it.
   */
  const page = shapedStatement<ListShape, Row & { hits: number }>((shape) => {
    const afterCursor = !shape.after
      ? undefined
      : shape.byKana
        ? sql`(${c.searchKana}, ${c.code}) > (${sql.placeholder('afterKana')}, ${sql.placeholder('afterCode')})`
        : gt(c.code, sql.placeholder('afterCode'));
    const order = shape.byKana ? sql`search_kana, code` : sql`code`;
    const hits = sql`select ${c.partnerId} as hit_id, ${c.code} as code, ${c.searchKana} as search_kana from ${table} where ${and(matching(shape), afterCursor)} order by ${order} limit ${sql.placeholder('scan')}`;
    const numbered = sql`select hit_id, count(*) over () as hits, row_number() over (order by ${order}) as n from (${hits}) hit`;
    return sql`select ${selection.columns}, numbered.hits::int as hits from ${table} join (${numbered}) numbered on ${eq(c.tenantId, sql.placeholder('tenantId'))} and ${c.partnerId} = numbered.hit_id where numbered.n <= ${sql.placeholder('limit')} order by numbered.n`;
  }, selection.types);

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
      qName: nameCore !== '',
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
      qName: `%${escapeLike(nameCore)}%`,
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
    const scan = cursor ? query.limit + 1 : Math.max(query.limit, PARTNER_COUNT_CAP) + 1;

    const found = await page.rows(tx, shape, { ...values, scan });
    const hits = found[0]?.hits ?? 0;
    const shown = found.slice(0, query.limit).map(({ hits: _, ...row }) => row as unknown as Row);
    const last = shown.at(-1);
    const nextCursor =
      found.length > query.limit && last ? encodeCursor([last.searchKana, last.code]) : null;
    const total = cursor
      ? null
      : { count: Math.min(hits, PARTNER_COUNT_CAP), isCapped: hits > PARTNER_COUNT_CAP };
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
