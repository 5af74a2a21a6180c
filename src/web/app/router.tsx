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
import { grantsOf } from '../auth/session';
import { CustomerEditPage, CustomerNewPage } from '../features/customers/CustomerFormPage';
import { CustomerListPage } from '../features/customers/CustomerListPage';
import { parseCustomerListSearch } from '../features/customers/list-search';
import { LoginPage, parseLoginSearch } from '../features/login/LoginPage';
import { MainMenuPage } from '../features/menu/MainMenuPage';
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
    if (me) throw redirect({ to: '/' });
  },
  component: LoginPage,
});

/** Every screen behind sign-in: no session → login page. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: '_app',
  beforeLoad: async ({ context }) => {
    try {
      const me = await context.queryClient.ensureQueryData(meQueryOptions);
      return { grants: grantsOf(me) };
    } catch (error) {
      if (isApiError(error, 'unauthenticated')) throw redirect({ to: '/login' });
      throw error;
    }
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

const routeTree = rootRoute.addChildren([
  loginRoute,
  appRoute.addChildren([
    menuRoute,
    customersRoute.addChildren([customerListRoute, customerNewRoute, customerEditRoute]),
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
