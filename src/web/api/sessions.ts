import { queryOptions } from '@tanstack/react-query';
import type { OwnSessionList } from '../../server/modules/identity/session.schema';
import { apiRequest } from './client';

export const ownSessionsQueryOptions = queryOptions({
  queryKey: ['auth', 'sessions'] as const,
  queryFn: ({ signal }) => apiRequest<OwnSessionList>('GET', '/auth/sessions', { signal }),
});

export function revokeOwnSession(sessionId: string): Promise<void> {
  return apiRequest<void>('DELETE', `/auth/sessions/${encodeURIComponent(sessionId)}`);
}

export function revokeOtherSessions(): Promise<{ ended: number }> {
  return apiRequest('POST', '/auth/sessions/revoke-others');
}
