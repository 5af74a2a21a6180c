import { access } from '../../../domain/access/permissions';

/** The export holds every user's data and the whole log: 組織管理者 only, like the log. */
export const lifecycleAccess = {
  export: access.orgAdmin,
};
