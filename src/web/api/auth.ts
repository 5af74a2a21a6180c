import { queryOptions } from '@tanstack/react-query';
import type { LoginRequest, Me } from '../../server/modules/identity/identity.schema';
import type {
  PasswordResetComplete,
  PasswordResetRequest,
  PasswordResetTarget,
} from '../../server/modules/identity/password-reset.schema';
import { apiRequest } from './client';

export function login(input: LoginRequest): Promise<void> {
  return apiRequest<void>('POST', '/auth/login', { body: input, expectUnauthenticated: true });
}

export function logout(): Promise<void> {
  return apiRequest<void>('POST', '/auth/logout', { expectUnauthenticated: true });
}

export function fetchMe(signal?: AbortSignal): Promise<Me> {
  return apiRequest<Me>('GET', '/auth/me', { signal, expectUnauthenticated: true });
}

/** Who is signed in; a 401 here means "not signed in", which the router handles itself. */
export const meQueryOptions = queryOptions({
  queryKey: ['auth', 'me'],
  queryFn: ({ signal }) => fetchMe(signal),
  staleTime: 5 * 60_000,
  retry: false,
});

export function requestPasswordReset(input: PasswordResetRequest): Promise<void> {
  return apiRequest<void>('POST', '/auth/password-reset', {
    body: input,
    expectUnauthenticated: true,
  });
}

export function checkPasswordReset(token: string): Promise<PasswordResetTarget> {
  return apiRequest<PasswordResetTarget>('POST', '/auth/password-reset/check', {
    body: { token },
    expectUnauthenticated: true,
  });
}

export function completePasswordReset(input: PasswordResetComplete): Promise<void> {
  return apiRequest<void>('POST', '/auth/password-reset/complete', {
    body: input,
    expectUnauthenticated: true,
  });
}
