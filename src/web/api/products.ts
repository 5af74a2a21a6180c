import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CustomerPrice,
  CustomerPriceInput,
  CustomerPriceUpdate,
  customerPriceListSchema,
} from '../../server/modules/masters/products/partner-price.schema';
import type {
  Product,
  ProductInput,
  ProductList,
  ProductListQuery,
  ProductUpdate,
} from '../../server/modules/masters/products/product.schema';
import { apiRequest } from './client';

type CustomerPriceList = z.infer<typeof customerPriceListSchema>;

export type ProductListParams = Pick<ProductListQuery, 'active' | 'sort'> & {
  q: string;
  cursor: string | undefined;
};

export const PRODUCT_LIST_PAGE_SIZE = 50;

export const productKeys = {
  all: ['products'] as const,
  lists: ['products', 'list'] as const,
  list: (params: ProductListParams) => ['products', 'list', params] as const,
  detail: (productId: string) => ['products', 'detail', productId] as const,
  customerPrices: (productId: string) => ['products', 'customer-prices', productId] as const,
};

const productPath = (productId: string) => `/products/${encodeURIComponent(productId)}`;

export function productListQueryOptions(params: ProductListParams) {
  return queryOptions({
    queryKey: productKeys.list(params),
    queryFn: ({ signal }) =>
      apiRequest<ProductList>('GET', '/products', {
        signal,
        query: { ...params, limit: PRODUCT_LIST_PAGE_SIZE },
      }),
    placeholderData: keepPreviousData,
  });
}

export function productQueryOptions(productId: string) {
  return queryOptions({
    queryKey: productKeys.detail(productId),
    queryFn: ({ signal }) => apiRequest<Product>('GET', productPath(productId), { signal }),
  });
}

export function createProduct(input: ProductInput): Promise<Product> {
  return apiRequest<Product>('POST', '/products', { body: input });
}

export function updateProduct(productId: string, input: ProductUpdate): Promise<Product> {
  return apiRequest<Product>('PUT', productPath(productId), { body: input });
}

export function deleteProduct(productId: string, version: number): Promise<void> {
  return apiRequest<void>('DELETE', productPath(productId), { query: { version } });
}

export function customerPricesQueryOptions(productId: string) {
  return queryOptions({
    queryKey: productKeys.customerPrices(productId),
    queryFn: ({ signal }) =>
      apiRequest<CustomerPriceList>('GET', `${productPath(productId)}/customer-prices`, {
        signal,
      }),
  });
}

export function createCustomerPrice(
  productId: string,
  input: CustomerPriceInput,
): Promise<CustomerPrice> {
  return apiRequest<CustomerPrice>('POST', `${productPath(productId)}/customer-prices`, {
    body: input,
  });
}

export function updateCustomerPrice(
  productId: string,
  priceId: string,
  input: CustomerPriceUpdate,
): Promise<CustomerPrice> {
  return apiRequest<CustomerPrice>(
    'PUT',
    `${productPath(productId)}/customer-prices/${encodeURIComponent(priceId)}`,
    { body: input },
  );
}

export function deleteCustomerPrice(
  productId: string,
  priceId: string,
  version: number,
): Promise<void> {
  return apiRequest<void>(
    'DELETE',
    `${productPath(productId)}/customer-prices/${encodeURIComponent(priceId)}`,
    { query: { version } },
  );
}
