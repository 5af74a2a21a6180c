import { queryOptions } from '@tanstack/react-query';
import type {
  MfaCode,
  MfaDisable,
  MfaEnrolment,
  MfaEnrolmentStart,
  MfaSettings,
  MfaStatus,
} from '../../server/modules/identity/mfa.schema';
import { apiRequest } from './client';

export const mfaKeys = {
  status: ['auth', 'mfa'] as const,
  settings: ['settings', 'mfa'] as const,
};

export const mfaStatusQueryOptions = queryOptions({
  queryKey: mfaKeys.status,
  queryFn: ({ signal }) => apiRequest<MfaStatus>('GET', '/auth/mfa', { signal }),
});

export function startMfaEnrolment(input: MfaEnrolmentStart): Promise<MfaEnrolment> {
  return apiRequest<MfaEnrolment>('POST', '/auth/mfa/enrolment', { body: input });
}

export function confirmMfaEnrolment(input: MfaCode): Promise<{ recoveryCodes: string[] }> {
  return apiRequest('POST', '/auth/mfa/enrolment/confirm', { body: input });
}

/** Sign-in step 2; a 401 means the pending sign-in ran out, which the page handles itself. */
export function verifyMfa(input: MfaCode): Promise<void> {
  return apiRequest<void>('POST', '/auth/mfa/verify', { body: input, expectUnauthenticated: true });
}

export function disableMfa(input: MfaDisable): Promise<void> {
  return apiRequest<void>('POST', '/auth/mfa/disable', { body: input });
}

export const mfaSettingsQueryOptions = queryOptions({
  queryKey: mfaKeys.settings,
  queryFn: ({ signal }) => apiRequest<MfaSettings>('GET', '/settings/mfa', { signal }),
});

export function saveMfaSettings(input: MfaSettings): Promise<MfaSettings> {
  return apiRequest<MfaSettings>('PUT', '/settings/mfa', { body: input });
}
