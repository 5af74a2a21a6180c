import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  createSignedInTenant,
  createTestApp,
  type TestApp,
  type TestTenant,
} from '../support/app';
import {
  createMasterFixtures,
  createUserFixtures,
  type RouteFixtures,
  sampleFor,
} from '../support/route-samples';

/**
 * A bounded property run over every API route: arbitrary JSON bodies, query strings and path
 * values from a signed-in admin must never produce a 5xx. (The long fuzzing campaign with
 * schema checks and state comparison is a later issue; this guards the basics in every run.)
 */
let t: TestApp;
let tenant: TestTenant;
let fixtures: RouteFixtures;

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createSignedInTenant(t);
  const customer = (
    await api(t, tenant.adminCookie).post('/api/v1/customers', { code: 'F1', name: 'ファズ' })
  ).json();
  fixtures = {
    customerId: customer.customerId,
    customerVersion: 1,
    ...(await createUserFixtures(api(t, tenant.adminCookie).post)),
    ...(await createMasterFixtures(api(t, tenant.adminCookie).post)),
  };
});
afterAll(() => t.close());

const nasty = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '%',
    '_',
    "'; DROP TABLE x;--",
    'ｶﾌﾞｼｷ',
    '𠮷野家',
    '\uFEFF',
    'a'.repeat(5000),
  ),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);

describe('bad input never causes a 5xx', () => {
  it('survives arbitrary JSON bodies on every route that takes one', async () => {
    const routes = t.routes.filter(
      (r) => r.url.startsWith('/api/v1/') && r.method !== 'GET' && !r.url.endsWith('/logout'),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.oneof(
          fc.dictionary(fc.string({ maxLength: 20 }), nasty),
          fc.record({ code: nasty, name: nasty, version: nasty }),
        ),
        async (route, body) => {
          const sample = sampleFor(route, fixtures);
          const response = await api(t, tenant.adminCookie).send(
            route.method as 'POST',
            sample.url,
            body,
          );
          expect(
            response.statusCode,
            `${route.method} ${route.url} ${JSON.stringify(body).slice(0, 200)}`,
          ).toBeLessThan(500);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('survives arbitrary query strings and path values', async () => {
    await fc.assert(
      fc.asyncProperty(
        nasty,
        fc.constantFrom(
          'q',
          'kana',
          'cursor',
          'limit',
          'sort',
          'active',
          'other',
          'from',
          'to',
          'event',
          'actorUserId',
          'targetId',
        ),
        async (value, key) => {
          const encoded = encodeURIComponent(String(value));
          const list = await api(t, tenant.adminCookie).get(`/api/v1/customers?${key}=${encoded}`);
          expect(list.statusCode, `${key}=${encoded}`).toBeLessThan(500);
          const one = await api(t, tenant.adminCookie).get(`/api/v1/customers/${encoded}`);
          expect(one.statusCode, encoded).toBeLessThan(500);
          const log = await api(t, tenant.adminCookie).get(`/api/v1/audit-log?${key}=${encoded}`);
          expect(log.statusCode, `audit-log ${key}=${encoded}`).toBeLessThan(500);
          const group = await api(t, tenant.adminCookie).get(
            `/api/v1/permission-groups/${encoded}`,
          );
          expect(group.statusCode, encoded).toBeLessThan(500);
        },
      ),
      { numRuns: 150 },
    );
  });
});
