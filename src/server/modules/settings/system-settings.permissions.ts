import { access } from '../../../domain/access/permissions';

/** システム設定 is an admin screen (flam-features §3): only 組織管理者 may open it. */
export const systemSettingsAccess = {
  manage: access.orgAdmin,
};
