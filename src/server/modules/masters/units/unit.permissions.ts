import { access } from '../../../../domain/access/permissions';

/** Everyone who writes documents reads the list; changing it is a 環境設定 right. */
export const unitAccess = {
  view: access.authenticated,
  edit: access.permission('settings:edit'),
};
