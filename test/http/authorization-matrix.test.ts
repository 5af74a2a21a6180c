import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, type RouteAccess } from '../../src/domain/access/permissions';
import { withTenantTransaction } from '../../src/server/platform/db/tenant-transaction';
import {
  api,
  createSignedInOperator,
  createSignedInTenant,
  createTestApp,
  createUser,
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
 * Generated from the route registry: every API route × every kind of caller. A new route is
 * covered as soon as it has a sample request; the failure names the exact route and caller.
 */
type Caller =
  | 'anonymous'
  | 'noPermission'
  | 'viewOnly'
  | 'fullRights'
  | 'orgAdmin'
  | 'otherTenantAdmin'
  | 'disabledWithCookie'
  | 'operator';

let t: TestApp;
let tenant: TestTenant;
const cookies = {} as Record<Exclude<Caller, 'anonymous'>, string>;
let fixtures: RouteFixtures;

const VIEW_ONLY = ['customers:view'];
const FULL = ['customers:view', 'customers:create', 'customers:edit', 'customers:delete'];

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createSignedInTenant(t);
  cookies.orgAdmin = tenant.adminCookie;
  cookies.operator = (await createSignedInOperator(t)).cookie;
  cookies.otherTenantAdmin = (await createSignedInTenant(t)).adminCookie;
  cookies.noPermission = (await createUser(t, tenant, { loginId: 'none', permissions: [] })).cookie;
  cookies.viewOnly = (
    await createUser(t, tenant, { loginId: 'viewer', permissions: VIEW_ONLY })
  ).cookie;
  cookies.fullRights = (
    await createUser(t, tenant, { loginId: 'clerk', permissions: FULL })
  ).cookie;
  cookies.disabledWithCookie = (
    await createUser(t, tenant, { loginId: 'gone', permissions: FULL })
  ).cookie;
  await withTenantTransaction(t.db.pool, tenant.tenantId, (tx) =>
    tx.client.query("UPDATE app.users SET is_active = false WHERE login_id = 'gone'"),
  );
  const customer = (
    await api(t, tenant.adminCookie).post('/api/v1/customers', { code: 'M1', name: '行列' })
  ).json();
  fixtures = {
    customerId: customer.customerId,
    customerVersion: customer.version,
    ...(await createUserFixtures(api(t, tenant.adminCookie).post)),
    ...(await createMasterFixtures(api(t, tenant.adminCookie).post)),
    opsTenantId: tenant.tenantId,
  };
});
afterAll(() => t.close());

/**
 * Another tenant's admin holds every permission in its own tenant, so it passes the access
 * check everywhere; a route addressing one of this tenant's rows by id must then answer 404
 * (the row does not exist under the caller's row-level security).
 */
function expectedOutcome(
  access: RouteAccess,
  caller: Caller,
  url: string,
): 'allowed' | 401 | 403 | 404 {
  if (access.kind === 'public') return 'allowed';
  // The planes never share a credential: only an operator's cookie opens /api/ops, and it
  // opens nothing else.
  if (access.kind === 'operator') return caller === 'operator' ? 'allowed' : 401;
  if (caller === 'operator') return 401;
  if (caller === 'anonymous' || caller === 'disabledWithCookie') return 401;
  if (access.kind === 'authenticated') return 'allowed';
  if (caller === 'otherTenantAdmin') return url.includes('/:') ? 404 : 'allowed';
  if (caller === 'orgAdmin') return 'allowed';
  if (access.kind === 'orgAdmin') return 403;
  const grants = {
    noPermission: [],
    viewOnly: VIEW_ONLY,
    fullRights: FULL,
  }[caller];
  if (access.kind !== 'permission') return 403;
  return can({ isOrgAdmin: false, permissions: new Set(grants as never[]) }, access.permission)
    ? 'allowed'
    : 403;
}

const callers: Caller[] = [
  'anonymous',
  'noPermission',
  'viewOnly',
  'fullRights',
  'orgAdmin',
  'otherTenantAdmin',
  'disabledWithCookie',
  'operator',
];

/** The permission table, readable like a spreadsheet; changing a route's access changes it. */
const expectedAccess: Record<string, string> = {
  'POST /api/v1/auth/login': 'public',
  'POST /api/v1/auth/logout': 'authenticated',
  'GET /api/v1/auth/me': 'authenticated',
  'POST /api/v1/auth/password': 'authenticated',
  'POST /api/v1/auth/password-reset': 'public',
  'POST /api/v1/auth/password-reset/check': 'public',
  'POST /api/v1/auth/password-reset/complete': 'public',
  /** Development only (NODE_ENV test here); not registered in production (mail.test.ts). */
  'GET /api/v1/dev/mailbox': 'public',
  'GET /api/v1/auth/mfa': 'authenticated',
  'POST /api/v1/auth/mfa/enrolment': 'authenticated',
  'POST /api/v1/auth/mfa/enrolment/confirm': 'authenticated',
  'POST /api/v1/auth/mfa/verify': 'authenticated',
  'POST /api/v1/auth/mfa/disable': 'authenticated',
  'GET /api/v1/auth/sessions': 'authenticated',
  'DELETE /api/v1/auth/sessions/:sessionId': 'authenticated',
  'POST /api/v1/auth/sessions/revoke-others': 'authenticated',
  'GET /api/v1/settings/mfa': 'orgAdmin',
  'PUT /api/v1/settings/mfa': 'orgAdmin',
  'GET /api/v1/users': 'orgAdmin',
  'POST /api/v1/users': 'orgAdmin',
  'GET /api/v1/users/:userId': 'orgAdmin',
  'PUT /api/v1/users/:userId': 'orgAdmin',
  'DELETE /api/v1/users/:userId': 'orgAdmin',
  'POST /api/v1/users/:userId/initial-password': 'orgAdmin',
  'POST /api/v1/users/:userId/sessions/revoke': 'orgAdmin',
  'POST /api/v1/users/:userId/unlock': 'orgAdmin',
  'POST /api/v1/users/:userId/mfa/reset': 'orgAdmin',
  'GET /api/v1/permission-groups': 'orgAdmin',
  'POST /api/v1/permission-groups': 'orgAdmin',
  'GET /api/v1/permission-groups/:groupId': 'orgAdmin',
  'PUT /api/v1/permission-groups/:groupId': 'orgAdmin',
  'POST /api/v1/permission-groups/:groupId/copy': 'orgAdmin',
  'DELETE /api/v1/permission-groups/:groupId': 'orgAdmin',
  'GET /api/v1/audit-log': 'orgAdmin',
  'GET /api/v1/audit-log/export': 'orgAdmin',
  'GET /api/v1/customers': 'customers:view',
  'POST /api/v1/customers': 'customers:create',
  'GET /api/v1/customers/:customerId': 'customers:view',
  'PUT /api/v1/customers/:customerId': 'customers:edit',
  'DELETE /api/v1/customers/:customerId': 'customers:delete',
  'GET /api/v1/suppliers': 'suppliers:view',
  'POST /api/v1/suppliers': 'suppliers:create',
  'GET /api/v1/suppliers/:supplierId': 'suppliers:view',
  'PUT /api/v1/suppliers/:supplierId': 'suppliers:edit',
  'DELETE /api/v1/suppliers/:supplierId': 'suppliers:delete',
  'GET /api/v1/partner-options': 'authenticated',
  'GET /api/v1/settings/code-numbering': 'authenticated',
  'PUT /api/v1/settings/code-numbering': 'orgAdmin',
  'GET /api/v1/departments': 'departments:view',
  'POST /api/v1/departments': 'departments:create',
  'GET /api/v1/departments/:departmentId': 'departments:view',
  'PUT /api/v1/departments/:departmentId': 'departments:edit',
  'DELETE /api/v1/departments/:departmentId': 'departments:delete',
  'GET /api/v1/projects': 'projects:view',
  'POST /api/v1/projects': 'projects:create',
  'GET /api/v1/projects/:projectId': 'projects:view',
  'PUT /api/v1/projects/:projectId': 'projects:edit',
  'DELETE /api/v1/projects/:projectId': 'projects:delete',
  'GET /api/v1/products': 'products:view',
  'POST /api/v1/products': 'products:create',
  'GET /api/v1/products/:productId': 'products:view',
  'PUT /api/v1/products/:productId': 'products:edit',
  'DELETE /api/v1/products/:productId': 'products:delete',
  'GET /api/v1/products/:productId/customer-prices': 'products:view',
  'POST /api/v1/products/:productId/customer-prices': 'products:edit',
  'PUT /api/v1/products/:productId/customer-prices/:priceId': 'products:edit',
  'DELETE /api/v1/products/:productId/customer-prices/:priceId': 'products:edit',
  'GET /api/v1/products/:productId/unit-price': 'products:view',
  'GET /api/v1/units': 'authenticated',
  'POST /api/v1/units': 'settings:edit',
  'PUT /api/v1/units/:unitId': 'settings:edit',
  'DELETE /api/v1/units/:unitId': 'settings:edit',
  'GET /api/v1/classification-axes': 'authenticated',
  'POST /api/v1/classification-axes': 'orgAdmin',
  'PUT /api/v1/classification-axes/order': 'orgAdmin',
  'PUT /api/v1/classification-axes/:axisId': 'orgAdmin',
  'DELETE /api/v1/classification-axes/:axisId': 'orgAdmin',
  'POST /api/v1/classification-axes/:axisId/items': 'orgAdmin',
  'PUT /api/v1/classification-axes/:axisId/items/order': 'orgAdmin',
  'PUT /api/v1/classification-items/:itemId': 'orgAdmin',
  'DELETE /api/v1/classification-items/:itemId': 'orgAdmin',
  'POST /api/v1/customers/bulk-classification': 'customers:edit',
  'POST /api/v1/suppliers/bulk-classification': 'suppliers:edit',
  'GET /api/v1/tax-rates': 'authenticated',
  'POST /api/v1/tax-rates': 'settings:edit',
  'PUT /api/v1/tax-rates/:code': 'settings:edit',
  'DELETE /api/v1/tax-rates/:code': 'settings:edit',
  'GET /api/v1/settings/system': 'orgAdmin',
  'PUT /api/v1/settings/system': 'orgAdmin',
  'GET /api/v1/company/profile': 'settings:view',
  'PUT /api/v1/company/profile': 'settings:edit',
  'GET /api/v1/company/images/logo': 'settings:view',
  'PUT /api/v1/company/images/logo': 'settings:edit',
  'DELETE /api/v1/company/images/logo': 'settings:edit',
  'GET /api/v1/company/images/seal': 'settings:view',
  'PUT /api/v1/company/images/seal': 'settings:edit',
  'DELETE /api/v1/company/images/seal': 'settings:edit',
  'GET /api/v1/company/bank-accounts': 'settings:view',
  'POST /api/v1/company/bank-accounts': 'settings:edit',
  'PUT /api/v1/company/bank-accounts/:bankAccountId': 'settings:edit',
  'DELETE /api/v1/company/bank-accounts/:bankAccountId': 'settings:edit',
  'GET /api/v1/company/print-settings': 'settings:view',
  'PUT /api/v1/company/print-settings': 'settings:edit',
  /** Every document form reads it (like units and tax rates). */
  'GET /api/v1/company/entry-checks': 'authenticated',
  'PUT /api/v1/company/entry-checks': 'settings:edit',
  'GET /api/v1/api-tokens': 'authenticated',
  'POST /api/v1/api-tokens': 'authenticated',
  'DELETE /api/v1/api-tokens/:tokenId': 'authenticated',
  'GET /api/v1/admin/api-tokens': 'orgAdmin',
  'DELETE /api/v1/admin/api-tokens/:tokenId': 'orgAdmin',
  'GET /api/v1/data-export': 'orgAdmin',
  /** Trial sign-up: anonymous, rate-limited per IP. */
  'GET /api/v1/signup': 'public',
  'POST /api/v1/signup': 'public',
  /** Operator console (ADR 0016): operators only, through their own cookie. */
  'POST /api/ops/v1/auth/login': 'public',
  'POST /api/ops/v1/auth/logout': 'operator',
  'GET /api/ops/v1/auth/me': 'operator',
  'POST /api/ops/v1/auth/password': 'operator',
  'POST /api/ops/v1/auth/mfa/enrolment': 'operator',
  'POST /api/ops/v1/auth/mfa/enrolment/confirm': 'operator',
  'POST /api/ops/v1/auth/mfa/verify': 'operator',
  'POST /api/ops/v1/auth/mfa/recovery-codes': 'operator',
  'GET /api/ops/v1/tenants': 'operator',
  'POST /api/ops/v1/tenants': 'operator',
  'GET /api/ops/v1/tenants/:tenantId': 'operator',
  'POST /api/ops/v1/tenants/:tenantId/convert': 'operator',
  'PUT /api/ops/v1/tenants/:tenantId/seat-limit': 'operator',
  'POST /api/ops/v1/tenants/:tenantId/end-contract': 'operator',
  'POST /api/ops/v1/tenants/:tenantId/break-glass': 'operator',
  'GET /api/ops/v1/audit-log': 'operator',
  'GET /api/ops/v1/operators': 'operator',
  /** 障害 and 問い合わせ (ADR 0020). The status page is public and names no tenant. */
  'GET /api/v1/status': 'public',
  'GET /api/v1/incidents/active': 'orgAdmin',
  'GET /api/v1/inquiries': 'authenticated',
  'POST /api/v1/inquiries': 'authenticated',
  'GET /api/v1/inquiries/:inquiryId': 'authenticated',
  'POST /api/v1/inquiries/:inquiryId/messages': 'authenticated',
  'GET /api/ops/v1/incidents': 'operator',
  'POST /api/ops/v1/incidents': 'operator',
  'GET /api/ops/v1/incidents/:incidentId': 'operator',
  'POST /api/ops/v1/incidents/:incidentId/declare': 'operator',
  'POST /api/ops/v1/incidents/:incidentId/updates': 'operator',
  'GET /api/ops/v1/inquiries': 'operator',
  'GET /api/ops/v1/inquiries/:inquiryId': 'operator',
  'POST /api/ops/v1/inquiries/:inquiryId/answer': 'operator',
  'POST /api/ops/v1/inquiries/:inquiryId/close': 'operator',
  'GET /api/ops/v1/announcements': 'operator',
  'POST /api/ops/v1/announcements': 'operator',
  'GET /api/ops/v1/announcements/:announcementId': 'operator',
  'PUT /api/ops/v1/announcements/:announcementId': 'operator',
  'POST /api/ops/v1/announcements/:announcementId/publish': 'operator',
  'POST /api/ops/v1/announcements/:announcementId/unpublish': 'operator',
  'DELETE /api/ops/v1/announcements/:announcementId': 'operator',
  'GET /api/ops/v1/mail-log': 'operator',
  /** お知らせ: every signed-in user reads them and keeps their own read marks. */
  'GET /api/v1/announcements': 'authenticated',
  'GET /api/v1/announcements/unread': 'authenticated',
  'POST /api/v1/announcements/read': 'authenticated',
  'POST /api/v1/announcements/:announcementId/read': 'authenticated',
  // Import/export of masters (ADR 0022): 出力 to export, 登録 to import (得意先別単価: 商品の修正).
  ...Object.fromEntries(
    (
      [
        ['customers', 'customers:export', 'customers:create'],
        ['suppliers', 'suppliers:export', 'suppliers:create'],
        ['products', 'products:export', 'products:create'],
        ['customer-prices', 'products:export', 'products:edit'],
      ] as const
    ).flatMap(([master, exportPermission, importPermission]) => [
      [`GET /api/v1/${master}/export`, exportPermission],
      [`GET /api/v1/${master}/import-template`, importPermission],
      [`POST /api/v1/${master}/imports`, importPermission],
      [`GET /api/v1/${master}/imports/:jobId`, importPermission],
      [`POST /api/v1/${master}/imports/:jobId/commit`, importPermission],
    ]),
  ),
};

describe('authorization matrix', () => {
  it('declares the expected access on every API route', () => {
    const declared = Object.fromEntries(
      t.routes
        .filter((r) => r.url.startsWith('/api/v1/') || r.url.startsWith('/api/ops/'))
        .map((r) => [
          `${r.method} ${r.url}`,
          r.access.kind === 'permission' ? r.access.permission : r.access.kind,
        ]),
    );
    expect(declared).toEqual(expectedAccess);
  });

  it('every route answers every caller as its declared access says', async () => {
    const divergences: string[] = [];
    const apiRoutes = t.routes.filter(
      (r) => r.url.startsWith('/api/v1/') || r.url.startsWith('/api/ops/'),
    );
    // Logout ends the caller's session, so it runs last.
    apiRoutes.sort((a, b) => Number(a.url.endsWith('/logout')) - Number(b.url.endsWith('/logout')));
    for (const route of apiRoutes) {
      for (const caller of callers) {
        const sample = sampleFor(route, fixtures);
        const cookie = caller === 'anonymous' ? undefined : cookies[caller];
        const response = await api(t, cookie).send(route.method as 'GET', sample.url, sample.body);
        if (route.method === 'PUT' && response.statusCode === 200) {
          if (route.url.startsWith('/api/v1/users/')) fixtures.userVersion++;
          else if (route.url.startsWith('/api/v1/departments/')) fixtures.departmentVersion++;
          else if (route.url.startsWith('/api/v1/tax-rates/')) fixtures.taxRateVersion++;
          else if (route.url.startsWith('/api/v1/projects/')) fixtures.projectVersion++;
          else if (route.url.includes('/customer-prices/')) fixtures.customerPriceVersion++;
          else if (route.url.startsWith('/api/v1/products/')) fixtures.productVersion++;
          else if (route.url.startsWith('/api/v1/units/')) fixtures.unitVersion++;
          else if (route.url === '/api/v1/classification-axes/:axisId') fixtures.axisVersion++;
          else if (route.url.startsWith('/api/v1/classification-items/')) fixtures.itemVersion++;
          else if (route.url.startsWith('/api/v1/permission-groups/')) fixtures.groupVersion++;
          else if (route.url === '/api/v1/settings/system') fixtures.settingsVersion++;
          else if (route.url.startsWith('/api/v1/suppliers/')) fixtures.supplierVersion++;
          else if (route.url.startsWith('/api/v1/company/bank-accounts/'))
            fixtures.bankAccountVersion++;
          else if (route.url.startsWith('/api/v1/customers/')) fixtures.customerVersion++;
        }
        const expected = expectedOutcome(route.access, caller, route.url);
        const allowed = response.statusCode !== 401 && response.statusCode !== 403;
        const ok =
          expected === 'allowed'
            ? allowed || route.url.endsWith('/login')
            : response.statusCode === expected;
        if (!ok)
          divergences.push(
            `${route.method} ${route.url} as ${caller}: expected ${expected}, got ${response.statusCode}`,
          );
        if (response.statusCode >= 500)
          divergences.push(`${route.method} ${route.url} as ${caller}: ${response.statusCode}`);
      }
    }
    expect(divergences).toEqual([]);
  });

  it('takes a permission change into account on the very next request', async () => {
    const user = await createUser(t, tenant, { loginId: 'mover', permissions: VIEW_ONLY });
    expect((await api(t, user.cookie).get('/api/v1/customers')).statusCode).toBe(200);
    await withTenantTransaction(t.db.pool, tenant.tenantId, (tx) =>
      tx.client.query(
        "UPDATE app.permission_groups SET permissions = '{}' WHERE name = 'group-mover'",
      ),
    );
    expect((await api(t, user.cookie).get('/api/v1/customers')).statusCode).toBe(403);
  });
});
