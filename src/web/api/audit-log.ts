import { infiniteQueryOptions } from '@tanstack/react-query';
import type {
  AuditFilter,
  AuditList,
  CsvEncoding,
} from '../../server/modules/audit-log/audit-log.schema';
import { apiRequest } from './client';

export const AUDIT_PAGE_SIZE = 50;

export function auditLogQueryOptions(filter: AuditFilter) {
  return infiniteQueryOptions({
    queryKey: ['audit-log', filter] as const,
    queryFn: ({ signal, pageParam }) =>
      apiRequest<AuditList>('GET', '/audit-log', {
        signal,
        query: { ...filter, cursor: pageParam, limit: AUDIT_PAGE_SIZE },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/**
 * A plain link, not fetch: the browser streams the file to disk however large the log is,
 * and the session cookie goes along as with any same-origin GET.
 */
export function auditExportUrl(filter: AuditFilter, encoding: CsvEncoding): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filter, encoding })) {
    if (value) params.set(key, value);
  }
  return `/api/v1/audit-log/export?${params.toString()}`;
}
