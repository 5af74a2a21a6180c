import { access } from '../../../domain/access/permissions';

/** 担当者 management is an admin screen: only 組織管理者 may open it. */
export const userAccess = {
  manage: access.orgAdmin,
};
