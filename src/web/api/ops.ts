import { queryOptions } from '@tanstack/react-query';
import type { MfaEnrolment } from '../../server/modules/identity/mfa.schema';
import type {
  BreakGlassRequest,
  ConvertTenantRequest,
  CreateTenantRequest,
  OperatorAuditEntry,
  OperatorLoginRequest,
  OperatorMe,
  TenantDetail,
  TenantListQuery,
  TenantSummary,
} from '../../server/modules/operators/operator.schema';
import { apiRequest, type RequestOptions } from './client';

/**
 * The operator console's calls (/api/ops/v1). A 401 here never sends anyone to the tenant
 * login page: the console's own routes send operators to /ops/login.
 */
function ops<T>(method: 'GET' | 'POST' | 'PUT', path: string, options: RequestOptions = {}) {
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
  ops<void>('POST', '/auth/mfa/enrolment/confirm', { body: { code } });
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

export const opsAuditQueryOptions = queryOptions({
  queryKey: ['ops', 'audit'],
  queryFn: ({ signal }) => ops<{ items: OperatorAuditEntry[] }>('GET', '/audit-log', { signal }),
});
