import type { RegisteredRoute } from '../../src/server/platform/access/route-access';

/**
 * A valid request for every API route, so the generated authorization and isolation suites
 * can call each one. A route missing here fails those suites by name: add its sample.
 */
export interface RouteFixtures {
  customerId: string;
  customerVersion: number;
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

/** Routes whose url names a resource of a tenant (path parameters). */
export function hasPathParameters(route: RegisteredRoute): boolean {
  return route.url.includes(':');
}
