import { access } from '../../../../domain/access/permissions';

export const projectAccess = {
  view: access.permission('projects:view'),
  create: access.permission('projects:create'),
  edit: access.permission('projects:edit'),
  delete: access.permission('projects:delete'),
};
