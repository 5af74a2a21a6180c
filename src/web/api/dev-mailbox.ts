import type { DevMailbox } from '../../server/platform/mail/dev-mailbox.schema';
import { apiRequest } from './client';

export function fetchDevMailbox(tenantCode: string, signal?: AbortSignal): Promise<DevMailbox> {
  return apiRequest<DevMailbox>('GET', '/dev/mailbox', {
    query: { tenantCode },
    signal,
    expectUnauthenticated: true,
  });
}
