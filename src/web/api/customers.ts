import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type {
  CustomerDetail,
  CustomerInput,
  CustomerList,
  CustomerListQuery,
  CustomerUpdate,
} from '../../server/modules/partners/customers/customer.schema';
import { apiRequest } from './client';

export type CustomerListParams = Pick<CustomerListQuery, 'active' | 'sort'> & {
  q: string;
  cursor: string | undefined;
  /** 分類 item ids, comma-separated; empty for none. */
  classifications?: string | undefined;
};

export const CUSTOMER_LIST_PAGE_SIZE = 50;

export const customerKeys = {
  all: ['customers'] as const,
  list: (params: CustomerListParams) => ['customers', 'list', params] as const,
  detail: (customerId: string) => ['customers', 'detail', customerId] as const,
};

export function customerListQueryOptions(params: CustomerListParams) {
  return queryOptions({
    queryKey: customerKeys.list(params),
    queryFn: ({ signal }) =>
      apiRequest<CustomerList>('GET', '/customers', {
        signal,
        query: { ...params, limit: CUSTOMER_LIST_PAGE_SIZE },
      }),
    placeholderData: keepPreviousData,
  });
}

export function customerQueryOptions(customerId: string) {
  return queryOptions({
    queryKey: customerKeys.detail(customerId),
    queryFn: ({ signal }) =>
      apiRequest<CustomerDetail>('GET', `/customers/${encodeURIComponent(customerId)}`, { signal }),
  });
}

export function createCustomer(input: CustomerInput): Promise<CustomerDetail> {
  return apiRequest<CustomerDetail>('POST', '/customers', { body: input });
}

export function updateCustomer(customerId: string, input: CustomerUpdate): Promise<CustomerDetail> {
  return apiRequest<CustomerDetail>('PUT', `/customers/${encodeURIComponent(customerId)}`, {
    body: input,
  });
}
