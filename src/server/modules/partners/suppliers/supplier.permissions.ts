import { access } from '../../../../domain/access/permissions';

export const supplierAccess = {
  view: access.permission('suppliers:view'),
  create: access.permission('suppliers:create'),
  edit: access.permission('suppliers:edit'),
  delete: access.permission('suppliers:delete'),
};
