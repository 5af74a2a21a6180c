import type { RegisteredRoute } from '../../src/server/platform/access/route-access';

/**
 * A valid request for every API route, so the generated authorization and isolation suites
 * can call each one. A route missing here fails those suites by name: add its sample.
 */
export interface RouteFixtures {
  customerId: string;
  customerVersion: number;
  /** A user the samples may edit and reissue a password for. */
  userId: string;
  userVersion: number;
  /** A user the DELETE sample may remove. */
  deletableUserId: string;
  /** A live API token of the tenant's admin, for the revoke samples. */
  apiTokenId: string;
  settingsVersion: number;
}

export interface SampleRequest {
  url: string;
  body?: Record<string, unknown>;
}

type Sample = (fixtures: RouteFixtures) => SampleRequest;

const samples: Record<string, Sample> = {
  'POST /api/v1/auth/login': () => ({
    url: '/api/v1/auth/login',
    body: { tenantCode: 'x', loginId: 'x', password: 'x' },
  }),
  'POST /api/v1/auth/logout': () => ({ url: '/api/v1/auth/logout' }),
  'GET /api/v1/auth/me': () => ({ url: '/api/v1/auth/me' }),
  'POST /api/v1/auth/password': () => ({
    url: '/api/v1/auth/password',
    body: {
      currentPassword: 'not the current password',
      newPassword: 'a new long passphrase 2026',
    },
  }),
  // Users made by samples are inactive, so they never use up the tenant's seats.
  'GET /api/v1/users': () => ({ url: '/api/v1/users' }),
  'POST /api/v1/users': () => ({
    url: '/api/v1/users',
    body: {
      loginId: `sample${Math.floor(Math.random() * 1e9)}`,
      name: 'サンプル',
      isActive: false,
    },
  }),
  'GET /api/v1/users/:userId': (f) => ({ url: `/api/v1/users/${f.userId}` }),
  'PUT /api/v1/users/:userId': (f) => ({
    url: `/api/v1/users/${f.userId}`,
    body: { loginId: 'rewritten', name: '書き換え', isActive: false, version: f.userVersion },
  }),
  'DELETE /api/v1/users/:userId': (f) => ({ url: `/api/v1/users/${f.deletableUserId}` }),
  'POST /api/v1/users/:userId/initial-password': (f) => ({
    url: `/api/v1/users/${f.userId}/initial-password`,
    body: {},
  }),
  'GET /api/v1/permission-groups': () => ({ url: '/api/v1/permission-groups' }),
  'GET /api/v1/customers': () => ({ url: '/api/v1/customers?q=a' }),
  'POST /api/v1/customers': () => ({
    url: '/api/v1/customers',
    body: { code: `S${Math.floor(Math.random() * 1e9)}`, name: 'サンプル' },
  }),
  'GET /api/v1/customers/:customerId': (f) => ({ url: `/api/v1/customers/${f.customerId}` }),
  'PUT /api/v1/customers/:customerId': (f) => ({
    url: `/api/v1/customers/${f.customerId}`,
    body: { code: 'ISO1', name: '書き換え', version: f.customerVersion },
  }),
  'GET /api/v1/settings/system': () => ({ url: '/api/v1/settings/system' }),
  'PUT /api/v1/settings/system': (f) => ({
    url: '/api/v1/settings/system',
    body: {
      adminEmail: 'admin@example.jp',
      idleTimeoutMinutes: 30,
      passwordExpiryDays: 0,
      passwordNoticeDays: 0,
      version: f.settingsVersion,
    },
  }),
  'GET /api/v1/api-tokens': () => ({ url: '/api/v1/api-tokens' }),
  'POST /api/v1/api-tokens': () => ({
    url: '/api/v1/api-tokens',
    body: { name: 'サンプル連携', expiresInDays: 30, scope: ['customers:view'] },
  }),
  'DELETE /api/v1/api-tokens/:tokenId': (f) => ({ url: `/api/v1/api-tokens/${f.apiTokenId}` }),
  'GET /api/v1/admin/api-tokens': () => ({ url: '/api/v1/admin/api-tokens' }),
  'DELETE /api/v1/admin/api-tokens/:tokenId': (f) => ({
    url: `/api/v1/admin/api-tokens/${f.apiTokenId}`,
  }),
};

export function sampleFor(route: RegisteredRoute, fixtures: RouteFixtures): SampleRequest {
  const sample = samples[`${route.method} ${route.url}`];
  if (!sample)
    throw new Error(`No sample request for ${route.method} ${route.url} in route-samples.ts`);
  return sample(fixtures);
}

/**
 * Two inactive users and an API token made through the API (as the admin whose `post` this
 * is), for the samples that name a user or a token; the settings are still at version 1.
 */
export async function createUserFixtures(
  post: (url: string, body: unknown) => Promise<{ statusCode: number; json(): unknown }>,
): Promise<
  Pick<
    RouteFixtures,
    'userId' | 'userVersion' | 'deletableUserId' | 'apiTokenId' | 'settingsVersion'
  >
> {
  const made: { userId: string; version: number }[] = [];
  for (const loginId of ['fixture-edit', 'fixture-delete']) {
    const response = await post('/api/v1/users', { loginId, name: loginId, isActive: false });
    if (response.statusCode !== 201) throw new Error(`fixture user: ${response.statusCode}`);
    made.push((response.json() as { user: { userId: string; version: number } }).user);
  }
  const [edit, remove] = made as [(typeof made)[0], (typeof made)[0]];
  const token = await post('/api/v1/api-tokens', {
    name: 'fixture',
    expiresInDays: 30,
    scope: ['customers:view'],
  });
  if (token.statusCode !== 201) throw new Error(`fixture token: ${token.statusCode}`);
  return {
    userId: edit.userId,
    userVersion: edit.version,
    deletableUserId: remove.userId,
    apiTokenId: (token.json() as { apiToken: { tokenId: string } }).apiToken.tokenId,
    settingsVersion: 1,
  };
}

/** Routes whose url names a resource of a tenant (path parameters). */
export function hasPathParameters(route: RegisteredRoute): boolean {
  return route.url.includes(':');
}
