import { access } from '../../../../domain/access/permissions';

/** 得意先別単価 are part of the product record: changing them is a product edit. */
export const productAccess = {
  view: access.permission('products:view'),
  create: access.permission('products:create'),
  edit: access.permission('products:edit'),
  delete: access.permission('products:delete'),
};
