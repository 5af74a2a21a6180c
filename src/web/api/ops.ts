import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type {
  AnnouncementInput,
  OpsAnnouncement,
} from '../../server/modules/announcements/announcement.schema';
import type { MfaEnrolment } from '../../server/modules/identity/mfa.schema';
import type { MailLog, MailLogQuery } from '../../server/modules/operators/mail-log.schema';
import type {
  BreakGlassRequest,
  ConvertTenantRequest,
  CreateTenantRequest,
  OperatorAuditList,
  OperatorAuditQuery,
  OperatorLoginRequest,
  OperatorMe,
  OperatorSummary,
  TenantDetail,
  TenantListQuery,
  TenantSummary,
} from '../../server/modules/operators/operator.schema';
import { apiRequest, type RequestOptions } from './client';

/**
 * The operator console's calls (/api/ops/v1). A 401 here never sends anyone to the tenant
 * login page: the console's own routes send operators to /ops/login.
 */
function ops<T>(
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  options: RequestOptions = {},
) {
  return apiRequest<T>(method, path, {
    ...options,
    base: '/api/ops/v1',
    expectUnauthenticated: true,
  });
}

export const opsLogin = (input: OperatorLoginRequest) =>
  ops<{ sessionStage: 'mfa' | 'mfa_enrol' }>('POST', '/auth/login', { body: input });
export const opsLogout = () => ops<void>('POST', '/auth/logout');
export const fetchOperatorMe = (signal?: AbortSignal) =>
  ops<OperatorMe>('GET', '/auth/me', { signal });
export const changeOpsPassword = (input: { currentPassword: string; newPassword: string }) =>
  ops<void>('POST', '/auth/password', { body: input });
export const startOpsEnrolment = () => ops<MfaEnrolment>('POST', '/auth/mfa/enrolment');
export const confirmOpsEnrolment = (code: string) =>
  ops<{ recoveryCodes: string[] }>('POST', '/auth/mfa/enrolment/confirm', { body: { code } });
export const regenerateOpsRecoveryCodes = (code: string) =>
  ops<{ recoveryCodes: string[] }>('POST', '/auth/mfa/recovery-codes', { body: { code } });
export const verifyOpsMfa = (code: string) =>
  ops<void>('POST', '/auth/mfa/verify', { body: { code } });

export const operatorMeQueryOptions = queryOptions({
  queryKey: ['ops', 'me'],
  queryFn: ({ signal }) => fetchOperatorMe(signal),
  staleTime: 60_000,
  retry: false,
});

export const opsTenantListQueryOptions = (query: TenantListQuery) =>
  queryOptions({
    queryKey: ['ops', 'tenants', query],
    queryFn: ({ signal }) =>
      ops<{ items: TenantSummary[] }>('GET', '/tenants', {
        signal,
        query: { q: query.q, status: query.status },
      }),
  });

export const opsTenantQueryOptions = (tenantId: string) =>
  queryOptions({
    queryKey: ['ops', 'tenant', tenantId],
    queryFn: ({ signal }) => ops<TenantDetail>('GET', `/tenants/${tenantId}`, { signal }),
  });

export const createOpsTenant = (input: CreateTenantRequest) =>
  ops<{ tenantId: string; adminLoginId: string; initialPassword: string }>('POST', '/tenants', {
    body: input,
  });
export const convertOpsTenant = (tenantId: string, input: ConvertTenantRequest) =>
  ops<TenantDetail>('POST', `/tenants/${tenantId}/convert`, { body: input });
export const changeOpsSeatLimit = (tenantId: string, seatLimit: number) =>
  ops<TenantDetail>('PUT', `/tenants/${tenantId}/seat-limit`, { body: { seatLimit } });
export const endOpsContract = (tenantId: string, confirmCode: string) =>
  ops<TenantDetail>('POST', `/tenants/${tenantId}/end-contract`, { body: { confirmCode } });
export const requestBreakGlass = (tenantId: string, input: BreakGlassRequest) =>
  ops<{ grantId: string; expiresAt: string }>('POST', `/tenants/${tenantId}/break-glass`, {
    body: input,
  });

/** 「さらに表示」: each page asks for the entries older than the last one shown. */
export const opsAuditQueryOptions = (filter: Omit<OperatorAuditQuery, 'before'>) =>
  infiniteQueryOptions({
    queryKey: ['ops', 'audit', filter] as const,
    queryFn: ({ signal, pageParam }) =>
      ops<OperatorAuditList>('GET', '/audit-log', {
        signal,
        query: { ...filter, before: pageParam },
      }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });

export const opsOperatorsQueryOptions = queryOptions({
  queryKey: ['ops', 'operators'],
  queryFn: ({ signal }) => ops<{ items: OperatorSummary[] }>('GET', '/operators', { signal }),
});

export const opsAnnouncementsQueryOptions = queryOptions({
  queryKey: ['ops', 'announcements'],
  queryFn: ({ signal }) => ops<{ items: OpsAnnouncement[] }>('GET', '/announcements', { signal }),
});
export const createOpsAnnouncement = (input: AnnouncementInput) =>
  ops<OpsAnnouncement>('POST', '/announcements', { body: input });
export const updateOpsAnnouncement = (id: string, input: AnnouncementInput) =>
  ops<OpsAnnouncement>('PUT', `/announcements/${id}`, { body: input });
export const publishOpsAnnouncement = (id: string, publishedAt?: string) =>
  ops<OpsAnnouncement>('POST', `/announcements/${id}/publish`, {
    body: publishedAt ? { publishedAt } : {},
  });
export const unpublishOpsAnnouncement = (id: string) =>
  ops<OpsAnnouncement>('POST', `/announcements/${id}/unpublish`);
export const deleteOpsAnnouncement = (id: string) => ops<void>('DELETE', `/announcements/${id}`);

export const opsMailLogQueryOptions = (query: MailLogQuery) =>
  queryOptions({
    queryKey: ['ops', 'mail-log', query],
    queryFn: ({ signal }) =>
      ops<MailLog>('GET', '/mail-log', {
        signal,
        query: {
          status: query.status,
          tenantCode: query.tenantCode || undefined,
          page: query.page,
        },
      }),
  });
