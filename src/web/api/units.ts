import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Unit,
  UnitInput,
  UnitUpdate,
  unitListSchema,
} from '../../server/modules/masters/units/unit.schema';
import { apiRequest } from './client';

export const unitKeys = { list: ['units'] as const };

const unitPath = (unitId: string) => `/units/${encodeURIComponent(unitId)}`;

export const unitListQueryOptions = queryOptions({
  queryKey: unitKeys.list,
  queryFn: ({ signal }) => apiRequest<z.infer<typeof unitListSchema>>('GET', '/units', { signal }),
});

export const createUnit = (input: UnitInput) => apiRequest<Unit>('POST', '/units', { body: input });

export const updateUnit = (unitId: string, input: UnitUpdate) =>
  apiRequest<Unit>('PUT', unitPath(unitId), { body: input });

export const deleteUnit = (unitId: string, version: number) =>
  apiRequest<void>('DELETE', unitPath(unitId), { query: { version } });
