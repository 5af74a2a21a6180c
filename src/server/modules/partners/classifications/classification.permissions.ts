import { access } from '../../../../domain/access/permissions';

/**
 * Partner forms and lists of anyone signed in need the axes; defining them is a 管理者 task
 * (white paper §4), so writes are for 組織管理者 only.
 */
export const classificationAccess = {
  view: access.authenticated,
  edit: access.orgAdmin,
};
