import { queryOptions } from '@tanstack/react-query';
import type {
  SignupForm,
  SignupRequest,
  SignupResult,
} from '../../server/modules/organization/signup.schema';
import { apiRequest } from './client';

export const signupFormQueryOptions = queryOptions({
  queryKey: ['signup-form'],
  queryFn: ({ signal }) =>
    apiRequest<SignupForm>('GET', '/signup', { signal, expectUnauthenticated: true }),
  staleTime: Number.POSITIVE_INFINITY,
});

export function signup(input: SignupRequest): Promise<SignupResult> {
  return apiRequest<SignupResult>('POST', '/signup', { body: input, expectUnauthenticated: true });
}
