import { access } from '../../../../domain/access/permissions';

export const customerAccess = {
  view: access.permission('customers:view'),
  create: access.permission('customers:create'),
  edit: access.permission('customers:edit'),
  delete: access.permission('customers:delete'),
};
