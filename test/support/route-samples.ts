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
  'GET /api/v1/auth/mfa': () => ({ url: '/api/v1/auth/mfa' }),
  'POST /api/v1/auth/mfa/enrolment': () => ({ url: '/api/v1/auth/mfa/enrolment' }),
  'POST /api/v1/auth/mfa/enrolment/confirm': () => ({
    url: '/api/v1/auth/mfa/enrolment/confirm',
    body: { code: '000000' },
  }),
  'POST /api/v1/auth/mfa/verify': () => ({
    url: '/api/v1/auth/mfa/verify',
    body: { code: '000000' },
  }),
  'POST /api/v1/auth/mfa/disable': () => ({
    url: '/api/v1/auth/mfa/disable',
    body: { password: 'not the password', code: '000000' },
  }),
  'GET /api/v1/settings/mfa': () => ({ url: '/api/v1/settings/mfa' }),
  'PUT /api/v1/settings/mfa': () => ({ url: '/api/v1/settings/mfa', body: { required: 'off' } }),
  'GET /api/v1/auth/sessions': () => ({ url: '/api/v1/auth/sessions' }),
  // Another user's or an unknown session: never the caller's own, which would sign it out.
  'DELETE /api/v1/auth/sessions/:sessionId': () => ({
    url: '/api/v1/auth/sessions/01900000-0000-7000-8000-000000000000',
  }),
  'POST /api/v1/auth/sessions/revoke-others': () => ({
    url: '/api/v1/auth/sessions/revoke-others',
  }),
  'POST /api/v1/users/:userId/sessions/revoke': (f) => ({
    url: `/api/v1/users/${f.userId}/sessions/revoke`,
  }),
  'POST /api/v1/users/:userId/unlock': (f) => ({ url: `/api/v1/users/${f.userId}/unlock` }),
  'POST /api/v1/users/:userId/mfa/reset': (f) => ({ url: `/api/v1/users/${f.userId}/mfa/reset` }),
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
};

export function sampleFor(route: RegisteredRoute, fixtures: RouteFixtures): SampleRequest {
  const sample = samples[`${route.method} ${route.url}`];
  if (!sample)
    throw new Error(`No sample request for ${route.method} ${route.url} in route-samples.ts`);
  return sample(fixtures);
}

/** Two inactive users made through the API, for the samples that name a user. */
export async function createUserFixtures(
  post: (url: string, body: unknown) => Promise<{ statusCode: number; json(): unknown }>,
): Promise<Pick<RouteFixtures, 'userId' | 'userVersion' | 'deletableUserId'>> {
  const made: { userId: string; version: number }[] = [];
  for (const loginId of ['fixture-edit', 'fixture-delete']) {
    const response = await post('/api/v1/users', { loginId, name: loginId, isActive: false });
    if (response.statusCode !== 201) throw new Error(`fixture user: ${response.statusCode}`);
    made.push((response.json() as { user: { userId: string; version: number } }).user);
  }
  const [edit, remove] = made as [(typeof made)[0], (typeof made)[0]];
  return { userId: edit.userId, userVersion: edit.version, deletableUserId: remove.userId };
}

/** Routes whose url names a resource of a tenant (path parameters). */
export function hasPathParameters(route: RegisteredRoute): boolean {
  return route.url.includes(':');
}
