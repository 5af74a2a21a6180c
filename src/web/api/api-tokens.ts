import { queryOptions } from '@tanstack/react-query';
import type {
  ApiTokenCreate,
  ApiTokenList,
  CreatedApiToken,
} from '../../server/modules/api-tokens/api-token.schema';
import { apiRequest } from './client';

export const apiTokenKeys = {
  all: ['api-tokens'] as const,
  own: ['api-tokens', 'own'] as const,
  tenant: ['api-tokens', 'tenant'] as const,
};

export const ownApiTokensQueryOptions = queryOptions({
  queryKey: apiTokenKeys.own,
  queryFn: ({ signal }) => apiRequest<ApiTokenList>('GET', '/api-tokens', { signal }),
});

export const tenantApiTokensQueryOptions = queryOptions({
  queryKey: apiTokenKeys.tenant,
  queryFn: ({ signal }) => apiRequest<ApiTokenList>('GET', '/admin/api-tokens', { signal }),
});

export function createApiToken(input: ApiTokenCreate): Promise<CreatedApiToken> {
  return apiRequest<CreatedApiToken>('POST', '/api-tokens', { body: input });
}

/** Own tokens through the user's route; anyone's through the admin route. */
export function revokeApiToken(tokenId: string, asAdmin: boolean): Promise<void> {
  const base = asAdmin ? '/admin/api-tokens' : '/api-tokens';
  return apiRequest<void>('DELETE', `${base}/${encodeURIComponent(tokenId)}`);
}
