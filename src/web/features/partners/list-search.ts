import type { PartnerListQuery } from '../../../server/modules/partners/shared/partner.schema';
import { parseClassificationFilter } from '../classifications/classification-filter-search';

/** A partner list's filters live in the URL (bookmarkable, survive reload); defaults stay out. */
export interface PartnerListSearch {
  q?: string;
  active?: Exclude<PartnerListQuery['active'], 'true'>;
  sort?: Exclude<PartnerListQuery['sort'], 'code'>;
  staff?: string;
  department?: string;
  /** 分類 item ids, comma-separated (see classification-filter-search.ts). */
  classifications?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parsePartnerListSearch(search: Record<string, unknown>): PartnerListSearch {
  const result: PartnerListSearch = {};
  if (typeof search.q === 'string' && search.q.trim() !== '') result.q = search.q.slice(0, 100);
  if (search.active === 'false' || search.active === 'all') result.active = search.active;
  if (search.sort === 'kana') result.sort = 'kana';
  if (typeof search.staff === 'string' && UUID.test(search.staff)) result.staff = search.staff;
  if (typeof search.department === 'string' && UUID.test(search.department)) {
    result.department = search.department;
  }
  const classifications = parseClassificationFilter(search.classifications);
  if (classifications) result.classifications = classifications;
  return result;
}

/**
 * Where the user was in a list (filters and the cursors of the pages before this one), so
 * 戻る and 保存 from the form return to the same page instead of page 1.
 */
export interface ListPosition {
  search: PartnerListSearch;
  cursors: (string | undefined)[];
}

export interface ListPositionStore {
  remember(position: ListPosition): void;
  last(): ListPosition;
}

/** One store per list screen (得意先, 仕入先), kept for the life of the page. */
export function createListPositionStore(): ListPositionStore {
  let lastPosition: ListPosition = { search: {}, cursors: [undefined] };
  return {
    remember: (position) => {
      lastPosition = position;
    },
    last: () => lastPosition,
  };
}

export function searchKey(search: PartnerListSearch): string {
  return JSON.stringify([
    search.q ?? '',
    search.active ?? 'true',
    search.sort ?? 'code',
    search.staff ?? '',
    search.department ?? '',
    search.classifications ?? '',
  ]);
}

/** The list's filters as the export route takes them (sort and paging do not matter there). */
export function partnerExportFilters(
  search: PartnerListSearch,
): Record<string, string | undefined> {
  return {
    q: search.q,
    active: search.active,
    staff: search.staff,
    department: search.department,
    classifications: search.classifications,
  };
}
