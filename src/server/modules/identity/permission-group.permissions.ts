import { access } from '../../../domain/access/permissions';

/** Groups decide what everyone may do, so only 組織管理者 may see or change them. */
export const permissionGroupAccess = {
  manage: access.orgAdmin,
};
