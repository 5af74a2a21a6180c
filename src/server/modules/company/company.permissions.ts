import { access } from '../../../domain/access/permissions';

/**
 * 自社情報, 振込先, images and 帳票設定 belong to 環境設定. 伝票入力チェック is read by every
 * document form, so any signed-in user may read it (like units and tax rates).
 */
export const companyAccess = {
  view: access.permission('settings:view'),
  edit: access.permission('settings:edit'),
  readEntryChecks: access.authenticated,
};
