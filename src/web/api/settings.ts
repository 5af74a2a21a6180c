import { queryOptions } from '@tanstack/react-query';
import type {
  SystemSettings,
  SystemSettingsUpdate,
} from '../../server/modules/settings/system-settings.schema';
import { apiRequest } from './client';

export const systemSettingsQueryOptions = queryOptions({
  queryKey: ['settings', 'system'] as const,
  queryFn: ({ signal }) => apiRequest<SystemSettings>('GET', '/settings/system', { signal }),
});

export function updateSystemSettings(input: SystemSettingsUpdate): Promise<SystemSettings> {
  return apiRequest<SystemSettings>('PUT', '/settings/system', { body: input });
}
