import type { SignupRequest, SignupResult } from '../../server/modules/organization/signup.schema';
import { apiRequest } from './client';

export function signup(input: SignupRequest): Promise<SignupResult> {
  return apiRequest<SignupResult>('POST', '/signup', { body: input, expectUnauthenticated: true });
}
