import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  notFound,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { can } from '../../domain/access/permissions';
import { ownApiTokensQueryOptions, tenantApiTokensQueryOptions } from '../api/api-tokens';
import { fetchMe, meQueryOptions } from '../api/auth';
import { classificationAxesQueryOptions } from '../api/classifications';
import { isApiError } from '../api/client';
import {
  bankAccountListQueryOptions,
  companyProfileQueryOptions,
  entryChecksQueryOptions,
  printSettingsQueryOptions,
} from '../api/company';
import { customerQueryOptions } from '../api/customers';
import { departmentListQueryOptions, departmentQueryOptions } from '../api/departments';
import { inquiryQueryOptions, opsInquiryQueryOptions } from '../api/inquiries';
import { mfaSettingsQueryOptions, mfaStatusQueryOptions } from '../api/mfa';
import { fetchOperatorMe, operatorMeQueryOptions, opsTenantQueryOptions } from '../api/ops';
import { codeNumberingQueryOptions } from '../api/partners';
import {
  permissionGroupListQueryOptions,
  permissionGroupQueryOptions,
} from '../api/permission-groups';
import { productQueryOptions } from '../api/products';
import { projectListQueryOptions, projectQueryOptions } from '../api/projects';
import { ownSessionsQueryOptions } from '../api/sessions';
import { systemSettingsQueryOptions } from '../api/settings';
import { supplierQueryOptions } from '../api/suppliers';
import { taxRateListQueryOptions } from '../api/tax-rates';
import { unitListQueryOptions } from '../api/units';
import { userListQueryOptions, userQueryOptions } from '../api/users';
import { grantsOf } from '../auth/session';
import { AnnouncementsPage } from '../features/announcements/AnnouncementsPage';
import { ApiTokensPage, TenantApiTokensPage } from '../features/api-tokens/ApiTokensPage';
import { AuditLogPage } from '../features/audit-log/AuditLogPage';
import { ClassificationSettingsPage } from '../features/classifications/ClassificationSettingsPage';
import { CompanyProfilePage } from '../features/company/CompanyProfilePage';
import { CustomerEditPage, CustomerNewPage } from '../features/customers/CustomerFormPage';
import { CustomerListPage } from '../features/customers/CustomerListPage';
import { DataExportPage } from '../features/data-export/DataExportPage';
import { DepartmentEditPage, DepartmentNewPage } from '../features/departments/DepartmentFormPage';
import { DepartmentListPage } from '../features/departments/DepartmentListPage';
import { DevMailboxPage } from '../features/dev-mailbox/DevMailboxPage';
import { EntryChecksPage } from '../features/entry-checks/EntryChecksPage';
import { HelpLayout } from '../features/help/HelpLayout';
import { HelpArticlePage, HelpIndexPage } from '../features/help/HelpPages';
import { helpPages } from '../features/help/help-pages';
import { OpsIncidentsPage } from '../features/incidents/OpsIncidentsPage';
import { StatusPage } from '../features/incidents/StatusPage';
import { InquiryDetailPage } from '../features/inquiries/InquiryDetailPage';
import { InquiryListPage } from '../features/inquiries/InquiryListPage';
import { OpsInquiryDetailPage } from '../features/inquiries/OpsInquiryDetailPage';
import { OpsInquiryListPage } from '../features/inquiries/OpsInquiryListPage';
import { LoginPage, parseLoginSearch } from '../features/login/LoginPage';
import {
  CustomerImportPage,
  CustomerPriceImportPage,
  ProductImportPage,
  SupplierImportPage,
} from '../features/master-io/MasterImportPages';
import { MainMenuPage } from '../features/menu/MainMenuPage';
import { MfaAccountPage } from '../features/mfa/MfaAccountPage';
import { MfaVerifyPage } from '../features/mfa/MfaVerifyPage';
import { OpsAccountPage } from '../features/ops/OpsAccountPage';
import { OpsAnnouncementsPage } from '../features/ops/OpsAnnouncementsPage';
import { OpsAuditLogPage } from '../features/ops/OpsAuditLogPage';
import { OpsLayout } from '../features/ops/OpsLayout';
import { OpsLoginPage } from '../features/ops/OpsLoginPage';
import { OpsMailLogPage } from '../features/ops/OpsMailLogPage';
import { OpsPasswordPage } from '../features/ops/OpsPasswordPage';
import { TenantCreatePage } from '../features/ops/TenantCreatePage';
import { TenantDetailPage } from '../features/ops/TenantDetailPage';
import { TenantListPage } from '../features/ops/TenantListPage';
import { parsePartnerListSearch } from '../features/partners/list-search';
import { PasswordChangePage } from '../features/password/PasswordChangePage';
import { PasswordResetPage } from '../features/password-reset/PasswordResetPage';
import { PasswordResetRequestPage } from '../features/password-reset/PasswordResetRequestPage';
import {
  PermissionGroupEditPage,
  PermissionGroupNewPage,
} from '../features/permission-groups/PermissionGroupFormPage';
import { PermissionGroupListPage } from '../features/permission-groups/PermissionGroupListPage';
import { PrintSettingsPage } from '../features/print-settings/PrintSettingsPage';
import { parseProductListSearch } from '../features/products/list-search';
import { ProductEditPage, ProductNewPage } from '../features/products/ProductFormPage';
import { ProductListPage } from '../features/products/ProductListPage';
import { ProjectEditPage, ProjectNewPage } from '../features/projects/ProjectFormPage';
import { ProjectListPage } from '../features/projects/ProjectListPage';
import { SessionListPage } from '../features/sessions/SessionListPage';
import { SystemSettingsPage } from '../features/settings/SystemSettingsPage';
import { SignupPage } from '../features/signup/SignupPage';
import { SupplierEditPage, SupplierNewPage } from '../features/suppliers/SupplierFormPage';
import { SupplierListPage } from '../features/suppliers/SupplierListPage';
import { TaxRateSettingsPage } from '../features/tax-rates/TaxRateSettingsPage';
import { UnitSettingsPage } from '../features/units/UnitSettingsPage';
import { UserEditPage, UserNewPage } from '../features/users/UserFormPage';
import { UserListPage } from '../features/users/UserListPage';
import { AppLayout } from './AppLayout';
import { NotFoundView, RouteErrorView, RoutePending } from './RouteStates';

export interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundView,
});

/**
 * Anyone already signed in skips the login form. Asks the server, not the cache: right after
 * a sign-out the cache still holds the user until the signed-in screens have unmounted.
 */
const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: parseLoginSearch,
  beforeLoad: async () => {
    const me = await fetchMe().catch(() => null);
    if (me) throw redirect({ to: me.sessionStage === 'mfa' ? '/login/mfa' : '/' });
  },
  component: LoginPage,
});

/** The help centre needs no sign-in: the login page and mails link to it. */
const helpRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'help',
  component: HelpLayout,
});

const helpIndexRoute = createRoute({
  getParentRoute: () => helpRoute,
  path: '/',
  component: HelpIndexPage,
});

const helpArticleRoute = createRoute({
  getParentRoute: () => helpRoute,
  path: '$slug',
  beforeLoad: ({ params }) => {
    if (!helpPages.has(params.slug)) throw notFound();
  },
  component: HelpArticlePage,
});

/** 「パスワードを忘れた場合」 and the page the mailed link opens: no session needed. */
const passwordResetRequestRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/password-reset',
  component: PasswordResetRequestPage,
});

const passwordResetRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/password-reset/$token',
  component: PasswordResetPage,
});

/** Development only; the API behind it answers 404 in production. */
const devMailboxRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/dev/mailbox',
  component: DevMailboxPage,
});

/** Sign-in step 2, only while the session waits for the TOTP code. */
const mfaVerifyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login/mfa',
  beforeLoad: async () => {
    const me = await fetchMe().catch(() => null);
    if (!me) throw redirect({ to: '/login' });
    if (me.sessionStage !== 'mfa') throw redirect({ to: '/' });
  },
  component: MfaVerifyPage,
});

/**
 * Every screen behind sign-in: no session → login page; an initial password still in use →
 * the password change, whatever was asked for (the server refuses everything else anyway).
 */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: '_app',
  beforeLoad: async ({ context, location }) => {
    let me: Awaited<ReturnType<typeof fetchMe>>;
    try {
      me = await context.queryClient.ensureQueryData(meQueryOptions);
    } catch (error) {
      if (isApiError(error, 'unauthenticated')) throw redirect({ to: '/login' });
      throw error;
    }
    if (me.sessionStage === 'mfa') throw redirect({ to: '/login/mfa' });
    if (me.user.mustChangePassword && location.pathname !== '/password') {
      throw redirect({ to: '/password' });
    }
    if (
      !me.user.mustChangePassword &&
      me.sessionStage === 'mfa_enrol' &&
      location.pathname !== '/account/mfa'
    ) {
      throw redirect({ to: '/account/mfa' });
    }
    return { grants: grantsOf(me) };
  },
  component: AppLayout,
});

const menuRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  component: MainMenuPage,
});

/** お知らせ: every signed-in user, whatever their permissions. */
const announcementsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'announcements',
  component: AnnouncementsPage,
});

const customersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'customers',
  beforeLoad: ({ context }) => {
    if (!can(context.grants, 'customers:view')) throw redirect({ to: '/' });
  },
});

const customerListRoute = createRoute({
  getParentRoute: () => customersRoute,
  path: '/',
  validateSearch: parsePartnerListSearch,
  component: CustomerListPage,
});

const customerNewRoute = createRoute({
  getParentRoute: () => customersRoute,
  path: 'new',
  beforeLoad: ({ context }) => {
    if (!can(context.grants, 'customers:create')) throw redirect({ to: '/customers' });
  },
  component: CustomerNewPage,
});

const customerEditRoute = createRoute({
  getParentRoute: () => customersRoute,
  path: '$customerId',
  loader: ({ context, params }) =>
    context.queryClient.ensureQueryData(customerQueryOptions(params.customerId)),
  component: CustomerEditPage,
});

const suppliersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'suppliers',
  beforeLoad: ({ context }) => {
    if (!can(context.grants, 'suppliers:view')) throw redirect({ to: '/' });
  },
});

const supplierListRoute = createRoute({
  getParentRoute: () => suppliersRoute,
  path: '/',
  validateSearch: parsePartnerListSearch,
  component: SupplierListPage,
});

const supplierNewRoute = createRoute({
  getParentRoute: () => suppliersRoute,
  path: 'new',
  beforeLoad: ({ context }) => {
    if (!can(context.grants, 'suppliers:create')) throw redirect({ to: '/suppliers' });
  },
  component: SupplierNewPage,
});

const supplierEditRoute = createRoute({
  getParentRoute: () => suppliersRoute,
  path: '$supplierId',
  loader: ({ context, params }) =>
    context.queryClient.ensureQueryData(supplierQueryOptions(params.supplierId)),
  component: SupplierEditPage,
});

const departmentsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'departments',
  beforeLoad: ({ context }) => {
    if (!can(context.grants, 'departments:view')) throw redirect({ to: '/' });
  },
});

const departmentListRoute = createRoute({
  getParentRoute: () => departmentsRoute,
  path: '/',
  loader: ({ context }) => context.queryClient.ensureQueryData(departmentListQueryOptions),
  component: DepartmentListPage,
});

const departmentNewRoute = createRoute({
  getParentRoute: () => departmentsRoute,
  path: 'new',
  beforeLoad: ({ context }) => {
    if (!can(context.grants, 'departments:create')) throw redirect({ to: '/departments' });
  },
  component: DepartmentNewPage,
});

const departmentEditRoute = createRoute({
  getParentRoute: () => departmentsRoute,
  path: '$departmentId',
  loader: ({ context, params }) =>
    context.queryClient.ensureQueryData(departmentQueryOptions(params.departmentId)),
  component: DepartmentEditPage,
});

const projectsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'projects',
  beforeLoad: ({ context }) => {
    if (!can(context.grants, 'projects:view')) throw redirect({ to: '/' });
  },
});

const projectListRoute = createRoute({
  getParentRoute: () => projectsRoute,
  path: '/',
  loader: ({ context }) => context.queryClient.ensureQueryData(projectListQueryOptions),
  component: ProjectListPage,
});

const projectNewRoute = createRoute({
  getParentRoute: () => projectsRoute,
  path: 'new',
  beforeLoad: ({ context }) => {
    if (!can(context.grants, 'projects:create')) throw redirect({ to: '/projects' });
  },
  component: ProjectNewPage,
});

const projectEditRoute = createRoute({
  getParentRoute: () => projectsRoute,
  path: '$projectId',
  loader: ({ context, params }) =>
    context.queryClient.ensureQueryData(projectQueryOptions(params.projectId)),
  component: ProjectEditPage,
});

const productsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'products',
  beforeLoad: ({ context }) => {
    if (!can(context.grants, 'products:view')) throw redirect({ to: '/' });
  },
});

const productListRoute = createRoute({
  getParentRoute: () => productsRoute,
  path: '/',
  validateSearch: parseProductListSearch,
  component: ProductListPage,
});

const productNewRoute = createRoute({
  getParentRoute: () => productsRoute,
  path: 'new',
  beforeLoad: ({ context }) => {
    if (!can(context.grants, 'products:create')) throw redirect({ to: '/products' });
  },
  component: ProductNewPage,
});

const productEditRoute = createRoute({
  getParentRoute: () => productsRoute,
  path: '$productId',
  loader: ({ context, params }) =>
    context.queryClient.ensureQueryData(productQueryOptions(params.productId)),
  component: ProductEditPage,
});

const customerImportRoute = createRoute({
  getParentRoute: () => customersRoute,
  path: 'import',
  beforeLoad: ({ context }) => {
    if (!can(context.grants, 'customers:create')) throw redirect({ to: '/customers' });
  },
  component: CustomerImportPage,
});

const supplierImportRoute = createRoute({
  getParentRoute: () => suppliersRoute,
  path: 'import',
  beforeLoad: ({ context }) => {
    if (!can(context.grants, 'suppliers:create')) throw redirect({ to: '/suppliers' });
  },
  component: SupplierImportPage,
});

const productImportRoute = createRoute({
  getParentRoute: () => productsRoute,
  path: 'import',
  beforeLoad: ({ context }) => {
    if (!can(context.grants, 'products:create')) throw redirect({ to: '/products' });
  },
  component: ProductImportPage,
});

const customerPriceImportRoute = createRoute({
  getParentRoute: () => productsRoute,
  path: 'prices-import',
  beforeLoad: ({ context }) => {
    if (!can(context.grants, 'products:edit')) throw redirect({ to: '/products' });
  },
  component: CustomerPriceImportPage,
});

const unitsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'settings/units',
  beforeLoad: ({ context }) => {
    if (!can(context.grants, 'settings:view')) throw redirect({ to: '/' });
  },
  loader: ({ context }) => context.queryClient.ensureQueryData(unitListQueryOptions),
  component: UnitSettingsPage,
});

/** Every signed-in user may read the rates (documents need them); the page edits them. */
const taxRatesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'settings/tax-rates',
  beforeLoad: ({ context }) => {
    if (!can(context.grants, 'settings:view')) throw redirect({ to: '/' });
  },
  loader: ({ context }) => context.queryClient.ensureQueryData(taxRateListQueryOptions),
  component: TaxRateSettingsPage,
});

const companyRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'settings/company',
  beforeLoad: ({ context }) => {
    if (!can(context.grants, 'settings:view')) throw redirect({ to: '/' });
  },
  loader: ({ context }) =>
    Promise.all([
      context.queryClient.ensureQueryData(companyProfileQueryOptions),
      context.queryClient.ensureQueryData(bankAccountListQueryOptions),
    ]),
  component: CompanyProfilePage,
});

const printSettingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'settings/print',
  beforeLoad: ({ context }) => {
    if (!can(context.grants, 'settings:view')) throw redirect({ to: '/' });
  },
  loader: ({ context }) => context.queryClient.ensureQueryData(printSettingsQueryOptions),
  component: PrintSettingsPage,
});

const entryChecksRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'settings/entry-checks',
  beforeLoad: ({ context }) => {
    if (!can(context.grants, 'settings:view')) throw redirect({ to: '/' });
  },
  loader: ({ context }) => context.queryClient.ensureQueryData(entryChecksQueryOptions),
  component: EntryChecksPage,
});

const passwordRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'password',
  component: PasswordChangePage,
});

const accountMfaRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'account/mfa',
  loader: ({ context }) => context.queryClient.ensureQueryData(mfaStatusQueryOptions),
  component: MfaAccountPage,
});

const accountSessionsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'account/sessions',
  loader: ({ context }) => context.queryClient.ensureQueryData(ownSessionsQueryOptions),
  component: SessionListPage,
});

/** Admin screens (管理): only 組織管理者, as the API requires. */
const usersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'settings/users',
  beforeLoad: ({ context }) => {
    if (!context.grants.isOrgAdmin) throw redirect({ to: '/' });
  },
});

const userListRoute = createRoute({
  getParentRoute: () => usersRoute,
  path: '/',
  loader: ({ context }) => context.queryClient.ensureQueryData(userListQueryOptions),
  component: UserListPage,
});

const userNewRoute = createRoute({
  getParentRoute: () => usersRoute,
  path: 'new',
  component: UserNewPage,
});

const userEditRoute = createRoute({
  getParentRoute: () => usersRoute,
  path: '$userId',
  loader: ({ context, params }) =>
    context.queryClient.ensureQueryData(userQueryOptions(params.userId)),
  component: UserEditPage,
});

const permissionGroupsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'settings/permission-groups',
  beforeLoad: ({ context }) => {
    if (!context.grants.isOrgAdmin) throw redirect({ to: '/' });
  },
});

const permissionGroupListRoute = createRoute({
  getParentRoute: () => permissionGroupsRoute,
  path: '/',
  loader: ({ context }) => context.queryClient.ensureQueryData(permissionGroupListQueryOptions),
  component: PermissionGroupListPage,
});

const permissionGroupNewRoute = createRoute({
  getParentRoute: () => permissionGroupsRoute,
  path: 'new',
  component: PermissionGroupNewPage,
});

const permissionGroupEditRoute = createRoute({
  getParentRoute: () => permissionGroupsRoute,
  path: '$groupId',
  loader: ({ context, params }) =>
    context.queryClient.ensureQueryData(permissionGroupQueryOptions(params.groupId)),
  component: PermissionGroupEditPage,
});

const auditLogRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'settings/audit-log',
  beforeLoad: ({ context }) => {
    if (!context.grants.isOrgAdmin) throw redirect({ to: '/' });
  },
  component: AuditLogPage,
});

const apiTokensRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'api-tokens',
  loader: ({ context }) => context.queryClient.ensureQueryData(ownApiTokensQueryOptions),
  component: ApiTokensPage,
});

const adminOnly = ({ context }: { context: { grants: { isOrgAdmin: boolean } } }) => {
  if (!context.grants.isOrgAdmin) throw redirect({ to: '/' });
};

const systemSettingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'settings/system',
  beforeLoad: adminOnly,
  loader: ({ context }) =>
    Promise.all([
      context.queryClient.ensureQueryData(systemSettingsQueryOptions),
      context.queryClient.ensureQueryData(mfaSettingsQueryOptions),
      context.queryClient.ensureQueryData(codeNumberingQueryOptions),
    ]),
  component: SystemSettingsPage,
});

const tenantApiTokensRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'settings/api-tokens',
  beforeLoad: adminOnly,
  loader: ({ context }) => context.queryClient.ensureQueryData(tenantApiTokensQueryOptions),
  component: TenantApiTokensPage,
});

const dataExportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'settings/data-export',
  beforeLoad: adminOnly,
  component: DataExportPage,
});

/** 稼働状況: public, no sign-in (ADR 0020). */
const statusRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/status',
  component: StatusPage,
});

/** お問い合わせ: any signed-in user, their own conversations. */
const inquiryListRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'inquiries',
  component: InquiryListPage,
});

const inquiryDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'inquiries/$inquiryId',
  loader: ({ context, params }) =>
    context.queryClient.ensureQueryData(inquiryQueryOptions(params.inquiryId)),
  component: InquiryDetailPage,
});

/** 無料トライアルのお申し込み: public. */
const signupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/signup',
  component: SignupPage,
});

/**
 * The operator console (ADR 0016): its own route tree and layout in the same SPA, its own
 * session (the /api/ops cookie). A tenant session means nothing here.
 */
const opsRoute = createRoute({ getParentRoute: () => rootRoute, path: '/ops' });

const opsLoginRoute = createRoute({
  getParentRoute: () => opsRoute,
  path: 'login',
  loader: async () => {
    const me = await fetchOperatorMe().catch(() => null);
    if (me?.sessionStage === 'full') throw redirect({ to: '/ops/tenants' });
    return { stage: me?.sessionStage ?? ('password' as const) };
  },
  component: function OpsLoginRoute() {
    const { stage } = opsLoginRoute.useLoaderData();
    return <OpsLoginPage initialStep={stage} />;
  },
});

const opsPasswordRoute = createRoute({
  getParentRoute: () => opsRoute,
  path: 'password',
  component: OpsPasswordPage,
});

const opsConsoleRoute = createRoute({
  getParentRoute: () => opsRoute,
  id: '_console',
  beforeLoad: async ({ context }) => {
    const me = await context.queryClient.fetchQuery(operatorMeQueryOptions).catch(() => null);
    if (me?.sessionStage !== 'full') throw redirect({ to: '/ops/login' });
    if (me.mustChangePassword) throw redirect({ to: '/ops/password' });
  },
  component: OpsLayout,
});

const opsIndexRoute = createRoute({
  getParentRoute: () => opsConsoleRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/ops/tenants' });
  },
});

const opsTenantListRoute = createRoute({
  getParentRoute: () => opsConsoleRoute,
  path: 'tenants',
  component: TenantListPage,
});

const opsTenantNewRoute = createRoute({
  getParentRoute: () => opsConsoleRoute,
  path: 'tenants/new',
  component: TenantCreatePage,
});

const opsTenantDetailRoute = createRoute({
  getParentRoute: () => opsConsoleRoute,
  path: 'tenants/$tenantId',
  loader: ({ context, params }) =>
    context.queryClient.ensureQueryData(opsTenantQueryOptions(params.tenantId)),
  component: TenantDetailPage,
});

const opsAuditLogRoute = createRoute({
  getParentRoute: () => opsConsoleRoute,
  path: 'audit-log',
  component: OpsAuditLogPage,
});

const opsAccountRoute = createRoute({
  getParentRoute: () => opsConsoleRoute,
  path: 'account',
  component: OpsAccountPage,
});

const classificationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'settings/classifications',
  beforeLoad: adminOnly,
  loader: ({ context }) =>
    context.queryClient.ensureQueryData(classificationAxesQueryOptions('customer')),
  component: ClassificationSettingsPage,
});

const opsIncidentsRoute = createRoute({
  getParentRoute: () => opsConsoleRoute,
  path: 'incidents',
  component: OpsIncidentsPage,
});

const opsInquiryListRoute = createRoute({
  getParentRoute: () => opsConsoleRoute,
  path: 'inquiries',
  component: OpsInquiryListPage,
});

const opsInquiryDetailRoute = createRoute({
  getParentRoute: () => opsConsoleRoute,
  path: 'inquiries/$inquiryId',
  loader: ({ context, params }) =>
    context.queryClient.ensureQueryData(opsInquiryQueryOptions(params.inquiryId)),
  component: OpsInquiryDetailPage,
});

const opsAnnouncementsRoute = createRoute({
  getParentRoute: () => opsConsoleRoute,
  path: 'announcements',
  component: OpsAnnouncementsPage,
});

const opsMailLogRoute = createRoute({
  getParentRoute: () => opsConsoleRoute,
  path: 'mail-log',
  component: OpsMailLogPage,
});

const routeTree = rootRoute.addChildren([
  statusRoute,
  loginRoute,
  signupRoute,
  opsRoute.addChildren([
    opsLoginRoute,
    opsPasswordRoute,
    opsConsoleRoute.addChildren([
      opsIndexRoute,
      opsTenantListRoute,
      opsTenantNewRoute,
      opsTenantDetailRoute,
      opsAuditLogRoute,
      opsAccountRoute,
      opsIncidentsRoute,
      opsInquiryListRoute,
      opsInquiryDetailRoute,
      opsAnnouncementsRoute,
      opsMailLogRoute,
    ]),
  ]),
  helpRoute.addChildren([helpIndexRoute, helpArticleRoute]),
  passwordResetRequestRoute,
  passwordResetRoute,
  devMailboxRoute,
  mfaVerifyRoute,
  appRoute.addChildren([
    menuRoute,
    announcementsRoute,
    passwordRoute,
    accountMfaRoute,
    accountSessionsRoute,
    customersRoute.addChildren([
      customerListRoute,
      customerNewRoute,
      customerImportRoute,
      customerEditRoute,
    ]),
    suppliersRoute.addChildren([
      supplierListRoute,
      supplierNewRoute,
      supplierImportRoute,
      supplierEditRoute,
    ]),
    departmentsRoute.addChildren([departmentListRoute, departmentNewRoute, departmentEditRoute]),
    projectsRoute.addChildren([projectListRoute, projectNewRoute, projectEditRoute]),
    productsRoute.addChildren([
      productListRoute,
      productNewRoute,
      productImportRoute,
      customerPriceImportRoute,
      productEditRoute,
    ]),
    taxRatesRoute,
    unitsRoute,
    companyRoute,
    printSettingsRoute,
    entryChecksRoute,
    usersRoute.addChildren([userListRoute, userNewRoute, userEditRoute]),
    permissionGroupsRoute.addChildren([
      permissionGroupListRoute,
      permissionGroupNewRoute,
      permissionGroupEditRoute,
    ]),
    auditLogRoute,
    apiTokensRoute,
    systemSettingsRoute,
    tenantApiTokensRoute,
    dataExportRoute,
    classificationsRoute,
    inquiryListRoute,
    inquiryDetailRoute,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPendingComponent: RoutePending,
    defaultErrorComponent: RouteErrorView,
    defaultPendingMs: 300,
    scrollRestoration: true,
  });
}

export type AppRouter = ReturnType<typeof createAppRouter>;

declare module '@tanstack/react-router' {
  interface Register {
    router: AppRouter;
  }
}
