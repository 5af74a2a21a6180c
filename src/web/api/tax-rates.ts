import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  TaxRate,
  TaxRateCreate,
  TaxRateUpdate,
  taxRateListSchema,
} from '../../server/modules/masters/tax-rates/tax-rate.schema';
import { apiRequest } from './client';

type TaxRateList = z.infer<typeof taxRateListSchema>;

export const taxRateKeys = { list: ['tax-rates'] as const };

const taxRatePath = (code: string) => `/tax-rates/${encodeURIComponent(code)}`;

export const taxRateListQueryOptions = queryOptions({
  queryKey: taxRateKeys.list,
  queryFn: ({ signal }) => apiRequest<TaxRateList>('GET', '/tax-rates', { signal }),
});

export function createTaxRate(input: TaxRateCreate): Promise<TaxRate> {
  return apiRequest<TaxRate>('POST', '/tax-rates', { body: input });
}

export function updateTaxRate(code: string, input: TaxRateUpdate): Promise<TaxRate> {
  return apiRequest<TaxRate>('PUT', taxRatePath(code), { body: input });
}

export function deleteTaxRate(code: string, version: number): Promise<void> {
  return apiRequest<void>('DELETE', taxRatePath(code), { query: { version } });
}
