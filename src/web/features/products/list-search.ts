import type { ProductListQuery } from '../../../server/modules/masters/products/product.schema';

/** The list's filters live in the URL (bookmarkable, survive reload); defaults stay out of it. */
export interface ProductListSearch {
  q?: string;
  active?: Exclude<ProductListQuery['active'], 'true'>;
  sort?: Exclude<ProductListQuery['sort'], 'code'>;
}

export function parseProductListSearch(search: Record<string, unknown>): ProductListSearch {
  const result: ProductListSearch = {};
  if (typeof search.q === 'string' && search.q.trim() !== '') result.q = search.q.slice(0, 100);
  if (search.active === 'false' || search.active === 'all') result.active = search.active;
  if (search.sort === 'kana') result.sort = 'kana';
  return result;
}

/** Where the user was in the list, so 戻る and 保存 from the form return to the same page. */
export interface ListPosition {
  search: ProductListSearch;
  cursors: (string | undefined)[];
}

let lastPosition: ListPosition = { search: {}, cursors: [undefined] };

export function rememberListPosition(position: ListPosition): void {
  lastPosition = position;
}

export function lastListPosition(): ListPosition {
  return lastPosition;
}

export function searchKey(search: ProductListSearch): string {
  return JSON.stringify([search.q ?? '', search.active ?? 'true', search.sort ?? 'code']);
}
