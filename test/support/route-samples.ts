import type { RegisteredRoute } from '../../src/server/platform/access/route-access';
import { makePng } from './images';

export const sampleBankAccount = {
  bankName: 'みずほ銀行',
  bankCode: '0001',
  branchName: '東京営業部',
  branchCode: '110',
  accountType: 'ordinary',
  accountNumber: '1234567',
  accountHolder: 'カ)サンプルシヨウジ',
  sortOrder: 10,
};

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
  /** A customer the DELETE sample may remove (never edited: version 1). */
  deletableCustomerId: string;
  supplierId: string;
  supplierVersion: number;
  /** A supplier the DELETE sample may remove (never edited: version 1). */
  deletableSupplierId: string;
  departmentId: string;
  departmentVersion: number;
  /** A department the DELETE sample may remove (never edited: version 1). */
  deletableDepartmentId: string;
  projectId: string;
  projectVersion: number;
  /** A project the DELETE sample may remove (never edited: version 1). */
  deletableProjectId: string;
  productId: string;
  productVersion: number;
  /** A product without partner prices the DELETE sample may remove. */
  deletableProductId: string;
  /** A customer of the fixtures' 得意先別単価 (a second one, so POST never collides). */
  priceCustomerId: string;
  /** A 得意先別単価 row of productId, edited by the PUT sample. */
  customerPriceId: string;
  customerPriceVersion: number;
  deletableCustomerPriceId: string;
  unitId: string;
  unitVersion: number;
  /** A unit the DELETE sample may remove (never edited: version 1). */
  deletableUnitId: string;
  /** A customer 分類 axis and one of its items the samples may edit; both made unused. */
  axisId: string;
  axisVersion: number;
  deletableAxisId: string;
  itemId: string;
  itemVersion: number;
  deletableItemId: string;
  /** A supplier 分類 axis without items (the supplier bulk sample clears it). */
  supplierAxisId: string;
  /** A tax rate of the tenant's own (codes are per tenant, like ids). */
  taxRateCode: string;
  taxRateVersion: number;
  deletableTaxRateCode: string;
  /** A group the samples may edit and copy. */
  groupId: string;
  groupVersion: number;
  /** A group without members the DELETE sample may remove. */
  deletableGroupId: string;
  /** A live API token of the tenant's admin, for the revoke samples. */
  apiTokenId: string;
  settingsVersion: number;
  /** A 振込先 the samples may edit, and one the DELETE sample may remove (version 1). */
  bankAccountId: string;
  bankAccountVersion: number;
  deletableBankAccountId: string;
  /** A tenant the operator-console samples act on (defaults to a non-existent id). */
  opsTenantId?: string;
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
  'POST /api/v1/auth/password-reset': () => ({
    url: '/api/v1/auth/password-reset',
    body: { tenantCode: 'x', loginId: 'x' },
  }),
  'POST /api/v1/auth/password-reset/check': () => ({
    url: '/api/v1/auth/password-reset/check',
    body: { token: 'not-a-token' },
  }),
  'POST /api/v1/auth/password-reset/complete': () => ({
    url: '/api/v1/auth/password-reset/complete',
    body: { token: 'not-a-token', newPassword: 'a new long passphrase 2026' },
  }),
  'GET /api/v1/dev/mailbox': () => ({ url: '/api/v1/dev/mailbox?tenantCode=x' }),
  'GET /api/v1/auth/mfa': () => ({ url: '/api/v1/auth/mfa' }),
  'POST /api/v1/auth/mfa/enrolment': () => ({
    url: '/api/v1/auth/mfa/enrolment',
    body: { password: 'not the password' },
  }),
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
  'POST /api/v1/permission-groups': () => ({
    url: '/api/v1/permission-groups',
    body: { name: `sample${Math.floor(Math.random() * 1e9)}`, permissions: ['customers:view'] },
  }),
  'GET /api/v1/permission-groups/:groupId': (f) => ({
    url: `/api/v1/permission-groups/${f.groupId}`,
  }),
  'PUT /api/v1/permission-groups/:groupId': (f) => ({
    url: `/api/v1/permission-groups/${f.groupId}`,
    body: { name: 'rewritten', permissions: ['customers:edit'], version: f.groupVersion },
  }),
  'POST /api/v1/permission-groups/:groupId/copy': (f) => ({
    url: `/api/v1/permission-groups/${f.groupId}/copy`,
    body: { name: `copy${Math.floor(Math.random() * 1e9)}` },
  }),
  'DELETE /api/v1/permission-groups/:groupId': (f) => ({
    url: `/api/v1/permission-groups/${f.deletableGroupId}`,
  }),
  'GET /api/v1/audit-log': () => ({ url: '/api/v1/audit-log?event=user.created&limit=5' }),
  'GET /api/v1/audit-log/export': () => ({
    url: '/api/v1/audit-log/export?encoding=cp932&from=2026-01-01',
  }),
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
  'DELETE /api/v1/customers/:customerId': (f) => ({
    url: `/api/v1/customers/${f.deletableCustomerId}?version=1`,
  }),
  'GET /api/v1/suppliers': () => ({ url: '/api/v1/suppliers?q=a&sort=kana' }),
  'POST /api/v1/suppliers': () => ({
    url: '/api/v1/suppliers',
    body: {
      code: `S${Math.floor(Math.random() * 1e9)}`,
      name: 'サンプル仕入先',
      registrationNumber: 'T8000012010038',
    },
  }),
  'GET /api/v1/suppliers/:supplierId': (f) => ({ url: `/api/v1/suppliers/${f.supplierId}` }),
  'PUT /api/v1/suppliers/:supplierId': (f) => ({
    url: `/api/v1/suppliers/${f.supplierId}`,
    body: { code: 'SISO1', name: '書き換え', version: f.supplierVersion },
  }),
  'DELETE /api/v1/suppliers/:supplierId': (f) => ({
    url: `/api/v1/suppliers/${f.deletableSupplierId}?version=1`,
  }),
  'GET /api/v1/partner-options': () => ({ url: '/api/v1/partner-options' }),
  'GET /api/v1/settings/code-numbering': () => ({ url: '/api/v1/settings/code-numbering' }),
  'PUT /api/v1/settings/code-numbering': () => ({
    url: '/api/v1/settings/code-numbering',
    // The defaults: saving them changes nothing, so every caller's attempt is the same request.
    body: { items: [{ kind: 'products', isAuto: false, width: 6, version: 0 }] },
  }),
  'GET /api/v1/departments': () => ({ url: '/api/v1/departments' }),
  'POST /api/v1/departments': () => ({
    url: '/api/v1/departments',
    body: { code: `D${Math.floor(Math.random() * 1e9)}`, name: 'サンプル部' },
  }),
  'GET /api/v1/departments/:departmentId': (f) => ({
    url: `/api/v1/departments/${f.departmentId}`,
  }),
  'PUT /api/v1/departments/:departmentId': (f) => ({
    url: `/api/v1/departments/${f.departmentId}`,
    body: { code: 'DISO1', name: '書き換え部', version: f.departmentVersion },
  }),
  'DELETE /api/v1/departments/:departmentId': (f) => ({
    url: `/api/v1/departments/${f.deletableDepartmentId}?version=1`,
  }),
  'GET /api/v1/projects': () => ({ url: '/api/v1/projects' }),
  'POST /api/v1/projects': () => ({
    url: '/api/v1/projects',
    body: { code: `P${Math.floor(Math.random() * 1e9)}`, name: 'サンプル物件' },
  }),
  'GET /api/v1/projects/:projectId': (f) => ({ url: `/api/v1/projects/${f.projectId}` }),
  'PUT /api/v1/projects/:projectId': (f) => ({
    url: `/api/v1/projects/${f.projectId}`,
    body: { code: 'PISO1', name: '書き換え物件', version: f.projectVersion },
  }),
  'DELETE /api/v1/projects/:projectId': (f) => ({
    url: `/api/v1/projects/${f.deletableProjectId}?version=1`,
  }),
  'GET /api/v1/products': () => ({ url: '/api/v1/products?q=FIX' }),
  'POST /api/v1/products': () => ({
    url: '/api/v1/products',
    body: { name: 'サンプル商品', unitPrice1: '100' },
  }),
  'GET /api/v1/products/:productId': (f) => ({ url: `/api/v1/products/${f.productId}` }),
  'PUT /api/v1/products/:productId': (f) => ({
    url: `/api/v1/products/${f.productId}`,
    body: { code: 'FIXG-EDIT', name: '書き換え商品', unitPrice1: '120', version: f.productVersion },
  }),
  'DELETE /api/v1/products/:productId': (f) => ({
    url: `/api/v1/products/${f.deletableProductId}?version=1`,
  }),
  'GET /api/v1/products/:productId/customer-prices': (f) => ({
    url: `/api/v1/products/${f.productId}/customer-prices`,
  }),
  'POST /api/v1/products/:productId/customer-prices': (f) => ({
    url: `/api/v1/products/${f.productId}/customer-prices`,
    body: {
      customerId: f.priceCustomerId,
      unitPrice: '90',
      validFrom: `20${10 + Math.floor(Math.random() * 80)}-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}`,
    },
  }),
  'PUT /api/v1/products/:productId/customer-prices/:priceId': (f) => ({
    url: `/api/v1/products/${f.productId}/customer-prices/${f.customerPriceId}`,
    body: { customerId: f.priceCustomerId, unitPrice: '95', version: f.customerPriceVersion },
  }),
  'DELETE /api/v1/products/:productId/customer-prices/:priceId': (f) => ({
    url: `/api/v1/products/${f.productId}/customer-prices/${f.deletableCustomerPriceId}?version=1`,
  }),
  'GET /api/v1/products/:productId/unit-price': (f) => ({
    url: `/api/v1/products/${f.productId}/unit-price?customerId=${f.priceCustomerId}`,
  }),
  'GET /api/v1/units': () => ({ url: '/api/v1/units' }),
  'POST /api/v1/units': () => ({
    url: '/api/v1/units',
    body: { name: `U${Math.floor(Math.random() * 1e6)}`, sortOrder: 500 },
  }),
  'PUT /api/v1/units/:unitId': (f) => ({
    url: `/api/v1/units/${f.unitId}`,
    body: { name: '書換', sortOrder: 501, version: f.unitVersion },
  }),
  'DELETE /api/v1/units/:unitId': (f) => ({
    url: `/api/v1/units/${f.deletableUnitId}?version=1`,
  }),
  'GET /api/v1/classification-axes': () => ({
    url: '/api/v1/classification-axes?partnerType=customer',
  }),
  'POST /api/v1/classification-axes': () => ({
    url: '/api/v1/classification-axes',
    body: { partnerType: 'supplier', name: `軸${Math.floor(Math.random() * 1e6)}` },
  }),
  // Deliberately stale (version 999): a valid request that never changes the order.
  'PUT /api/v1/classification-axes/order': (f) => ({
    url: '/api/v1/classification-axes/order',
    body: { partnerType: 'customer', axes: [{ axisId: f.axisId, version: 999 }] },
  }),
  'PUT /api/v1/classification-axes/:axisId': (f) => ({
    url: `/api/v1/classification-axes/${f.axisId}`,
    body: { name: `書換${Math.floor(Math.random() * 1e6)}`, version: f.axisVersion },
  }),
  'DELETE /api/v1/classification-axes/:axisId': (f) => ({
    url: `/api/v1/classification-axes/${f.deletableAxisId}?version=1`,
  }),
  'POST /api/v1/classification-axes/:axisId/items': (f) => ({
    url: `/api/v1/classification-axes/${f.axisId}/items`,
    body: { code: `I${Math.floor(Math.random() * 1e6)}`, name: '項目' },
  }),
  'PUT /api/v1/classification-axes/:axisId/items/order': (f) => ({
    url: `/api/v1/classification-axes/${f.axisId}/items/order`,
    body: { items: [{ itemId: f.itemId, version: 999 }] },
  }),
  'PUT /api/v1/classification-items/:itemId': (f) => ({
    url: `/api/v1/classification-items/${f.itemId}`,
    body: { code: 'FIXI', name: `書換${Math.floor(Math.random() * 1e6)}`, version: f.itemVersion },
  }),
  'DELETE /api/v1/classification-items/:itemId': (f) => ({
    url: `/api/v1/classification-items/${f.deletableItemId}?version=1`,
  }),
  // Clearing an axis nobody uses: allowed callers get 200 without changing the customer.
  'POST /api/v1/customers/bulk-classification': (f) => ({
    url: '/api/v1/customers/bulk-classification',
    body: {
      axisId: f.axisId,
      itemId: null,
      target: { kind: 'selected', partnerIds: [f.customerId] },
    },
  }),
  'POST /api/v1/suppliers/bulk-classification': (f) => ({
    url: '/api/v1/suppliers/bulk-classification',
    body: {
      axisId: f.supplierAxisId,
      itemId: null,
      target: { kind: 'selected', partnerIds: [f.supplierId] },
    },
  }),
  'GET /api/v1/tax-rates': () => ({ url: '/api/v1/tax-rates' }),
  'POST /api/v1/tax-rates': () => ({
    url: '/api/v1/tax-rates',
    body: {
      code: `S${Math.floor(Math.random() * 1e6)}`,
      printedName: 'サンプル',
      ratePercent: '10',
      category: 'standard',
      sortOrder: 500,
    },
  }),
  'PUT /api/v1/tax-rates/:code': (f) => ({
    url: `/api/v1/tax-rates/${f.taxRateCode}`,
    body: { printedName: '書き換え', sortOrder: 501, isHidden: false, version: f.taxRateVersion },
  }),
  'DELETE /api/v1/tax-rates/:code': (f) => ({
    url: `/api/v1/tax-rates/${f.deletableTaxRateCode}?version=1`,
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
  'GET /api/v1/company/profile': () => ({ url: '/api/v1/company/profile' }),
  'PUT /api/v1/company/profile': () => ({
    url: '/api/v1/company/profile',
    // Version 0 saves the first profile; later callers get 409, which still proves access.
    body: { companyName: 'サンプル商事株式会社', registrationNumber: 'T7123456789012', version: 0 },
  }),
  ...Object.fromEntries(
    (['logo', 'seal'] as const).flatMap((kind) => [
      [`GET /api/v1/company/images/${kind}`, () => ({ url: `/api/v1/company/images/${kind}` })],
      [
        `PUT /api/v1/company/images/${kind}`,
        () => ({
          url: `/api/v1/company/images/${kind}`,
          body: { contentType: 'image/png', data: makePng(2, 2).toString('base64') },
        }),
      ],
      [`DELETE /api/v1/company/images/${kind}`, () => ({ url: `/api/v1/company/images/${kind}` })],
    ]),
  ),
  'GET /api/v1/company/bank-accounts': () => ({ url: '/api/v1/company/bank-accounts' }),
  'POST /api/v1/company/bank-accounts': () => ({
    url: '/api/v1/company/bank-accounts',
    body: sampleBankAccount,
  }),
  'PUT /api/v1/company/bank-accounts/:bankAccountId': (f) => ({
    url: `/api/v1/company/bank-accounts/${f.bankAccountId}`,
    body: { ...sampleBankAccount, branchName: '書換支店', version: f.bankAccountVersion },
  }),
  'DELETE /api/v1/company/bank-accounts/:bankAccountId': (f) => ({
    url: `/api/v1/company/bank-accounts/${f.deletableBankAccountId}?version=1`,
  }),
  'GET /api/v1/company/print-settings': () => ({ url: '/api/v1/company/print-settings' }),
  'PUT /api/v1/company/print-settings': () => ({
    url: '/api/v1/company/print-settings',
    body: {
      documentType: 'quote',
      title: '御見積書',
      showLogo: true,
      showSeal: true,
      showBankAccounts: false,
      showRegistrationNumber: true,
      footerNote: '',
      addressSource: 'company',
      version: 0,
    },
  }),
  'GET /api/v1/company/entry-checks': () => ({ url: '/api/v1/company/entry-checks' }),
  'PUT /api/v1/company/entry-checks': () => ({
    url: '/api/v1/company/entry-checks',
    body: { project: 'warn', quantity: 'block', unitPrice: 'block', cost: 'allow', version: 0 },
  }),
  'GET /api/v1/api-tokens': () => ({ url: '/api/v1/api-tokens' }),
  'POST /api/v1/api-tokens': () => ({
    url: '/api/v1/api-tokens',
    body: { name: 'サンプル連携', expiresInDays: 30, scope: ['customers:view'] },
  }),
  'GET /api/v1/data-export': () => ({ url: '/api/v1/data-export' }),
  'DELETE /api/v1/api-tokens/:tokenId': (f) => ({ url: `/api/v1/api-tokens/${f.apiTokenId}` }),
  'GET /api/v1/admin/api-tokens': () => ({ url: '/api/v1/admin/api-tokens' }),
  'DELETE /api/v1/admin/api-tokens/:tokenId': (f) => ({
    url: `/api/v1/admin/api-tokens/${f.apiTokenId}`,
  }),
  'GET /api/v1/signup': () => ({ url: '/api/v1/signup' }),
  'POST /api/v1/signup': () => ({
    url: '/api/v1/signup',
    body: {
      companyName: 'サンプル商事',
      tenantCode: `sample-${process.pid}`,
      adminName: '見本 太郎',
      loginId: 'admin',
      password: 'a sample passphrase for signup',
      contactEmail: 'owner@example.test',
      agreeToTerms: true,
    },
  }),
  'POST /api/ops/v1/auth/login': () => ({
    url: '/api/ops/v1/auth/login',
    body: { loginId: 'x', password: 'x' },
  }),
  'POST /api/ops/v1/auth/logout': () => ({ url: '/api/ops/v1/auth/logout' }),
  'GET /api/ops/v1/auth/me': () => ({ url: '/api/ops/v1/auth/me' }),
  'POST /api/ops/v1/auth/password': () => ({
    url: '/api/ops/v1/auth/password',
    body: { currentPassword: 'not the password', newPassword: 'a new operator passphrase' },
  }),
  'POST /api/ops/v1/auth/mfa/enrolment': () => ({ url: '/api/ops/v1/auth/mfa/enrolment' }),
  'POST /api/ops/v1/auth/mfa/enrolment/confirm': () => ({
    url: '/api/ops/v1/auth/mfa/enrolment/confirm',
    body: { code: '000000' },
  }),
  'POST /api/ops/v1/auth/mfa/verify': () => ({
    url: '/api/ops/v1/auth/mfa/verify',
    body: { code: '000000' },
  }),
  'POST /api/ops/v1/auth/mfa/recovery-codes': () => ({
    url: '/api/ops/v1/auth/mfa/recovery-codes',
    body: { code: '000000' },
  }),
  'GET /api/ops/v1/tenants': () => ({ url: '/api/ops/v1/tenants?status=trial' }),
  'POST /api/ops/v1/tenants': () => ({
    url: '/api/ops/v1/tenants',
    body: {
      code: `ops-sample-${process.pid}`,
      name: '運用サンプル株式会社',
      plan: 'standard',
      seatLimit: 5,
      contactEmail: 'contact@example.test',
      status: 'trial',
      admin: { loginId: 'admin', name: '管理者' },
    },
  }),
  'GET /api/ops/v1/tenants/:tenantId': (f) => ({ url: `/api/ops/v1/tenants/${opsTenant(f)}` }),
  'POST /api/ops/v1/tenants/:tenantId/convert': (f) => ({
    url: `/api/ops/v1/tenants/${opsTenant(f)}/convert`,
    body: { plan: 'standard', seatLimit: 50 },
  }),
  'PUT /api/ops/v1/tenants/:tenantId/seat-limit': (f) => ({
    url: `/api/ops/v1/tenants/${opsTenant(f)}/seat-limit`,
    body: { seatLimit: 60 },
  }),
  // A wrong confirmation code: the sample must not end the shared test tenant's contract.
  'POST /api/ops/v1/tenants/:tenantId/end-contract': (f) => ({
    url: `/api/ops/v1/tenants/${opsTenant(f)}/end-contract`,
    body: { confirmCode: 'not-the-code' },
  }),
  'POST /api/ops/v1/tenants/:tenantId/break-glass': (f) => ({
    url: `/api/ops/v1/tenants/${opsTenant(f)}/break-glass`,
    body: { reason: '問い合わせ #123 の調査のため', minutes: 30 },
  }),
  'GET /api/ops/v1/audit-log': () => ({
    url: '/api/ops/v1/audit-log?event=operator.login_succeeded&before=1000000',
  }),
  'GET /api/ops/v1/operators': () => ({ url: '/api/ops/v1/operators' }),
  'GET /api/v1/status': () => ({ url: '/api/v1/status' }),
  'GET /api/v1/incidents/active': () => ({ url: '/api/v1/incidents/active' }),
  'GET /api/v1/inquiries': () => ({ url: '/api/v1/inquiries' }),
  'POST /api/v1/inquiries': () => ({
    url: '/api/v1/inquiries',
    body: { subject: '請求書の印刷', category: 'usage', body: '印刷の余白を変えられますか。' },
  }),
  'GET /api/v1/inquiries/:inquiryId': () => ({
    url: '/api/v1/inquiries/00000000-0000-7000-8000-000000000000',
  }),
  'POST /api/v1/inquiries/:inquiryId/messages': () => ({
    url: '/api/v1/inquiries/00000000-0000-7000-8000-000000000000/messages',
    body: { body: '追加の質問です。' },
  }),
  'GET /api/ops/v1/incidents': () => ({ url: '/api/ops/v1/incidents' }),
  'POST /api/ops/v1/incidents': () => ({
    url: '/api/ops/v1/incidents',
    body: { title: 'ログインできない', severity: 'major', detectedAt: new Date().toISOString() },
  }),
  'GET /api/ops/v1/incidents/:incidentId': () => ({
    url: '/api/ops/v1/incidents/00000000-0000-7000-8000-000000000000',
  }),
  'POST /api/ops/v1/incidents/:incidentId/declare': () => ({
    url: '/api/ops/v1/incidents/00000000-0000-7000-8000-000000000000/declare',
    body: { severity: 'major', allTenants: true, message: '調査中です。' },
  }),
  'POST /api/ops/v1/incidents/:incidentId/updates': () => ({
    url: '/api/ops/v1/incidents/00000000-0000-7000-8000-000000000000/updates',
    body: { status: 'identified', message: '原因を特定しました。' },
  }),
  'GET /api/ops/v1/inquiries': () => ({ url: '/api/ops/v1/inquiries?status=open' }),
  'GET /api/ops/v1/inquiries/:inquiryId': () => ({
    url: '/api/ops/v1/inquiries/00000000-0000-7000-8000-000000000000',
  }),
  'POST /api/ops/v1/inquiries/:inquiryId/answer': () => ({
    url: '/api/ops/v1/inquiries/00000000-0000-7000-8000-000000000000/answer',
    body: { body: '回答です。' },
  }),
  'POST /api/ops/v1/inquiries/:inquiryId/close': () => ({
    url: '/api/ops/v1/inquiries/00000000-0000-7000-8000-000000000000/close',
  }),
  'GET /api/ops/v1/announcements': () => ({ url: '/api/ops/v1/announcements' }),
  'POST /api/ops/v1/announcements': () => ({
    url: '/api/ops/v1/announcements',
    body: { title: 'サンプルのお知らせ', body: '**本文**' },
  }),
  'GET /api/ops/v1/announcements/:announcementId': () => ({
    url: `/api/ops/v1/announcements/${NO_ANNOUNCEMENT}`,
  }),
  'PUT /api/ops/v1/announcements/:announcementId': () => ({
    url: `/api/ops/v1/announcements/${NO_ANNOUNCEMENT}`,
    body: { title: '修正', body: '本文' },
  }),
  'POST /api/ops/v1/announcements/:announcementId/publish': () => ({
    url: `/api/ops/v1/announcements/${NO_ANNOUNCEMENT}/publish`,
    body: {},
  }),
  'POST /api/ops/v1/announcements/:announcementId/unpublish': () => ({
    url: `/api/ops/v1/announcements/${NO_ANNOUNCEMENT}/unpublish`,
  }),
  'DELETE /api/ops/v1/announcements/:announcementId': () => ({
    url: `/api/ops/v1/announcements/${NO_ANNOUNCEMENT}`,
  }),
  'GET /api/ops/v1/mail-log': () => ({ url: '/api/ops/v1/mail-log?status=failed&page=1' }),
  'GET /api/v1/announcements': () => ({ url: '/api/v1/announcements' }),
  'GET /api/v1/announcements/unread': () => ({ url: '/api/v1/announcements/unread' }),
  'POST /api/v1/announcements/read': () => ({ url: '/api/v1/announcements/read' }),
  'POST /api/v1/announcements/:announcementId/read': () => ({
    url: `/api/v1/announcements/${NO_ANNOUNCEMENT}/read`,
  }),
  ...masterIoSamples(),
};

/**
 * Import/export of masters (ADR 0022): the same five routes per master. The job samples name a
 * job that does not exist, so allowed callers get 404 and nothing runs twice.
 */
function masterIoSamples(): Record<string, Sample> {
  const missingJob = '01900000-0000-7000-8000-0000000000aa';
  const csv = Buffer.from('コード,名称\r\n', 'utf8').toString('base64');
  const entries: [string, Sample][] = [];
  for (const master of ['customers', 'suppliers', 'products', 'customer-prices']) {
    entries.push(
      [`GET /api/v1/${master}/export`, () => ({ url: `/api/v1/${master}/export?format=csv-utf8` })],
      [
        `GET /api/v1/${master}/import-template`,
        () => ({ url: `/api/v1/${master}/import-template?format=csv-sjis` }),
      ],
      [
        `POST /api/v1/${master}/imports`,
        () => ({ url: `/api/v1/${master}/imports`, body: { fileName: 'a.csv', data: csv } }),
      ],
      [
        `GET /api/v1/${master}/imports/:jobId`,
        () => ({ url: `/api/v1/${master}/imports/${missingJob}` }),
      ],
      [
        `POST /api/v1/${master}/imports/:jobId/commit`,
        () => ({ url: `/api/v1/${master}/imports/${missingJob}/commit` }),
      ],
    );
  }
  return Object.fromEntries(entries);
}

/** お知らせ samples address an id that does not exist: access is decided before the lookup. */
const NO_ANNOUNCEMENT = '00000000-0000-7000-8000-0000000000a1';

function opsTenant(fixtures: RouteFixtures): string {
  return fixtures.opsTenantId ?? '00000000-0000-7000-8000-000000000000';
}

export function sampleFor(route: RegisteredRoute, fixtures: RouteFixtures): SampleRequest {
  const sample = samples[`${route.method} ${route.url}`];
  if (!sample)
    throw new Error(`No sample request for ${route.method} ${route.url} in route-samples.ts`);
  return sample(fixtures);
}

type FixtureKeys =
  | 'userId'
  | 'userVersion'
  | 'deletableUserId'
  | 'groupId'
  | 'groupVersion'
  | 'deletableGroupId'
  | 'apiTokenId'
  | 'settingsVersion';

/**
 * Two inactive users, two member-less permission groups and an API token made through the API
 * (as the admin whose `post` this is), for the samples that name one; settings stay at version 1.
 */
export async function createUserFixtures(
  post: (url: string, body: unknown) => Promise<{ statusCode: number; json(): unknown }>,
): Promise<Pick<RouteFixtures, FixtureKeys>> {
  const groups: { groupId: string; version: number }[] = [];
  for (const name of ['fixture-group-edit', 'fixture-group-delete']) {
    const response = await post('/api/v1/permission-groups', { name, permissions: [] });
    if (response.statusCode !== 201) throw new Error(`fixture group: ${response.statusCode}`);
    groups.push(response.json() as { groupId: string; version: number });
  }
  const [group, removableGroup] = groups as [(typeof groups)[0], (typeof groups)[0]];
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
    groupId: group.groupId,
    groupVersion: group.version,
    deletableGroupId: removableGroup.groupId,
    apiTokenId: (token.json() as { apiToken: { tokenId: string } }).apiToken.tokenId,
    settingsVersion: 1,
  };
}

type MasterFixtures = Pick<
  RouteFixtures,
  | 'deletableCustomerId'
  | 'supplierAxisId'
  | 'supplierId'
  | 'supplierVersion'
  | 'deletableSupplierId'
  | 'departmentId'
  | 'departmentVersion'
  | 'deletableDepartmentId'
  | 'projectId'
  | 'projectVersion'
  | 'deletableProjectId'
  | 'productId'
  | 'productVersion'
  | 'deletableProductId'
  | 'priceCustomerId'
  | 'customerPriceId'
  | 'customerPriceVersion'
  | 'deletableCustomerPriceId'
  | 'unitId'
  | 'unitVersion'
  | 'deletableUnitId'
  | 'taxRateCode'
  | 'taxRateVersion'
  | 'deletableTaxRateCode'
  | 'bankAccountId'
  | 'bankAccountVersion'
  | 'deletableBankAccountId'
  | 'axisId'
  | 'axisVersion'
  | 'deletableAxisId'
  | 'itemId'
  | 'itemVersion'
  | 'deletableItemId'
>;

/** Two departments, projects, tax rates and 分類 made through the API, for the samples naming one. */
export async function createMasterFixtures(
  post: (url: string, body: unknown) => Promise<{ statusCode: number; json(): unknown }>,
): Promise<MasterFixtures> {
  const made: { departmentId: string; version: number }[] = [];
  for (const code of ['FIX-EDIT', 'FIX-DELETE']) {
    const response = await post('/api/v1/departments', { code, name: code });
    if (response.statusCode !== 201) throw new Error(`fixture department: ${response.statusCode}`);
    made.push(response.json() as { departmentId: string; version: number });
  }
  const [edit, remove] = made as [(typeof made)[0], (typeof made)[0]];
  const projectsMade: { projectId: string; version: number }[] = [];
  for (const code of ['FIXP-EDIT', 'FIXP-DELETE']) {
    const response = await post('/api/v1/projects', { code, name: code });
    if (response.statusCode !== 201) throw new Error(`fixture project: ${response.statusCode}`);
    projectsMade.push(response.json() as { projectId: string; version: number });
  }
  const [project, removableProject] = projectsMade as [
    (typeof projectsMade)[0],
    (typeof projectsMade)[0],
  ];
  const productsMade: { productId: string; version: number }[] = [];
  for (const code of ['FIXG-EDIT', 'FIXG-DELETE']) {
    const response = await post('/api/v1/products', { code, name: code, unitPrice1: '100' });
    if (response.statusCode !== 201) throw new Error(`fixture product: ${response.statusCode}`);
    productsMade.push(response.json() as { productId: string; version: number });
  }
  const [product, removableProduct] = productsMade as [
    (typeof productsMade)[0],
    (typeof productsMade)[0],
  ];
  const priceCustomer = await post('/api/v1/customers', { code: 'FIX-PRICE', name: '単価先' });
  if (priceCustomer.statusCode !== 201) throw new Error('fixture price customer');
  const priceCustomerId = (priceCustomer.json() as { customerId: string }).customerId;
  const pricesMade: { priceId: string; version: number }[] = [];
  for (const validFrom of [null, '2000-01-01']) {
    const response = await post(`/api/v1/products/${product.productId}/customer-prices`, {
      customerId: priceCustomerId,
      unitPrice: '80',
      validFrom,
    });
    if (response.statusCode !== 201) throw new Error(`fixture price: ${response.statusCode}`);
    pricesMade.push(response.json() as { priceId: string; version: number });
  }
  const [price, removablePrice] = pricesMade as [(typeof pricesMade)[0], (typeof pricesMade)[0]];
  const unitsMade: { unitId: string; version: number }[] = [];
  for (const name of ['FIXU1', 'FIXU2']) {
    const response = await post('/api/v1/units', { name, sortOrder: 900 });
    if (response.statusCode !== 201) throw new Error(`fixture unit: ${response.statusCode}`);
    unitsMade.push(response.json() as { unitId: string; version: number });
  }
  const [unit, removableUnit] = unitsMade as [(typeof unitsMade)[0], (typeof unitsMade)[0]];
  for (const code of ['FIXTR', 'FIXDEL']) {
    const response = await post('/api/v1/tax-rates', {
      code,
      printedName: code,
      ratePercent: '10',
      category: 'standard',
      sortOrder: 900,
    });
    if (response.statusCode !== 201) throw new Error(`fixture tax rate: ${response.statusCode}`);
  }
  const axesMade: string[] = [];
  for (const name of ['FIXAX-EDIT', 'FIXAX-DELETE']) {
    const response = await post('/api/v1/classification-axes', { partnerType: 'customer', name });
    if (response.statusCode !== 201) throw new Error(`fixture axis: ${response.statusCode}`);
    axesMade.push((response.json() as { axisId: string }).axisId);
  }
  const itemsMade: string[] = [];
  for (const code of ['FIXI', 'FIXI-DEL']) {
    const response = await post(`/api/v1/classification-axes/${axesMade[0]}/items`, {
      code,
      name: code,
    });
    if (response.statusCode !== 201) throw new Error(`fixture item: ${response.statusCode}`);
    itemsMade.push((response.json() as { itemId: string }).itemId);
  }
  const supplierAxis = await post('/api/v1/classification-axes', {
    partnerType: 'supplier',
    name: 'FIXAX-SUP',
  });
  if (supplierAxis.statusCode !== 201) throw new Error('fixture supplier axis');
  const partner = async (url: string, code: string) => {
    const response = await post(url, { code, name: code });
    if (response.statusCode !== 201) throw new Error(`fixture ${url}: ${response.statusCode}`);
    return response.json() as Record<string, string> & { version: number };
  };
  const supplier = await partner('/api/v1/suppliers', 'FIXS-EDIT');
  const accounts: { bankAccountId: string; version: number }[] = [];
  for (const sortOrder of [900, 901]) {
    const response = await post('/api/v1/company/bank-accounts', {
      ...sampleBankAccount,
      sortOrder,
    });
    if (response.statusCode !== 201)
      throw new Error(`fixture bank account: ${response.statusCode}`);
    accounts.push(response.json() as { bankAccountId: string; version: number });
  }
  const [account, removableAccount] = accounts as [(typeof accounts)[0], (typeof accounts)[0]];
  return {
    axisId: axesMade[0]!,
    axisVersion: 1,
    deletableAxisId: axesMade[1]!,
    itemId: itemsMade[0]!,
    itemVersion: 1,
    deletableItemId: itemsMade[1]!,
    supplierAxisId: (supplierAxis.json() as { axisId: string }).axisId,
    deletableCustomerId: (await partner('/api/v1/customers', 'FIXC-DELETE')).customerId!,
    supplierId: supplier.supplierId!,
    supplierVersion: supplier.version,
    deletableSupplierId: (await partner('/api/v1/suppliers', 'FIXS-DELETE')).supplierId!,
    bankAccountId: account.bankAccountId,
    bankAccountVersion: account.version,
    deletableBankAccountId: removableAccount.bankAccountId,
    departmentId: edit.departmentId,
    departmentVersion: edit.version,
    deletableDepartmentId: remove.departmentId,
    projectId: project.projectId,
    projectVersion: project.version,
    deletableProjectId: removableProject.projectId,
    productId: product.productId,
    productVersion: product.version,
    deletableProductId: removableProduct.productId,
    priceCustomerId,
    customerPriceId: price.priceId,
    customerPriceVersion: price.version,
    deletableCustomerPriceId: removablePrice.priceId,
    unitId: unit.unitId,
    unitVersion: unit.version,
    deletableUnitId: removableUnit.unitId,
    taxRateCode: 'FIXTR',
    taxRateVersion: 1,
    deletableTaxRateCode: 'FIXDEL',
  };
}

/** Routes whose url names a resource of a tenant (path parameters). */
export function hasPathParameters(route: RegisteredRoute): boolean {
  return route.url.includes(':');
}

/** Every fixture the samples name, made through the API as the given admin. */
export async function createRouteFixtures(
  post: (url: string, body: unknown) => Promise<{ statusCode: number; json(): unknown }>,
): Promise<RouteFixtures> {
  const customer = await post('/api/v1/customers', { code: 'FIXC', name: 'フィクスチャ得意先' });
  if (customer.statusCode !== 201) throw new Error(`fixture customer: ${customer.statusCode}`);
  const { customerId, version } = customer.json() as { customerId: string; version: number };
  return {
    customerId,
    customerVersion: version,
    ...(await createUserFixtures(post)),
    ...(await createMasterFixtures(post)),
  };
}
