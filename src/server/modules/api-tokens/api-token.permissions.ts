import { access } from '../../../domain/access/permissions';

/**
 * Any signed-in user manages their own tokens; 組織管理者 see and revoke every token of the
 * tenant. Both are `authenticated`/`orgAdmin` routes, which a token itself cannot call.
 */
export const apiTokenAccess = {
  own: access.authenticated,
  tenantWide: access.orgAdmin,
};
