import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { can } from '../../domain/access/permissions';
import { fetchMe, meQueryOptions } from '../api/auth';
import { isApiError } from '../api/client';
import { customerQueryOptions } from '../api/customers';
import { mfaSettingsQueryOptions, mfaStatusQueryOptions } from '../api/mfa';
import { ownSessionsQueryOptions } from '../api/sessions';
import { userListQueryOptions, userQueryOptions } from '../api/users';
import { grantsOf } from '../auth/session';
import { CustomerEditPage, CustomerNewPage } from '../features/customers/CustomerFormPage';
import { CustomerListPage } from '../features/customers/CustomerListPage';
import { parseCustomerListSearch } from '../features/customers/list-search';
import { LoginPage, parseLoginSearch } from '../features/login/LoginPage';
import { MainMenuPage } from '../features/menu/MainMenuPage';
import { MfaAccountPage } from '../features/mfa/MfaAccountPage';
import { MfaSettingsPage } from '../features/mfa/MfaSettingsPage';
import { MfaVerifyPage } from '../features/mfa/MfaVerifyPage';
import { PasswordChangePage } from '../features/password/PasswordChangePage';
import { SessionListPage } from '../features/sessions/SessionListPage';
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
  validateSearch: parseCustomerListSearch,
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

const mfaSettingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'settings/mfa',
  beforeLoad: ({ context }) => {
    if (!context.grants.isOrgAdmin) throw redirect({ to: '/' });
  },
  loader: ({ context }) => context.queryClient.ensureQueryData(mfaSettingsQueryOptions),
  component: MfaSettingsPage,
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

const routeTree = rootRoute.addChildren([
  loginRoute,
  mfaVerifyRoute,
  appRoute.addChildren([
    menuRoute,
    passwordRoute,
    accountMfaRoute,
    accountSessionsRoute,
    mfaSettingsRoute,
    customersRoute.addChildren([customerListRoute, customerNewRoute, customerEditRoute]),
    usersRoute.addChildren([userListRoute, userNewRoute, userEditRoute]),
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
