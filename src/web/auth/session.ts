import { useSuspenseQuery } from '@tanstack/react-query';
import { can, type Grants, isPermission, type Permission } from '../../domain/access/permissions';
import type { Me } from '../../server/modules/identity/identity.schema';
import { meQueryOptions } from '../api/auth';

export function grantsOf(me: Me): Grants {
  return {
    isOrgAdmin: me.user.isOrgAdmin,
    permissions: new Set(me.permissions.filter(isPermission)),
  };
}

/** The signed-in user; only used below the app layout route, which loads it first. */
export function useMe(): Me {
  return useSuspenseQuery(meQueryOptions).data;
}

/** `useCan()('customers:create')`: the same rule the server applies to the route. */
export function useCan(): (permission: Permission) => boolean {
  const me = useMe();
  const grants = grantsOf(me);
  return (permission) => can(grants, permission);
}
