import { access } from '../../../domain/access/permissions';

/** The log shows everyone's actions and IP addresses: 組織管理者 only. */
export const auditLogAccess = {
  read: access.orgAdmin,
  export: access.orgAdmin,
};
