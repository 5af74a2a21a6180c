import type { CustomerListQuery } from '../../../server/modules/partners/customers/customer.schema';
import { parseClassificationFilter } from '../classifications/classification-filter-search';

/** The list's filters live in the URL (bookmarkable, survive reload); defaults stay out of it. */
export interface CustomerListSearch {
  q?: string;
  active?: Exclude<CustomerListQuery['active'], 'true'>;
  sort?: Exclude<CustomerListQuery['sort'], 'code'>;
  /** 分類 item ids, comma-separated (see classification-filter-search.ts). */
  classifications?: string;
}

export function parseCustomerListSearch(search: Record<string, unknown>): CustomerListSearch {
  const result: CustomerListSearch = {};
  if (typeof search.q === 'string' && search.q.trim() !== '') result.q = search.q.slice(0, 100);
  if (search.active === 'false' || search.active === 'all') result.active = search.active;
  if (search.sort === 'kana') result.sort = 'kana';
  const classifications = parseClassificationFilter(search.classifications);
  if (classifications) result.classifications = classifications;
  return result;
}

/**
 * Where the user was in the list (filters and the cursors of the pages before this one), so
 * 戻る and 保存 from the form return to the same page instead of page 1.
 */
export interface ListPosition {
  search: CustomerListSearch;
  cursors: (string | undefined)[];
}

let lastPosition: ListPosition = { search: {}, cursors: [undefined] };

export function rememberListPosition(position: ListPosition): void {
  lastPosition = position;
}

export function lastListPosition(): ListPosition {
  return lastPosition;
}

export function searchKey(search: CustomerListSearch): string {
  return JSON.stringify([
    search.q ?? '',
    search.active ?? 'true',
    search.sort ?? 'code',
    search.classifications ?? '',
  ]);
}
