import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { PartnerListQuery } from '../../server/modules/partners/shared/partner.schema';
import type { PartnerOptions } from '../../server/modules/partners/shared/partner-options';
import type {
  CodeNumbering,
  CodeNumberingUpdate,
} from '../../server/modules/settings/code-numbering/code-numbering.schema';
import { apiRequest } from './client';

/** What a partner list screen asks for: its filters plus the page cursor. */
export type PartnerListParams = Pick<PartnerListQuery, 'active' | 'sort'> & {
  q: string;
  staff: string | undefined;
  department: string | undefined;
  /** 分類 item ids, comma-separated; undefined for none. */
  classifications?: string | undefined;
  cursor: string | undefined;
};

export const PARTNER_LIST_PAGE_SIZE = 50;

/** List, detail and write calls of one partner master ('customers' or 'suppliers'). */
export function partnerApi<Item, List, Input, Update>(resource: 'customers' | 'suppliers') {
  const path = `/${resource}`;
  const one = (id: string) => `${path}/${encodeURIComponent(id)}`;
  const keys = {
    all: [resource] as const,
    list: (params: PartnerListParams) => [resource, 'list', params] as const,
    detail: (id: string) => [resource, 'detail', id] as const,
  };
  return {
    keys,
    listQueryOptions: (params: PartnerListParams) =>
      queryOptions({
        queryKey: keys.list(params),
        queryFn: ({ signal }) =>
          apiRequest<List>('GET', path, {
            signal,
            query: { ...params, limit: PARTNER_LIST_PAGE_SIZE },
          }),
        placeholderData: keepPreviousData,
      }),
    queryOptions: (id: string) =>
      queryOptions({
        queryKey: keys.detail(id),
        queryFn: ({ signal }) => apiRequest<Item>('GET', one(id), { signal }),
      }),
    create: (input: Input) => apiRequest<Item>('POST', path, { body: input }),
    update: (id: string, input: Update) => apiRequest<Item>('PUT', one(id), { body: input }),
    remove: (id: string, version: number) =>
      apiRequest<void>('DELETE', one(id), { query: { version } }),
  };
}

export const partnerOptionsQueryOptions = queryOptions({
  queryKey: ['partner-options'],
  queryFn: ({ signal }) => apiRequest<PartnerOptions>('GET', '/partner-options', { signal }),
  staleTime: 60_000,
});

export const codeNumberingQueryOptions = queryOptions({
  queryKey: ['settings', 'code-numbering'],
  queryFn: ({ signal }) => apiRequest<CodeNumbering>('GET', '/settings/code-numbering', { signal }),
});

export function saveCodeNumbering(input: CodeNumberingUpdate): Promise<CodeNumbering> {
  return apiRequest<CodeNumbering>('PUT', '/settings/code-numbering', { body: input });
}
