import { access } from '../../../../domain/access/permissions';

export const departmentAccess = {
  view: access.permission('departments:view'),
  create: access.permission('departments:create'),
  edit: access.permission('departments:edit'),
  delete: access.permission('departments:delete'),
};
